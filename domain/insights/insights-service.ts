import type { z } from 'zod';
import type { ParsedRequestOf } from '../../ipc/contract';
import type { Insights } from '../../ipc/tagging-schemas';
import { SENTIMENT_LABELS, type EqualityImpact, type SentimentLabel } from '../../ipc/vocabulary';
import { cohensKappa } from '../sentiment/agreement';
import type { Store } from '../store';
import { EQUALITY_GROUPS, FRAMEWORK_IDS, TRUST_KEY_THEMES } from '../tagging/frameworks';
import { withShown } from './small-numbers';

type InsightsDto = z.output<typeof Insights>;
type Counts = Record<SentimentLabel | 'unrated', number>;

const emptyCounts = (): Counts => ({ positive: 0, negative: 0, neutral: 0, mixed: 0, unrated: 0 });
const isLabel = (value: string | null): value is SentimentLabel =>
  value !== null && (SENTIMENT_LABELS as readonly string[]).includes(value);

// The observations of the period, as a CTE every query below starts from. Sentiment is the
// one the person confirmed, or else the suggestion.
const PERIOD = `WITH period AS (
  SELECT o.id, o.area_id, o.equality_status, o.sentiment_suggested, o.sentiment_confirmed,
         coalesce(o.sentiment_confirmed, o.sentiment_suggested) AS sentiment
  FROM observations o JOIN rounds r ON r.id = o.round_id
  WHERE o.captured_at >= @from AND o.captured_at < @to AND (@site IS NULL OR r.site = @site COLLATE NOCASE)
)`;

export function createInsights(store: Store) {
  const statements = {
    totals: store.sqlite.prepare(
      `${PERIOD} SELECT count(*) AS total,
        sum(equality_status = 'recorded') AS recorded, sum(equality_status = 'none_applies') AS noneApplies,
        sum(equality_status = 'not_recorded') AS notRecorded,
        sum(sentiment_confirmed IS NULL AND sentiment_suggested IS NOT NULL) AS unconfirmed FROM period`,
    ),
    themes: store.sqlite.prepare(
      `${PERIOD} SELECT t.tag_id AS tagId, p.sentiment AS sentiment, count(*) AS n
       FROM period p JOIN item_tags t ON t.item_kind = 'observation' AND t.item_id = p.id AND t.framework_id = @framework
       GROUP BY t.tag_id, p.sentiment`,
    ),
    untagged: store.sqlite.prepare(
      `${PERIOD} SELECT p.sentiment AS sentiment, count(*) AS n FROM period p
       WHERE NOT EXISTS (SELECT 1 FROM item_tags t WHERE t.item_kind = 'observation' AND t.item_id = p.id AND t.framework_id = @framework)
       GROUP BY p.sentiment`,
    ),
    equality: store.sqlite.prepare(
      `${PERIOD} SELECT t.tag_id AS tagId, p.id AS observationId, p.area_id AS areaId, t.impact AS impact
       FROM period p JOIN item_tags t ON t.item_kind = 'observation' AND t.item_id = p.id AND t.framework_id = @equality`,
    ),
    areas: store.sqlite.prepare(
      `${PERIOD} SELECT a.id AS areaId, a.name AS name FROM areas a WHERE a.id IN (SELECT area_id FROM period) ORDER BY a.name`,
    ),
    pairs: store.sqlite.prepare(
      `${PERIOD} SELECT sentiment_suggested AS suggested, sentiment_confirmed AS confirmed FROM period
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
    const totals = statements.totals.get(params) as Record<string, number | null>;

    const themeCounts = new Map<string, Counts>(
      TRUST_KEY_THEMES.items.map((item) => [item.id, emptyCounts()]),
    );
    for (const row of statements.themes.all(params) as {
      tagId: string;
      sentiment: string | null;
      n: number;
    }[]) {
      const counts = themeCounts.get(row.tagId);
      if (counts) counts[isLabel(row.sentiment) ? row.sentiment : 'unrated'] += row.n;
    }
    const untagged = emptyCounts();
    for (const row of statements.untagged.all(params) as { sentiment: string | null; n: number }[]) {
      untagged[isLabel(row.sentiment) ? row.sentiment : 'unrated'] += row.n;
    }
    const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);

    // Equality coverage counts distinct observations, and a group's total includes its
    // sub-groups (hearing from someone experiencing homelessness is hearing from inclusion
    // health groups).
    const areas = statements.areas.all(params) as { areaId: string; name: string }[];
    const rows = statements.equality.all(params) as {
      tagId: string;
      observationId: string;
      areaId: string;
      impact: EqualityImpact | null;
    }[];
    const parentOf = new Map(EQUALITY_GROUPS.items.map((g) => [g.id, g.parentId ?? null]));
    const seen = new Map<string, Map<string, string>>();
    const impacts = new Map<string, Record<EqualityImpact, number>>();
    for (const row of rows) {
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
      const observationAreas = [...(seen.get(group.id)?.values() ?? [])];
      const total = observationAreas.length;
      return {
        tagId: group.id,
        label: group.label,
        category: group.category,
        parentId: group.parentId ?? null,
        total: withShown(total, threshold),
        byArea: areas.map((area) => ({
          areaId: area.areaId,
          ...withShown(observationAreas.filter((a) => a === area.areaId).length, threshold),
        })),
        impacts: impacts.get(group.id) ?? { positive: 0, negative: 0, neutral: 0, unclear: 0 },
        neverHeard: total === 0,
      };
    });

    const agreement = cohensKappa(
      statements.pairs.all(params) as { suggested: SentimentLabel; confirmed: SentimentLabel }[],
    );
    return {
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
