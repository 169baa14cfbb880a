import type { z } from 'zod';
import type { ParsedRequestOf } from '../../ipc/contract';
import type { Insights } from '../../ipc/tagging-schemas';
import { SENTIMENT_LABELS, type EqualityImpact, type SentimentLabel } from '../../ipc/vocabulary';
import { cohensKappa } from '../sentiment/agreement';
import type { Store } from '../store';
import { EQUALITY_GROUPS, FRAMEWORK_IDS, TRUST_KEY_THEMES } from '../tagging/frameworks';
import { withShown } from './small-numbers';
import { daysBetween, median } from '../actions/action-rules';
import { calendarDateIn } from '../time/trust-time';

type InsightsDto = z.output<typeof Insights>;
type Counts = Record<SentimentLabel | 'unrated', number>;

const emptyCounts = (): Counts => ({ positive: 0, negative: 0, neutral: 0, mixed: 0, unrated: 0 });
const isLabel = (value: string | null): value is SentimentLabel =>
  value !== null && (SENTIMENT_LABELS as readonly string[]).includes(value);

// The observations of the period are gathered once per request into an in-memory table that
// every count below reads, rather than each count finding them again. Sentiment is the one the
// person confirmed, or else the suggestion.
const PERIOD_TABLE = `CREATE TEMP TABLE IF NOT EXISTS insights_period (
  id TEXT PRIMARY KEY, area_id TEXT NOT NULL, equality_status TEXT NOT NULL,
  sentiment_suggested TEXT, sentiment_confirmed TEXT, sentiment TEXT) WITHOUT ROWID`;

export function createInsights(store: Store) {
  store.sqlite.pragma('temp_store = MEMORY');
  store.sqlite.exec(PERIOD_TABLE);
  const statements = {
    clear: store.sqlite.prepare('DELETE FROM temp.insights_period'),
    fill: store.sqlite.prepare(
      `INSERT INTO temp.insights_period
       SELECT o.id, o.area_id, o.equality_status, o.sentiment_suggested, o.sentiment_confirmed,
              coalesce(o.sentiment_confirmed, o.sentiment_suggested)
       FROM observations o JOIN rounds r ON r.id = o.round_id
       WHERE o.captured_at >= @from AND o.captured_at < @to AND (@site IS NULL OR r.site = @site COLLATE NOCASE)`,
    ),
    totals: store.sqlite.prepare(
      `SELECT count(*) AS total,
        sum(equality_status = 'recorded') AS recorded, sum(equality_status = 'none_applies') AS noneApplies,
        sum(equality_status = 'not_recorded') AS notRecorded,
        sum(sentiment_confirmed IS NULL AND sentiment_suggested IS NOT NULL) AS unconfirmed FROM temp.insights_period`,
    ),
    tags: store.sqlite.prepare(
      `SELECT t.framework_id AS frameworkId, t.tag_id AS tagId, p.id AS observationId, p.area_id AS areaId,
              t.impact AS impact, p.sentiment AS sentiment
       FROM temp.insights_period p CROSS JOIN item_tags t ON t.item_kind = 'observation' AND t.item_id = p.id
       WHERE t.framework_id IN (@framework, @equality)`,
    ),
    sentiments: store.sqlite.prepare('SELECT id, sentiment FROM temp.insights_period'),
    areas: store.sqlite.prepare(
      'SELECT a.id AS areaId, a.name AS name FROM areas a WHERE a.id IN (SELECT area_id FROM temp.insights_period) ORDER BY a.name',
    ),
    pairs: store.sqlite.prepare(
      `SELECT sentiment_suggested AS suggested, sentiment_confirmed AS confirmed FROM temp.insights_period
       WHERE sentiment_suggested IS NOT NULL AND sentiment_confirmed IS NOT NULL`,
    ),
  };

  return (request: ParsedRequestOf<'insights:get'>): InsightsDto => {
    const params = {
      from: new Date(request.from).toISOString(),
      to: new Date(request.to).toISOString(),
      site: request.site,
      framework: FRAMEWORK_IDS.trustKeyThemes,
      equality: FRAMEWORK_IDS.equalityGroups,
    };
    const threshold = request.threshold;
    const totals = store.sqlite.transaction(() => {
      statements.clear.run();
      statements.fill.run(params);
      return statements.totals.get() as Record<string, number | null>;
    })();

    type TagRow = {
      frameworkId: string;
      tagId: string;
      observationId: string;
      areaId: string;
      impact: EqualityImpact | null;
      sentiment: string | null;
    };
    const tagRows = statements.tags.all(params) as TagRow[];

    const themeCounts = new Map<string, Counts>(
      TRUST_KEY_THEMES.items.map((item) => [item.id, emptyCounts()]),
    );
    const themed = new Set<string>();
    for (const row of tagRows) {
      if (row.frameworkId !== TRUST_KEY_THEMES.id) continue;
      themed.add(row.observationId);
      const counts = themeCounts.get(row.tagId);
      if (counts) counts[isLabel(row.sentiment) ? row.sentiment : 'unrated'] += 1;
    }
    const untagged = emptyCounts();
    for (const row of statements.sentiments.all() as { id: string; sentiment: string | null }[]) {
      if (!themed.has(row.id)) untagged[isLabel(row.sentiment) ? row.sentiment : 'unrated'] += 1;
    }
    const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);

    // Equality coverage counts distinct observations, and a group's total includes its
    // sub-groups (hearing from someone experiencing homelessness is hearing from inclusion
    // health groups).
    const areas = statements.areas.all() as { areaId: string; name: string }[];
    const parentOf = new Map(EQUALITY_GROUPS.items.map((g) => [g.id, g.parentId ?? null]));
    const seen = new Map<string, Map<string, string>>();
    const impacts = new Map<string, Record<EqualityImpact, number>>();
    for (const row of tagRows) {
      if (row.frameworkId !== EQUALITY_GROUPS.id) continue;
      for (const groupId of [row.tagId, parentOf.get(row.tagId) ?? null]) {
        if (groupId === null) continue;
        const observationsOfGroup = seen.get(groupId) ?? new Map<string, string>();
        observationsOfGroup.set(row.observationId, row.areaId);
        seen.set(groupId, observationsOfGroup);
      }
      const tally = impacts.get(row.tagId) ?? { positive: 0, negative: 0, neutral: 0, unclear: 0 };
      if (row.impact) tally[row.impact] += 1;
      impacts.set(row.tagId, tally);
    }
    const groups = EQUALITY_GROUPS.items.map((group) => {
      const perArea = new Map<string, number>();
      for (const areaId of seen.get(group.id)?.values() ?? [])
        perArea.set(areaId, (perArea.get(areaId) ?? 0) + 1);
      const total = seen.get(group.id)?.size ?? 0;
      return {
        tagId: group.id,
        label: group.label,
        category: group.category,
        parentId: group.parentId ?? null,
        total: withShown(total, threshold),
        byArea: areas.map((area) => ({
          areaId: area.areaId,
          ...withShown(perArea.get(area.areaId) ?? 0, threshold),
        })),
        impacts: impacts.get(group.id) ?? { positive: 0, negative: 0, neutral: 0, unclear: 0 },
        neverHeard: total === 0,
      };
    });

    const agreement = cohensKappa(
      statements.pairs.all(params) as { suggested: SentimentLabel; confirmed: SentimentLabel }[],
    );
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
      observationCount: totals.total ?? 0,
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
        recorded: totals.recorded ?? 0,
        noneApplies: totals.noneApplies ?? 0,
        notRecorded: totals.notRecorded ?? 0,
        areas,
        groups,
      },
      sentiment: {
        kappa: agreement.kappa,
        observedAgreement: agreement.observedAgreement,
        compared: agreement.n,
        overridden: agreement.overridden,
        unconfirmed: totals.unconfirmed ?? 0,
      },
    };
  };
}
