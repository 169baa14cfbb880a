import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedObservations } from '../../bench/seed-observations';
import type { ResponseOf } from '../../ipc/contract';
import type { SentimentLabel } from '../../ipc/vocabulary';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';
import { agreementFigures, cohensKappa } from '../sentiment/agreement';
import { EQUALITY_GROUPS, TRUST_KEY_THEMES } from '../tagging/frameworks';
import { shownCount } from './small-numbers';

// The insights page is counted in one pass over the period's observations and their tags. This
// checks every figure against the plainest possible computation: every observation and tag read into memory and
// counted one by one, on a few hundred generated observations across two sites.

type Insights = ResponseOf<'insights:get'>;
type ObservationRow = {
  id: string;
  areaId: string;
  capturedAt: string;
  site: string;
  status: string;
  suggested: SentimentLabel | null;
  confirmed: SentimentLabel | null;
};
type TagRow = { itemId: string; frameworkId: string; tagId: string; impact: string | null };

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext({ now: () => new Date('2026-12-01T00:00:00Z') });
  seedObservations(ctx.store.sqlite, {
    observations: 900,
    from: new Date('2026-05-01T00:00:00Z'),
    to: new Date('2026-11-01T00:00:00Z'),
    sites: ['Sutton', 'Chelsea'],
    areasPerSite: 4,
    observationsPerRound: 12,
    seed: 11,
    tagged: 0.6,
  });
  // Cases the generator does not make: a second theme on one observation, a sub-group and its
  // parent on one observation (counted once for the parent), a sub-group alone, and two
  // sub-groups of one parent on one observation (counted once for the parent).
  const sqlite = ctx.store.sqlite;
  const ids = sqlite
    .prepare("SELECT id FROM observations WHERE captured_at >= '2026-07-15' ORDER BY captured_at LIMIT 4")
    .pluck()
    .all() as string[];
  const child = EQUALITY_GROUPS.items.find((g) => g.parentId)!;
  const insert = sqlite.prepare(
    "INSERT OR IGNORE INTO item_tags (item_kind, item_id, framework_id, tag_id, impact, created_at) VALUES ('observation', ?, ?, ?, ?, 'test')",
  );
  insert.run(ids[0], TRUST_KEY_THEMES.id, TRUST_KEY_THEMES.items[0]!.id, null);
  insert.run(ids[0], TRUST_KEY_THEMES.id, TRUST_KEY_THEMES.items[1]!.id, null);
  insert.run(ids[1], EQUALITY_GROUPS.id, child.id, 'negative');
  insert.run(ids[1], EQUALITY_GROUPS.id, child.parentId!, 'positive');
  insert.run(ids[2], EQUALITY_GROUPS.id, child.id, null);
  const [first, second] = EQUALITY_GROUPS.items.filter((g) => g.parentId === child.parentId);
  insert.run(ids[3], EQUALITY_GROUPS.id, first!.id, 'neutral');
  insert.run(ids[3], EQUALITY_GROUPS.id, second!.id, 'unclear');
});
afterEach(() => ctx.dispose());

function reference(request: { from: string; to: string; site: string | null; threshold: number }) {
  const sqlite = ctx.store.sqlite;
  const from = new Date(request.from).toISOString();
  const to = new Date(request.to).toISOString();
  const observations = (
    sqlite
      .prepare(
        `SELECT o.id AS id, o.area_id AS areaId, o.captured_at AS capturedAt, r.site AS site,
           o.equality_status AS status, o.sentiment_suggested AS suggested, o.sentiment_confirmed AS confirmed
         FROM observations o JOIN rounds r ON r.id = o.round_id`,
      )
      .all() as ObservationRow[]
  ).filter(
    (o) =>
      o.capturedAt >= from &&
      o.capturedAt < to &&
      (request.site === null || o.site.toLowerCase() === request.site.toLowerCase()),
  );
  const inPeriod = new Map(observations.map((o) => [o.id, o]));
  const tags = (
    sqlite
      .prepare(
        "SELECT item_id AS itemId, framework_id AS frameworkId, tag_id AS tagId, impact FROM item_tags WHERE item_kind = 'observation'",
      )
      .all() as TagRow[]
  ).filter((t) => inPeriod.has(t.itemId));
  const sentimentOf = (o: ObservationRow) => o.confirmed ?? o.suggested ?? 'unrated';
  const tally = (list: ObservationRow[]) => {
    const counts = { positive: 0, negative: 0, neutral: 0, mixed: 0, unrated: 0 };
    for (const o of list) counts[sentimentOf(o)] += 1;
    return counts;
  };

  const themes = TRUST_KEY_THEMES.items.map((item) => {
    const list = tags
      .filter((t) => t.frameworkId === TRUST_KEY_THEMES.id && t.tagId === item.id)
      .map((t) => inPeriod.get(t.itemId)!);
    return { tagId: item.id, total: list.length, counts: tally(list) };
  });
  const themed = new Set(tags.filter((t) => t.frameworkId === TRUST_KEY_THEMES.id).map((t) => t.itemId));
  const untaggedList = observations.filter((o) => !themed.has(o.id));

  const areaIds = new Set(observations.map((o) => o.areaId));
  const areas = (
    sqlite.prepare('SELECT id AS areaId, name FROM areas ORDER BY name, id').all() as {
      areaId: string;
      name: string;
    }[]
  ).filter((a) => areaIds.has(a.areaId));
  const equalityTags = tags.filter((t) => t.frameworkId === EQUALITY_GROUPS.id);
  const groups = EQUALITY_GROUPS.items.map((group) => {
    const members = new Set(
      equalityTags
        .filter(
          (t) =>
            t.tagId === group.id ||
            EQUALITY_GROUPS.items.find((g) => g.id === t.tagId)?.parentId === group.id,
        )
        .map((t) => t.itemId),
    );
    const impacts = { positive: 0, negative: 0, neutral: 0, unclear: 0 };
    for (const t of equalityTags)
      if (t.tagId === group.id && t.impact) impacts[t.impact as keyof typeof impacts] += 1;
    return {
      tagId: group.id,
      total: { count: members.size, shown: shownCount(members.size, request.threshold) },
      byArea: areas.map((area) => {
        const count = [...members].filter((id) => inPeriod.get(id)!.areaId === area.areaId).length;
        return { areaId: area.areaId, count, shown: shownCount(count, request.threshold) };
      }),
      impacts,
      neverHeard: members.size === 0,
    };
  });

  const pairs = observations.flatMap((o) =>
    o.suggested && o.confirmed ? [{ suggested: o.suggested, confirmed: o.confirmed }] : [],
  );
  const agreement = cohensKappa(pairs);
  return {
    observationCount: observations.length,
    themes,
    untagged: { ...tally(untaggedList), total: untaggedList.length },
    equality: {
      recorded: observations.filter((o) => o.status === 'recorded').length,
      noneApplies: observations.filter((o) => o.status === 'none_applies').length,
      notRecorded: observations.filter((o) => o.status === 'not_recorded').length,
      areas,
      groups,
    },
    sentiment: {
      ...agreementFigures(agreement),
      unconfirmed: observations.filter((o) => o.suggested !== null && o.confirmed === null).length,
    },
  };
}

const comparable = (insights: Insights) => ({
  observationCount: insights.observationCount,
  themes: insights.themes.map(({ tagId, total, counts }) => ({ tagId, total, counts })),
  untagged: insights.untagged,
  equality: {
    recorded: insights.equality.recorded,
    noneApplies: insights.equality.noneApplies,
    notRecorded: insights.equality.notRecorded,
    areas: insights.equality.areas,
    groups: insights.equality.groups.map(({ tagId, total, byArea, impacts, neverHeard }) => ({
      tagId,
      total,
      byArea,
      impacts,
      neverHeard,
    })),
  },
  sentiment: insights.sentiment,
});

describe('insights counted by the database', () => {
  it.each([
    { from: '2026-07-01T00:00:00+01:00', to: '2026-10-01T00:00:00+01:00', site: null, threshold: 5 },
    { from: '2026-07-01T00:00:00+01:00', to: '2026-10-01T00:00:00+01:00', site: 'sutton', threshold: 5 },
    { from: '2026-05-01T00:00:00Z', to: '2026-11-01T00:00:00Z', site: 'Chelsea', threshold: 10 },
    { from: '2027-01-01T00:00:00Z', to: '2027-04-01T00:00:00Z', site: null, threshold: 5 },
  ])('matches counting every row by hand ($site, $from)', async (request) => {
    const insights = await ctx.call('insights:get', request);
    const expected = reference(request);
    expect(comparable(insights)).toEqual(expected);
    // The generated data reaches every part of the page, so the comparison is not vacuous.
    if (request.from.startsWith('2026')) {
      expect(expected.observationCount).toBeGreaterThan(100);
      expect(expected.untagged.total).toBeGreaterThan(0);
      expect(expected.equality.groups.filter((g) => g.total.count > 0).length).toBeGreaterThan(3);
      expect(expected.sentiment.compared).toBeGreaterThan(0);
    }
  });
});
