import type { z } from 'zod';
import type { ParsedRequestOf } from '../../ipc/contract';
import type { Insights } from '../../ipc/tagging-schemas';
import { SENTIMENT_LABELS, type EqualityImpact, type SentimentLabel } from '../../ipc/vocabulary';
import { cohensKappaFromCounts, type SentimentPairCount } from '../sentiment/agreement';
import type { Store } from '../store';
import { EQUALITY_GROUPS, FRAMEWORK_IDS, TRUST_KEY_THEMES } from '../tagging/frameworks';
import { withShown } from './small-numbers';
import { daysBetween, median } from '../actions/action-rules';
import { calendarDateIn } from '../time/trust-time';

type InsightsDto = z.output<typeof Insights>;
type Counts = Record<SentimentLabel | 'unrated', number>;
type Impacts = Record<EqualityImpact, number>;

const emptyCounts = (): Counts => ({ positive: 0, negative: 0, neutral: 0, mixed: 0, unrated: 0 });
const emptyImpacts = (): Impacts => ({ positive: 0, negative: 0, neutral: 0, unclear: 0 });
const isLabel = (value: string | null): value is SentimentLabel =>
  value !== null && (SENTIMENT_LABELS as readonly string[]).includes(value);
const isImpact = (value: string | null): value is EqualityImpact =>
  value === 'positive' || value === 'negative' || value === 'neutral' || value === 'unclear';

// Every figure is counted by the database in one statement: the period's observations and
// their tags are gathered once (materialised), and each part of the page is a GROUP BY over
// them, so only a few hundred small rows come back however many observations there are.
// Sentiment is the one the person confirmed, or else the suggestion. Each row is
// (part, a, b, n); what a and b hold depends on the part.
const INSIGHTS_SQL = `
WITH period AS MATERIALIZED (
  SELECT o.id AS id, o.area_id AS areaId, o.equality_status AS status,
         o.sentiment_suggested AS suggested, o.sentiment_confirmed AS confirmed,
         coalesce(o.sentiment_confirmed, o.sentiment_suggested) AS sentiment
  FROM observations o
  WHERE o.captured_at >= @from AND o.captured_at < @to
    AND (@site IS NULL OR o.round_id IN (SELECT id FROM rounds WHERE site = @site COLLATE NOCASE))
),
equality AS MATERIALIZED (
  SELECT p.id AS id, p.areaId AS areaId, t.tag_id AS tagId, t.impact AS impact
  FROM period p CROSS JOIN item_tags t
    ON t.item_kind = 'observation' AND t.item_id = p.id AND t.framework_id = @equality
),
-- Each equality tag counts for its own group and for its parent group.
rollup AS MATERIALIZED (
  SELECT json_extract(value, '$[0]') AS tagId, json_extract(value, '$[1]') AS groupId FROM json_each(@rollup)
)
SELECT 'status' AS part, status AS a, NULL AS b, count(*) AS n FROM period GROUP BY status
UNION ALL
SELECT 'pair', suggested, confirmed, count(*) FROM period GROUP BY suggested, confirmed
UNION ALL
-- An observation with no theme finds no tag here, and is counted under a NULL theme: untagged.
SELECT 'theme', t.tag_id, p.sentiment, count(*) FROM period p LEFT JOIN item_tags t
    ON t.item_kind = 'observation' AND t.item_id = p.id AND t.framework_id = @framework
  GROUP BY t.tag_id, p.sentiment
UNION ALL
SELECT 'group', r.groupId, e.areaId, count(DISTINCT e.id) FROM equality e JOIN rollup r ON r.tagId = e.tagId
  GROUP BY r.groupId, e.areaId
UNION ALL
SELECT 'impact', tagId, impact, count(*) FROM equality WHERE impact IS NOT NULL GROUP BY tagId, impact
UNION ALL
SELECT 'area', a.id, a.name, 0 FROM areas a WHERE a.id IN (SELECT areaId FROM period)`;

type Part = 'status' | 'pair' | 'theme' | 'group' | 'impact' | 'area';
type InsightsRow = { part: Part; a: string | null; b: string | null; n: number };

/** SQLite's BINARY collation, so areas come in the order ORDER BY name gives them. */
const byUtf8 = (x: string, y: string) => Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8'));

export function createInsights(store: Store) {
  // The materialised sets are a few megabytes at most: kept in memory, not in temporary files.
  store.sqlite.pragma('temp_store = MEMORY');
  const statement = store.sqlite.prepare(INSIGHTS_SQL);
  const rollup = JSON.stringify(
    EQUALITY_GROUPS.items.flatMap((group) =>
      group.parentId
        ? [
            [group.id, group.id],
            [group.id, group.parentId],
          ]
        : [[group.id, group.id]],
    ),
  );

  return (request: ParsedRequestOf<'insights:get'>): InsightsDto => {
    const params = {
      from: new Date(request.from).toISOString(),
      to: new Date(request.to).toISOString(),
      site: request.site,
      framework: FRAMEWORK_IDS.trustKeyThemes,
      equality: FRAMEWORK_IDS.equalityGroups,
      rollup,
    };
    const threshold = request.threshold;

    const status = { recorded: 0, none_applies: 0, not_recorded: 0 } as Record<string, number>;
    let observationCount = 0;
    let unconfirmed = 0;
    const pairs: SentimentPairCount[] = [];
    const themeCounts = new Map<string, Counts>(
      TRUST_KEY_THEMES.items.map((item) => [item.id, emptyCounts()]),
    );
    const untagged = emptyCounts();
    const groupAreas = new Map<string, Map<string, number>>();
    const impacts = new Map<string, Impacts>();
    const areas: { areaId: string; name: string }[] = [];
    for (const row of statement.all(params) as InsightsRow[]) {
      switch (row.part) {
        case 'status':
          observationCount += row.n;
          if (row.a !== null) status[row.a] = (status[row.a] ?? 0) + row.n;
          break;
        case 'pair':
          if (row.a !== null && row.b === null) unconfirmed += row.n;
          if (isLabel(row.a) && isLabel(row.b))
            pairs.push({ suggested: row.a, confirmed: row.b, count: row.n });
          break;
        case 'theme': {
          const counts = row.a === null ? untagged : themeCounts.get(row.a);
          if (counts) counts[isLabel(row.b) ? row.b : 'unrated'] += row.n;
          break;
        }
        case 'group': {
          const perArea = groupAreas.get(row.a ?? '') ?? new Map<string, number>();
          perArea.set(row.b ?? '', row.n);
          groupAreas.set(row.a ?? '', perArea);
          break;
        }
        case 'impact': {
          const tally = impacts.get(row.a ?? '') ?? emptyImpacts();
          if (isImpact(row.b)) tally[row.b] += row.n;
          impacts.set(row.a ?? '', tally);
          break;
        }
        case 'area':
          areas.push({ areaId: row.a ?? '', name: row.b ?? '' });
          break;
      }
    }
    // Areas of the same name (at different sites) follow by id, so the order never shifts.
    areas.sort((x, y) => byUtf8(x.name, y.name) || byUtf8(x.areaId, y.areaId));
    const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);

    // Equality coverage counts distinct observations, and a group's total includes its
    // sub-groups (hearing from someone experiencing homelessness is hearing from inclusion
    // health groups).
    const groups = EQUALITY_GROUPS.items.map((group) => {
      const perArea = groupAreas.get(group.id);
      let total = 0;
      for (const count of perArea?.values() ?? []) total += count;
      return {
        tagId: group.id,
        label: group.label,
        category: group.category,
        parentId: group.parentId ?? null,
        total: withShown(total, threshold),
        byArea: areas.map((area) => ({
          areaId: area.areaId,
          ...withShown(perArea?.get(area.areaId) ?? 0, threshold),
        })),
        impacts: impacts.get(group.id) ?? emptyImpacts(),
        neverHeard: total === 0,
      };
    });

    const agreement = cohensKappaFromCounts(pairs);
    // Overdue is judged at the end of the period, or now if the period is still running.
    const asOf = new Date(Math.min(Date.parse(params.to) - 1, store.now().getTime()));
    const actionFigures = store.actions.period({
      from: params.from,
      to: params.to,
      site: request.site,
      today: calendarDateIn(asOf),
    });
    return {
      actions: {
        opened: actionFigures.opened,
        done: actionFigures.done,
        fedBack: actionFigures.fedBack,
        overdue: actionFigures.overdue,
        medianDaysSaidToFedBack: median(
          actionFigures.fedBackSpans.map((s) => daysBetween(s.saidAt, s.fedBackAt)),
        ),
      },
      observationCount,
      themes: TRUST_KEY_THEMES.items.map((item) => {
        const counts = themeCounts.get(item.id) ?? emptyCounts();
        return {
          frameworkId: TRUST_KEY_THEMES.id,
          tagId: item.id,
          label: item.label,
          total: sum(counts),
          counts,
        };
      }),
      untagged: { ...untagged, total: sum(untagged) },
      equality: {
        threshold,
        recorded: status.recorded ?? 0,
        noneApplies: status.none_applies ?? 0,
        notRecorded: status.not_recorded ?? 0,
        areas,
        groups,
      },
      sentiment: {
        kappa: agreement.kappa,
        observedAgreement: agreement.observedAgreement,
        compared: agreement.n,
        overridden: agreement.overridden,
        unconfirmed,
      },
    };
  };
}
