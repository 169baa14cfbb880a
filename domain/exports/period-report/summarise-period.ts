import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../insights/small-numbers';
import type { ActionStatus } from '../../../ipc/vocabulary';
import type {
  PeriodObservationInput,
  PeriodReportInput,
  PeriodReportModel,
  SentimentCounts,
} from './period-report-model';

// From a period's records to the figures the PEIG report prints. One pass over the
// observations for the counts; everything else is small. Pure, so it is tested and benched
// without a database.

const emptyCounts = (): SentimentCounts => ({ positive: 0, neutral: 0, mixed: 0, negative: 0, unrated: 0 });

function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Keeps the framework's order, then appends anything else found, in the order first seen. */
function orderedKeys(framework: readonly string[], found: Iterable<string>): string[] {
  const keys = [...framework];
  const known = new Set(framework);
  for (const key of found) {
    if (known.has(key)) continue;
    keys.push(key);
    known.add(key);
  }
  return keys;
}

/**
 * Notable quotes: only words people agreed may be quoted, taken in turn from each theme so
 * one busy theme does not crowd out the rest, and within a theme alternating good news and bad.
 */
function pickQuotes(observations: readonly PeriodObservationInput[], themes: readonly string[], max: number) {
  const byTheme = new Map<string, PeriodObservationInput[]>();
  for (const o of observations) {
    if (o.kind !== 'quote' || !o.mayBeQuoted) continue;
    const theme = o.themes[0] ?? '';
    byTheme.set(theme, [...(byTheme.get(theme) ?? []), o]);
  }
  for (const [theme, list] of byTheme) {
    const positive = list.filter((o) => o.sentiment === 'positive');
    const other = list.filter((o) => o.sentiment !== 'positive');
    const interleaved: PeriodObservationInput[] = [];
    for (let i = 0; i < Math.max(positive.length, other.length); i += 1) {
      if (other[i]) interleaved.push(other[i] as PeriodObservationInput);
      if (positive[i]) interleaved.push(positive[i] as PeriodObservationInput);
    }
    byTheme.set(theme, interleaved);
  }
  const order = orderedKeys(themes, byTheme.keys()).filter((t) => byTheme.has(t));
  const picked: PeriodReportModel['notableQuotes'][number][] = [];
  for (let round = 0; picked.length < max; round += 1) {
    const before = picked.length;
    for (const theme of order) {
      const quote = byTheme.get(theme)?.[round];
      if (quote && picked.length < max) {
        picked.push({
          text: quote.text,
          source: quote.source,
          area: quote.area,
          theme: theme === '' ? null : theme,
        });
      }
    }
    if (picked.length === before) break;
  }
  return picked;
}

export function summarisePeriod(input: PeriodReportInput): PeriodReportModel {
  const threshold = input.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const observationsByArea = new Map<string, number>();
  const visitsByArea = new Map<string, number>();
  const themeCounts = new Map<string, SentimentCounts>();
  const groupCounts = new Map<string, number>();
  let quotes = 0;
  let tagged = 0;

  for (const o of input.observations) {
    increment(observationsByArea, o.area);
    if (o.kind === 'quote') quotes += 1;
    for (const theme of new Set(o.themes)) {
      const counts = themeCounts.get(theme) ?? emptyCounts();
      counts[o.sentiment ?? 'unrated'] += 1;
      themeCounts.set(theme, counts);
    }
    const groups = new Set(o.equalityGroups);
    if (groups.size > 0) tagged += 1;
    for (const group of groups) increment(groupCounts, group);
  }
  for (const round of input.rounds) for (const area of new Set(round.areas)) increment(visitsByArea, area);

  const areaNames = orderedKeys([...visitsByArea.keys()], observationsByArea.keys());
  const areas = areaNames
    .map((area) => ({
      area,
      visits: visitsByArea.get(area) ?? 0,
      observations: observationsByArea.get(area) ?? 0,
    }))
    .sort((a, b) => b.visits - a.visits || b.observations - a.observations || a.area.localeCompare(b.area));
  const groups = orderedKeys(input.equalityGroups, groupCounts.keys()).map((group) => ({
    group,
    observations: groupCounts.get(group) ?? 0,
  }));

  const statusCounts: Record<ActionStatus | 'overdue' | 'raised', number> = {
    raised: 0,
    open: 0,
    in_progress: 0,
    done: 0,
    fed_back: 0,
    overdue: 0,
  };
  const overdue = input.actions.filter(
    (a) => (a.status === 'open' || a.status === 'in_progress') && a.due !== null && a.due < input.to,
  );
  for (const action of input.actions) {
    statusCounts[action.status] += 1;
    if (action.raisedOn >= input.from && action.raisedOn <= input.to) statusCounts.raised += 1;
  }
  statusCounts.overdue = overdue.length;

  return {
    organisation: input.organisation,
    marking: input.marking,
    signOff: input.signOff,
    fileName: input.fileName,
    title: input.title,
    periodLabel: input.periodLabel,
    from: input.from,
    to: input.to,
    site: input.site,
    totals: {
      rounds: input.rounds.length,
      areas: areas.filter((a) => a.visits > 0).length,
      observations: input.observations.length,
      quotes,
      stories: input.stories.length,
    },
    coverage: {
      laptops: new Set(input.rounds.map((r) => r.laptop ?? null)).size,
      contributors: [...new Set(input.rounds.flatMap((r) => (r.contributor ? [r.contributor] : [])))].sort(),
    },
    areas,
    themesBySentiment: orderedKeys(input.themes, themeCounts.keys()).map((theme) => ({
      theme,
      counts: themeCounts.get(theme) ?? emptyCounts(),
    })),
    equality: {
      threshold,
      taggedObservations: tagged,
      groups,
      neverHeardFrom: groups.filter((g) => g.observations === 0).map((g) => g.group),
    },
    notableQuotes: pickQuotes(input.observations, input.themes, input.maxQuotes ?? 6),
    stories: input.stories,
    storiesLeftOut: (input.storiesLeftOut ?? []).filter((l) => l.count > 0),
    actions: {
      counts: statusCounts,
      overdue: [...overdue].sort((a, b) => (a.due ?? '').localeCompare(b.due ?? '')),
    },
  };
}
