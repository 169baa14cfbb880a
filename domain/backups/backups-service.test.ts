import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { contextForEachTest } from '../../test/helpers/test-context';
import { BACKUPS_FOLDER } from '../app-context';

const ctx = contextForEachTest();

describe('backups', () => {
  it('makes one now, and lists it newest first with its date, size and what it holds', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Oak Ward']);
    await observe(ctx, roundId, areas['Oak Ward']!, 'The ward was calm');
    await observe(ctx, roundId, areas['Oak Ward']!, 'The call bell was answered quickly');
    const made = await ctx.call('backups:create', {});
    expect(made).toMatchObject({ rounds: 1, observations: 2, problem: null });
    expect(made.name).toMatch(/^px-rounds-.*-manual\.db$/);
    expect(made.bytes).toBeGreaterThan(0);
    expect(Date.parse(made.takenAt)).toBeGreaterThan(Date.now() - 60_000);
    const list = await ctx.call('backups:list', {});
    expect(list[0]).toEqual(made);
  });

  it('lists a backup it cannot read with the reason instead of counts', async () => {
    writeFileSync(
      join(ctx.dataDir, BACKUPS_FOLDER, 'px-rounds-2026-01-01T09-00-00-000Z-daily.db'),
      'not a database',
    );
    const list = await ctx.call('backups:list', {});
    expect(list.at(-1)).toMatchObject({
      name: 'px-rounds-2026-01-01T09-00-00-000Z-daily.db',
      takenAt: '2026-01-01T09:00:00.000Z',
      rounds: null,
      observations: null,
      problem: expect.stringMatching(/^This backup cannot be opened with the key of this data/),
    });
  });

  it('restores one: the data as it was then, the current data kept as a backup first, and the app carries on', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Oak Ward']);
    const before = await observe(ctx, roundId, areas['Oak Ward']!, 'The ward was calm');
    const backup = await ctx.call('backups:create', {});
    const after = await observe(ctx, roundId, areas['Oak Ward']!, 'Written after the backup');

    const result = await ctx.call('backups:restore', { name: backup.name });
    expect(result.restored).toBe(backup.name);
    expect(result.keptAs).toMatch(/-before-restore\.db$/);

    const round = await ctx.call('rounds:get', { roundId });
    expect(round.observations.map((o) => o.id)).toEqual([before.id]);
    const list = await ctx.call('backups:list', {});
    expect(list.find((b) => b.name === result.keptAs)).toMatchObject({ rounds: 1, observations: 2 });
    // The restored database takes new work.
    await observe(ctx, roundId, areas['Oak Ward']!, 'Written after the restore');
    expect((await ctx.call('rounds:get', { roundId })).observations).toHaveLength(2);
    expect((await ctx.call('rounds:get', { roundId })).observations.map((o) => o.id)).not.toContain(after.id);
  });

  it('refuses to restore a backup it cannot read, and changes nothing', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Oak Ward']);
    await observe(ctx, roundId, areas['Oak Ward']!, 'The ward was calm');
    const name = 'px-rounds-2026-01-01T09-00-00-000Z-daily.db';
    writeFileSync(join(ctx.dataDir, BACKUPS_FOLDER, name), 'not a database');
    const result = await ctx.dispatch('backups:restore', { name });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'corrupt', message: expect.stringMatching(/^This backup cannot be opened/) },
    });
    expect((await ctx.call('rounds:get', { roundId })).observations).toHaveLength(1);
    expect(await ctx.dispatch('backups:restore', { name: 'px-rounds-missing.db' })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
  });
});
