import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';

// Saving an observation writes the record and a queue entry; the full-text index follows just
// after (migration 0010). These check that nobody can tell: search always sees every save.

let ctx: TestContext;
afterEach(() => ctx.dispose());

const indexed = (c: TestContext, id: string) =>
  c.store.sqlite
    .prepare(
      "SELECT count(*) FROM search_index JOIN search_items si ON si.rowid = search_index.rowid WHERE si.item_kind = 'observation' AND si.item_id = ?",
    )
    .pluck()
    .get(id) as number;
const queued = (c: TestContext) =>
  c.store.sqlite.prepare('SELECT count(*) FROM search_queue').pluck().get() as number;

describe('indexing after a save', () => {
  it('leaves the index out of the save and indexes it on the next turn of the event loop', async () => {
    ctx = createTestContext();
    const round = await roundWithAreas(ctx, 'Sutton', ['Bud Ward'], new Date());
    const saved = await observe(ctx, round.roundId, round.areas['Bud Ward']!, 'The hearing loop was broken');
    expect(queued(ctx)).toBe(1);
    expect(indexed(ctx, saved.id)).toBe(0);
    await nextTurn();
    expect(queued(ctx)).toBe(0);
    expect(indexed(ctx, saved.id)).toBe(1);
  });

  it('finds a save made a moment ago, before its indexing has run', async () => {
    ctx = createTestContext();
    const round = await roundWithAreas(ctx, 'Sutton', ['Bud Ward'], new Date());
    const saved = await observe(ctx, round.roundId, round.areas['Bud Ward']!, 'No halal meals on the menu');
    const edited = await ctx.call('observations:update', {
      id: saved.id,
      changes: { text: 'No kosher meals on the menu' },
    });
    expect(queued(ctx)).toBe(2);
    const found = await ctx.call('search:observations', { text: 'kosher', limit: 20 });
    expect(found.results.map((r) => r.observationId)).toEqual([edited.id]);
    expect((await ctx.call('search:observations', { text: 'halal', limit: 20 })).total).toBe(0);
  });

  it('indexes at start-up what a crash left in the queue', async () => {
    ctx = createTestContext();
    const round = await roundWithAreas(ctx, 'Sutton', ['Bud Ward'], new Date());
    await nextTurn();
    // As if the window closed between the save and its indexing: the row and its queue
    // entry are on disk, the index has not seen it.
    ctx.store.sqlite
      .prepare(
        `INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at)
         VALUES ('left', ?, ?, '2026-11-26T10:00:00.000Z', 'heard', 'patient', 'Signage to the scanner was poor', NULL, 'x', 'x')`,
      )
      .run(round.roundId, round.areas['Bud Ward']!);
    ctx.store.sqlite.close();
    const reopened = ctx.reopen();
    ctx = reopened;
    expect(queued(ctx)).toBe(0);
    expect(indexed(ctx, 'left')).toBe(1);
  });
});
