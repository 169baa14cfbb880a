import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedObservations } from '../../bench/seed-observations';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext();
  seedObservations(ctx.store.sqlite, {
    observations: 600,
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2026-06-01T00:00:00Z'),
    sites: ['Sutton', 'Chelsea'],
    areasPerSite: 3,
    observationsPerRound: 10,
    seed: 3,
    tagged: 0.5,
  });
});
afterEach(() => ctx.dispose());

/** Runs a search and returns the query plan of each statement it prepared. */
async function plansOf(request: Record<string, unknown>) {
  const spy: string[] = [];
  const original = ctx.store.sqlite.prepare.bind(ctx.store.sqlite);
  ctx.store.sqlite.prepare = ((sql: string) => {
    spy.push(sql);
    return original(sql);
  }) as typeof ctx.store.sqlite.prepare;
  // The search statements are prepared lazily, on first use with this filter combination.
  const found = await ctx.call('search:observations', request as never);
  ctx.store.sqlite.prepare = original;
  const args = ['"the"*', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'Sutton', 50, 0];
  const plans = new Map(
    spy.map((sql) => {
      const needed = sql.split('?').length - 1;
      const plan = original(`EXPLAIN QUERY PLAN ${sql}`).all(...args.slice(0, needed)) as {
        detail: string;
      }[];
      return [sql, plan.map((p) => p.detail)];
    }),
  );
  return { found, plans };
}

describe('search query plan', () => {
  it('drives a filtered text search from the full-text index, and stops after one page', async () => {
    const request = { text: 'the', site: 'Sutton', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    const { found, plans } = await plansOf(request);
    // More matches than the count goes up to: the page comes newest first.
    expect(found).toMatchObject({ totalIsExact: false, order: 'newest' });
    expect(plans.size).toBe(2);
    for (const [sql, details] of plans) {
      const ftsStep = details.findIndex((d) => d.includes('search_index VIRTUAL TABLE'));
      const itemsStep = details.findIndex((d) => d.includes('si USING'));
      expect(ftsStep, sql).toBeGreaterThanOrEqual(0);
      expect(itemsStep, sql).toBeGreaterThan(ftsStep);
      expect(details[itemsStep]).toContain('INTEGER PRIMARY KEY');
      // No sorting step: rows come from the index in order, so SQLite can stop at the page.
      expect(details.join('\n')).not.toContain('TEMP B-TREE');
    }
  });
});
