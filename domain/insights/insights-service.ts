// Raw SQL here, not a repository, for speed: every figure comes from one pass over the period's
// observations, fed row by row into a JavaScript aggregate (insights_tally) registered on the
// connection by this file. Going through the repositories would read the same rows several
// times; the statement and the aggregate it calls are one piece of logic, so they stay together.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { z } from 'zod';
import type { ParsedRequestOf } from '../../ipc/contract';
import type { Insights } from '../../ipc/insights-schemas';
import { SENTIMENT_LABELS, type EqualityImpact, type SentimentLabel } from '../../ipc/vocabulary';
import { agreementFigures, cohensKappaFromCounts, type SentimentPairCount } from '../sentiment/agreement';
import type { Store } from '../store';
import {
  EQUALITY_GROUPS,
  FIFTEEN_STEPS_DOMAINS,
  FRAMEWORK_IDS,
  TRUST_KEY_THEMES,
} from '../tagging/frameworks';
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

// Every figure comes from one pass over the period's observations, each joined to its theme and
// equality tags: one row per tag, or one row for an observation with neither. An aggregate
// function (insights_tally, below) counts the rows as they pass, so nothing is sorted and no row
// object is built: SQLite groups by sorting, and sorting the period once for each figure cost
// more than all the counting (measured on 20,000 observations: 95–110 ms as six GROUP BYs over
// materialised sets, 65 as one pass, of which the join itself is 20).
// The unary + keeps the framework check off the index, so each observation is one index lookup.
const INSIGHTS_SQL = `
SELECT insights_tally(o.rowid, o.area_id, o.equality_status, o.sentiment_suggested,
         o.sentiment_confirmed, t.framework_id, t.tag_id, t.impact) AS tally
FROM observations o
  LEFT JOIN item_tags t ON t.item_kind = 'observation' AND t.item_id = o.id
    AND +t.framework_id IN (@framework, @steps, @equality)
WHERE o.captured_at >= @from AND o.captured_at < @to
  AND (@site IS NULL OR o.round_id IN (SELECT id FROM rounds WHERE site = @site COLLATE NOCASE))
  AND (@whose = 'everyone' OR o.round_id IN (SELECT id FROM rounds
    WHERE (@whose = 'mine' AND contributor_key_id IS NULL) OR contributor_key_id = @whose))`;

const AREAS_SQL = 'SELECT id AS areaId, name FROM areas WHERE id IN (SELECT value FROM json_each(?))';

type Sentiment = SentimentLabel | 'unrated';

/**
 * The tally each connection's running statement fills. Kept by connection rather than in the
 * function's closure, so a second registration of the function on the same connection (which
 * replaces the first) still fills the right one; statements on a connection run one at a time.
 */
const filling = new WeakMap<Database, Tally>();

/** One row of the insights statement, in the order of its columns. */
type InsightsRow = [
  rowid: number,
  areaId: string,
  status: string | null,
  suggested: string | null,
  confirmed: string | null,
  frameworkId: string | null,
  tagId: string | null,
  impact: string | null,
];
/** What takes one row of the statement. */
type RowTaker = (...row: InsightsRow) => void;
/** SQLite's aggregate step: the rows counted so far, then the row's columns. */
type AggregateStep = (rows: number, ...row: InsightsRow) => number;

/** What one pass over the period counts; the figures on the page are made from it. */
class Tally {
  /** Observations counted so far (their rowids). */
  readonly seen = new Set<number>();
  readonly status: Record<string, number> = {};
  /** (suggested, confirmed) pairs; either may be null. */
  readonly pairs = new Map<string | null, Map<string | null, number>>();
  readonly themes = new Map<string, Counts>();
  /** Observations with no theme, by sentiment. */
  readonly untagged = emptyCounts();
  /** Equality group → area → observations heard from or about it there. */
  readonly groupAreas = new Map<string, Map<string, number>>();
  readonly impacts = new Map<string, Impacts>();
  readonly areaIds = new Set<string>();

  // The observation whose rows are passing. The join's outer loop is the observations, so all of
  // one observation's rows come together; `start` checks that this holds.
  private rowid = -1;
  private sentiment: Sentiment = 'unrated';
  private themed = false;
  private readonly groupsCounted: string[] = [];

  constructor(
    private readonly frameworks: { themes: readonly string[]; equality: string },
    private readonly parentOf: ReadonlyMap<string, string | null>,
  ) {}

  readonly add: RowTaker = (rowid, areaId, status, suggested, confirmed, frameworkId, tagId, impact) => {
    if (rowid !== this.rowid) this.start(rowid, areaId, status, suggested, confirmed);
    if (tagId === null) return;
    if (frameworkId !== null && this.frameworks.themes.includes(frameworkId)) {
      const key = themeKey(frameworkId, tagId);
      let counts = this.themes.get(key);
      if (counts === undefined) this.themes.set(key, (counts = emptyCounts()));
      counts[this.sentiment] += 1;
      if (!this.themed) {
        this.themed = true;
        this.untagged[this.sentiment] -= 1;
      }
    } else if (frameworkId === this.frameworks.equality) {
      if (isImpact(impact)) {
        let tally = this.impacts.get(tagId);
        if (tally === undefined) this.impacts.set(tagId, (tally = emptyImpacts()));
        tally[impact] += 1;
      }
      // Each equality tag counts for its own group and for its parent group.
      const parent = this.parentOf.get(tagId);
      if (parent === undefined) return;
      this.countGroup(tagId, areaId);
      if (parent !== null) this.countGroup(parent, areaId);
    }
  };

  private start(
    rowid: number,
    areaId: string,
    status: string | null,
    suggested: string | null,
    confirmed: string | null,
  ): void {
    if (this.seen.has(rowid)) throw new Error('The insights pass met an observation’s tags out of turn.');
    this.seen.add(rowid);
    this.rowid = rowid;
    this.themed = false;
    this.groupsCounted.length = 0;
    this.areaIds.add(areaId);
    if (status !== null) this.status[status] = (this.status[status] ?? 0) + 1;
    let bySuggested = this.pairs.get(suggested);
    if (bySuggested === undefined) this.pairs.set(suggested, (bySuggested = new Map()));
    bySuggested.set(confirmed, (bySuggested.get(confirmed) ?? 0) + 1);
    // The one the person confirmed, or else the suggestion.
    const chosen = confirmed ?? suggested;
    this.sentiment = isLabel(chosen) ? chosen : 'unrated';
    // Untagged until a theme of its own passes.
    this.untagged[this.sentiment] += 1;
  }

  /** An observation counts once for a group, however many of its tags lead there. */
  private countGroup(groupId: string, areaId: string): void {
    if (this.groupsCounted.includes(groupId)) return;
    this.groupsCounted.push(groupId);
    let perArea = this.groupAreas.get(groupId);
    if (perArea === undefined) this.groupAreas.set(groupId, (perArea = new Map()));
    perArea.set(areaId, (perArea.get(areaId) ?? 0) + 1);
  }
}

/** Themes are counted per framework: a 15 Steps domain and a key theme never share a count. */
const themeKey = (frameworkId: string, tagId: string) => `${frameworkId}/${tagId}`;

/** SQLite's BINARY collation, so areas come in the order ORDER BY name gives them. */
const byUtf8 = (x: string, y: string) => Buffer.compare(Buffer.from(x, 'utf8'), Buffer.from(y, 'utf8'));

export function createInsights(store: Store) {
  // The equality groups, each with its parent group (null for a top-level group). A tag of the
  // framework that is not one of its groups is not counted in the coverage.
  const parentOf = new Map<string, string | null>(
    EQUALITY_GROUPS.items.map((group) => [group.id, group.parentId ?? null]),
  );
  // A 15 Steps round tags with the question set's own domains; they count as themes (an
  // observation tagged "Safe" is not "no key theme") and show beside the key themes when used.
  const frameworks = {
    themes: [FRAMEWORK_IDS.trustKeyThemes, FRAMEWORK_IDS.fifteenStepsDomains],
    equality: FRAMEWORK_IDS.equalityGroups,
  };
  // Named parameters, not a rest parameter: the function takes exactly the statement's eight
  // columns (its arity is read from `step.length`), and no array is made for each row. The
  // library's type allows one value per row, hence the cast.
  const step: AggregateStep = (
    rows,
    rowid,
    areaId,
    status,
    suggested,
    confirmed,
    frameworkId,
    tagId,
    impact,
  ) => {
    filling.get(store.sqlite)?.add(rowid, areaId, status, suggested, confirmed, frameworkId, tagId, impact);
    return rows + 1;
  };
  store.sqlite.aggregate('insights_tally', {
    start: 0,
    step: step as unknown as (rows: number, next: unknown) => number,
  });
  const statement = store.sqlite.prepare(INSIGHTS_SQL);
  const areasStatement = store.sqlite.prepare(AREAS_SQL);

  return (request: ParsedRequestOf<'insights:get'>): InsightsDto => {
    const params = {
      from: new Date(request.from).toISOString(),
      to: new Date(request.to).toISOString(),
      site: request.site,
      whose: request.whose,
      framework: FRAMEWORK_IDS.trustKeyThemes,
      steps: FRAMEWORK_IDS.fifteenStepsDomains,
      equality: frameworks.equality,
    };
    const threshold = request.threshold;

    const tally = new Tally(frameworks, parentOf);
    filling.set(store.sqlite, tally);
    try {
      statement.get(params);
    } finally {
      filling.delete(store.sqlite);
    }
    let unconfirmed = 0;
    const pairs: SentimentPairCount[] = [];
    for (const [suggested, byConfirmed] of tally.pairs) {
      for (const [confirmed, count] of byConfirmed) {
        if (suggested !== null && confirmed === null) unconfirmed += count;
        if (isLabel(suggested) && isLabel(confirmed)) pairs.push({ suggested, confirmed, count });
      }
    }
    const areas = areasStatement.all(JSON.stringify([...tally.areaIds])) as {
      areaId: string;
      name: string;
    }[];
    // Areas of the same name (at different sites) follow by id, so the order never shifts.
    areas.sort((x, y) => byUtf8(x.name, y.name) || byUtf8(x.areaId, y.areaId));
    const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);

    // Equality coverage counts distinct observations, and a group's total includes its
    // sub-groups (hearing from someone experiencing homelessness is hearing from inclusion
    // health groups).
    const groups = EQUALITY_GROUPS.items.map((group) => {
      const perArea = tally.groupAreas.get(group.id);
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
        impacts: tally.impacts.get(group.id) ?? emptyImpacts(),
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
      observationCount: tally.seen.size,
      themes: [
        ...TRUST_KEY_THEMES.items.map((item) => ({ framework: TRUST_KEY_THEMES, item })),
        ...FIFTEEN_STEPS_DOMAINS.items.map((item) => ({ framework: FIFTEEN_STEPS_DOMAINS, item })),
      ]
        .map(({ framework, item }) => {
          const counts = tally.themes.get(themeKey(framework.id, item.id)) ?? emptyCounts();
          return { frameworkId: framework.id, tagId: item.id, label: item.label, total: sum(counts), counts };
        })
        // Key themes always show (a theme nobody raised is news); domains only when used.
        .filter((theme) => theme.frameworkId === TRUST_KEY_THEMES.id || theme.total > 0),
      untagged: { ...tally.untagged, total: sum(tally.untagged) },
      equality: {
        threshold,
        recorded: tally.status.recorded ?? 0,
        noneApplies: tally.status.none_applies ?? 0,
        notRecorded: tally.status.not_recorded ?? 0,
        areas,
        groups,
      },
      sentiment: {
        ...agreementFigures(agreement),
        unconfirmed,
      },
    };
  };
}
