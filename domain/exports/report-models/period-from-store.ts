import { AppError } from '../../../ipc/errors';
import type { ConsentScope } from '../../../ipc/vocabulary';
import { staffNames } from '../../settings/staff-names';
import { scanPersonalData } from '../../personal-data/scan-personal-data';
import type { Store } from '../../store';
import { consentStateOf, isExportAllowed } from '../../stories/consent-rules';
import { FRAMEWORK_IDS, findTag } from '../../tagging/frameworks';
import { calendarDateIn, endOfDayIn, startOfDayIn } from '../../time/trust-time';
import type { ActionModel, DocumentBase } from '../export-models';
import { formatDate } from '../../documents/document-labels';
import {
  STORY_LEFT_OUT_REASONS,
  type PeriodActionInput,
  type PeriodObservationInput,
  type PeriodReportModel,
  type PeriodStoryInput,
  type StoriesLeftOut,
  type StoryLeftOutReason,
} from '../period-report/period-report-model';
import { summarisePeriod } from '../period-report/summarise-period';
import { leftOutSentence } from '../period-report/build-period-report';
import { clearTextsForExport } from '../personal-data-gate';
import { PlainLanguageRefusal, unplainTerms } from '../poster/build-poster';
import type { PosterModel } from '../poster/poster-model';
import { MAX_POSTER_ITEMS } from '../poster/poster-model';
import {
  decisionsFor,
  EQUALITY_GROUP_LABELS,
  londonTime,
  parseConsentScopes,
  THEME_LABELS,
  toActionModel,
} from './report-labels';

// The PEIG period report and the "You said, we did" poster, from the store's reporting reads. The report is
// counts, apart from the quotes it picks, the stories it summarises and the overdue actions it
// lists, so only those texts are passed through the personal-data gate:
// - rounds: those completed or signed off in the period (a round still being walked is not
//   reported); quotes only from signed-off rounds, whose every finding was decided at sign-off;
// - stories: approved, consent in date and covering PEIG; withdrawn stories never appear;
// - actions: texts staff wrote, checked for personal data and refused if any is found.

export type PeriodRequest = { from: string; to: string; site: string | null; whose: string };

const periodLabel = (from: string, to: string) =>
  from === to ? formatDate(from) : `${formatDate(from)} to ${formatDate(to)}`;
const bounds = (from: string, to: string) => ({
  start: startOfDayIn(from).toISOString(),
  end: endOfDayIn(to).toISOString(),
});

/** Refuses action texts with anything that looks like personal data: they have no review step. */
function assertActionsClear(store: Store, actions: readonly (ActionModel & { weDid?: string })[]): void {
  const names = staffNames(store);
  for (const action of actions) {
    for (const text of [action.youSaid, action.weWill, action.weDid ?? '']) {
      const found = scanPersonalData(text, { staffNames: names })[0];
      if (found) {
        throw new AppError(
          'validation',
          `The action “${action.weWill.slice(0, 80)}” contains what may be personal data (“${found.text}”). Edit the action to remove it, then export again.`,
          'personalData',
        );
      }
    }
  }
}

function firstSentences(text: string, count: number): string {
  const sentences =
    text
      .replace(/\s+/g, ' ')
      .trim()
      .match(/[^.!?]+[.!?]+["”’)]*|\S[^.!?]*$/g) ?? [];
  return sentences.slice(0, count).join(' ').trim();
}

/** Why an approved story may not go to PEIG, in the report's terms. */
function leftOutReason(
  consent: { scopes: readonly ConsentScope[]; reviewOn: string } | null,
  now: Date,
): StoryLeftOutReason {
  if (!consent) return 'no_consent';
  if (consentStateOf('approved', consent, calendarDateIn(now)) === 'expired') return 'consent_review_passed';
  return 'consent_not_peig';
}

type PeriodStories = { included: { id: string; story: PeriodStoryInput }[]; leftOut: StoriesLeftOut[] };

/** The period's approved stories that may go to PEIG, and how many may not, by reason. */
function sortPeriodStories(
  store: Store,
  request: PeriodRequest,
  start: string,
  end: string,
): { ids: string[]; leftOut: StoriesLeftOut[] } {
  const ids: string[] = [];
  const leftOut = new Map<StoryLeftOutReason, number>();
  const approved = store.reporting.periodApprovedStoryIds({
    start,
    end,
    site: request.site,
    whose: request.whose,
  });
  for (const id of approved) {
    const row = store.stories.get(id);
    if (!row) continue;
    const stored = store.stories.consent(id);
    const consent = stored
      ? { scopes: parseConsentScopes(stored.scopes), identity: stored.identity, reviewOn: stored.reviewOn }
      : null;
    const check = isExportAllowed({ status: row.status, consent }, 'peig', {
      identity: 'anonymised',
      now: store.now(),
    });
    if (check.allowed) ids.push(id);
    else {
      const reason = leftOutReason(consent, store.now());
      leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
    }
  }
  return {
    ids,
    leftOut: STORY_LEFT_OUT_REASONS.filter((r) => leftOut.has(r)).map((reason) => ({
      reason,
      count: leftOut.get(reason) ?? 0,
    })),
  };
}

/** What the report for a period will leave out, for the export form to say before exporting. */
export function periodPreview(store: Store, request: PeriodRequest): { leftOut: string[] } {
  const { start, end } = bounds(request.from, request.to);
  return { leftOut: sortPeriodStories(store, request, start, end).leftOut.map(leftOutSentence) };
}

function periodStories(store: Store, request: PeriodRequest, start: string, end: string): PeriodStories {
  const sorted = sortPeriodStories(store, request, start, end);
  const names = staffNames(store);
  const stories: { id: string; story: PeriodStoryInput }[] = [];
  for (const id of sorted.ids) {
    const row = store.stories.get(id);
    if (!row) continue;
    const decisions = store.clearance.forItem('story', id);
    const [title, narrative] = clearTextsForExport(
      [
        {
          where: `The title of the story “${row.title}”`,
          text: row.title,
          decisions: decisionsFor(decisions, 'title'),
        },
        {
          where: `The story “${row.title}”`,
          text: row.narrative,
          decisions: decisionsFor(decisions, 'narrative'),
        },
      ],
      { staffNames: names },
    );
    const themes = store.tags
      .forItem('story', id)
      .filter((t) => t.frameworkId === FRAMEWORK_IDS.trustKeyThemes)
      .map((t) => findTag(t.frameworkId, t.tagId)?.label ?? t.tagId);
    stories.push({
      id,
      story: {
        title: title ?? '',
        storytellerType: row.storyteller,
        summary: firstSentences(narrative ?? '', 2),
        themes,
      },
    });
  }
  return { included: stories, leftOut: sorted.leftOut };
}

export type PeriodReportFromStore = { model: PeriodReportModel; storyIds: string[] };

export function periodReportFromStore(
  store: Store,
  request: PeriodRequest,
  base: DocumentBase,
): PeriodReportFromStore {
  const { start, end } = bounds(request.from, request.to);
  const params = { start, end, site: request.site, whose: request.whose };
  const rounds = store.reporting.periodRounds(params).map((r) => ({
    date: calendarDateIn(new Date(r.startsAt)),
    areas: JSON.parse(r.areas) as string[],
    laptop: r.contributorKeyId,
    contributor: r.contributor,
  }));
  const rows = store.reporting.periodObservations(params);
  const themesOf = new Map<string, string[]>();
  const groupsOf = new Map<string, string[]>();
  const tagRows = store.reporting.periodObservationTags(params, {
    themes: FRAMEWORK_IDS.trustKeyThemes,
    steps: FRAMEWORK_IDS.fifteenStepsDomains,
    groups: FRAMEWORK_IDS.equalityGroups,
  });
  for (const tag of tagRows) {
    // 15 Steps domains count as themes of their own, listed after the trust's key themes.
    const target = tag.frameworkId === FRAMEWORK_IDS.equalityGroups ? groupsOf : themesOf;
    const label = findTag(tag.frameworkId, tag.tagId)?.label ?? tag.tagId;
    const list = target.get(tag.itemId);
    if (list) list.push(label);
    else target.set(tag.itemId, [label]);
  }
  // Only quotes from signed-off rounds may be picked; their texts pass the gate before use.
  const quotable = rows.filter((r) => r.kind === 'quote' && r.signedOff === 1);
  const cleared = clearTextsForExport(
    quotable.map((r) => ({
      where: `The quote at ${londonTime(r.capturedAt)} (${r.area})`,
      text: r.text,
      decisions: decisionsFor(store.clearance.forItem('observation', r.id), 'text'),
    })),
    { staffNames: staffNames(store) },
  );
  const clearedText = new Map(quotable.map((r, i) => [r.id, cleared[i] ?? '']));
  const observations: PeriodObservationInput[] = rows.map((r) => ({
    date: calendarDateIn(new Date(r.capturedAt)),
    area: r.area,
    kind: r.kind,
    source: r.source,
    text: clearedText.get(r.id) ?? '',
    themes: themesOf.get(r.id) ?? [],
    sentiment: r.sentiment,
    equalityGroups: groupsOf.get(r.id) ?? [],
    mayBeQuoted: clearedText.has(r.id),
  }));
  const stories = periodStories(store, request, start, end);
  const actions: PeriodActionInput[] = store.reporting
    .periodActions(params)
    .map((row) => ({ ...toActionModel(row), raisedOn: calendarDateIn(new Date(row.createdAt)) }));
  const label = periodLabel(request.from, request.to);
  const model = summarisePeriod({
    ...base,
    title: `Patient experience report: ${label}`,
    periodLabel: label,
    from: request.from,
    to: request.to,
    site: request.site,
    rounds,
    observations,
    stories: stories.included.map((s) => s.story),
    storiesLeftOut: stories.leftOut,
    actions,
    themes: THEME_LABELS,
    equalityGroups: EQUALITY_GROUP_LABELS,
  });
  assertActionsClear(store, model.actions.overdue);
  return { model, storyIds: stories.included.map((s) => s.id) };
}

export type PosterRequest = {
  from: string;
  to: string;
  areaId: string | null;
  /** Whose actions: 'everyone', 'mine' or a contributor's key id (see ReportPeriod). */
  whose: string;
  orientation: PosterModel['orientation'];
};

/**
 * Where the poster's actions come from, in words for a noticeboard. "Across the trust" only when
 * it holds everyone's actions: one person's or one contributor's are not the whole trust's, and
 * the poster does not name whose they are (patients read it; the export's properties say it).
 */
export function posterPlace(areaName: string | null, whose: string): string {
  if (areaName !== null) return areaName;
  return whose === 'everyone' ? 'Across the trust' : 'From some of our wards and departments';
}

export const POSTER_CLOSING = 'Tell us what matters to you: speak to any member of staff.';

export function posterFromStore(store: Store, request: PosterRequest, base: DocumentBase): PosterModel {
  const { start, end } = bounds(request.from, request.to);
  const area = request.areaId ? store.areas.get(request.areaId) : null;
  if (request.areaId && !area) {
    throw new AppError('not_found', 'That ward or department could not be found.', 'areaId');
  }
  const finished = store.reporting.finishedActions({
    start,
    end,
    areaId: request.areaId,
    whose: request.whose,
  });
  const where = `${area ? `for ${area.name} ` : ''}between ${formatDate(request.from)} and ${formatDate(request.to)}`;
  if (finished.length === 0) {
    throw new AppError(
      'validation',
      `No actions were finished ${where}, so there is nothing to put on the poster. Choose a longer period.`,
      'from',
    );
  }
  // "We did" is what was done, in the words written when it was done, never the plan.
  const rows = finished.filter((row) => row.evidence.trim().length > 0);
  if (rows.length === 0) {
    throw new AppError(
      'validation',
      `${finished.length === 1 ? 'The action finished' : `The ${finished.length} actions finished`} ${where} ${finished.length === 1 ? 'does' : 'do'} not say what was done. On each action's page, write what we did, then make the poster.`,
      'from',
    );
  }
  const chosen = rows.slice(0, MAX_POSTER_ITEMS);
  assertActionsClear(
    store,
    chosen.map((row) => ({ ...toActionModel(row), weDid: row.evidence })),
  );
  const model: PosterModel = {
    ...base,
    scope: `${posterPlace(area?.name ?? null, request.whose)}, ${periodLabel(request.from, request.to)}`,
    items: chosen.map((row) => ({ youSaid: row.said, weDid: row.evidence.trim() })),
    closing: POSTER_CLOSING,
    orientation: request.orientation,
  };
  // The builder refuses jargon too; asking here answers at once, before the export starts.
  const terms = unplainTerms(model);
  if (terms.length > 0) throw new PlainLanguageRefusal(terms);
  return model;
}
