import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext();
});
afterEach(() => ctx.dispose());

describe('search query plan', () => {
  it('drives a filtered text search from the full-text index, not from the date index', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 1']);
    await observe(ctx, roundId, areas['Ward 1']!, 'The nurses were kind');
    const spy: string[] = [];
    const original = ctx.store.sqlite.prepare.bind(ctx.store.sqlite);
    ctx.store.sqlite.prepare = ((sql: string) => {
      spy.push(sql);
      return original(sql);
    }) as typeof ctx.store.sqlite.prepare;
    // The search statements are prepared lazily, on first use with this filter combination.
    await ctx.call('search:observations', {
      text: 'nurse',
      site: 'Sutton',
      from: '2026-01-01T00:00:00Z',
      to: '2027-01-01T00:00:00Z',
    });
    ctx.store.sqlite.prepare = original;
    const hitsSql = spy.find((sql) => sql.includes('MATCH') && sql.includes('count(*) OVER'))!;
    const plan = ctx.store.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${hitsSql}`)
      .all('"nurse"*', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'Sutton', 50, 0) as {
      detail: string;
    }[];
    const details = plan.map((p) => p.detail);
    const ftsStep = details.findIndex((d) => d.includes('search_index VIRTUAL TABLE'));
    const itemsStep = details.findIndex((d) => d.includes('si USING'));
    expect(ftsStep).toBeGreaterThanOrEqual(0);
    expect(itemsStep).toBeGreaterThan(ftsStep);
    expect(details[itemsStep]).toContain('INTEGER PRIMARY KEY');
  });
});
