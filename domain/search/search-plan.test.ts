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
  // Only the number of parameters matters: the plan does not depend on their values.
  const args = Array.from({ length: 10 }, () => null);
  const plans = new Map(
    spy.map((sql) => {
      const needed = sql.split('?').length - 1;
      const plan = original(`EXPLAIN QUERY PLAN ${sql}`).all(...args.slice(0, needed)) as {
        id: number;
        parent: number;
        detail: string;
      }[];
      // The steps of the walk (the CTE, run as a co-routine) alone, and of the whole statement.
      const walkId = plan.find((p) => p.detail.startsWith('CO-ROUTINE walk'))?.id;
      return [
        sql,
        {
          walk: plan.filter((p) => p.parent === walkId).map((p) => p.detail),
          all: plan.map((p) => p.detail),
        },
      ];
    }),
  );
  return { found, plans };
}

describe('search query plan', () => {
  it('drives a filtered text search from the full-text index in one walk that stops at the cap', async () => {
    const request = { text: 'the', site: 'Sutton', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
    const { found, plans } = await plansOf(request);
    // More matches than the count goes up to: the page comes newest first, from the same walk.
    expect(found).toMatchObject({ totalIsExact: false, order: 'newest' });
    expect(found.results.every((r) => r.snippet.some((part) => part.match))).toBe(true);
    expect(plans.size).toBe(1);
    const [sql, { walk, all }] = [...plans][0]!;
    // One step, the index alone: the text and the site are in its MATCH ("M"), and the period
    // is a range of its keys (">" and "<"), which it seeks to. No table is looked up per match.
    expect(walk, sql).toEqual(['SCAN search_index VIRTUAL TABLE INDEX 192:M2><']);
    // The page's details are looked up by key, for its rows alone.
    expect(all.filter((d) => d.startsWith('SEARCH si'))).toEqual([
      'SEARCH si USING INTEGER PRIMARY KEY (rowid=?)',
    ]);
    // No sorting step: rows come from the index in order, so SQLite can stop at the cap.
    expect(all.join('\n')).not.toContain('TEMP B-TREE');
  });

  it('looks up search_items in the walk only when a filter needs it', async () => {
    const areaId = ctx.store.sqlite
      .prepare("SELECT id FROM areas WHERE site = 'Sutton' LIMIT 1")
      .pluck()
      .get();
    const { plans } = await plansOf({ text: 'the', site: 'Sutton', areaId });
    const [sql, { walk, all }] = [...plans][0]!;
    expect(walk[0], sql).toContain('search_index VIRTUAL TABLE');
    expect(walk.slice(1), sql).toEqual(['SEARCH si USING INTEGER PRIMARY KEY (rowid=?)']);
    expect(all.join('\n')).not.toContain('TEMP B-TREE');
  });
});
