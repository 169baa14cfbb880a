// Stories: writing, tagging and approving them. Status runs draft → read_back → approved, and
// withdrawn from any of them for good. The read-back text (narrative, key quotes, learning
// points) is fingerprinted on every change; once a story has been read back, a change to that
// text sends it back to draft in the same UPDATE, and undoing the change exactly (so the text
// is again what the storyteller checked) brings back "read back" — never "approved", which
// someone must give again. Title, author, tags and sentiment are not part of the read-back.

import type { ParsedRequestOf, StoryDetailDto, StorySummaryDto } from '../../ipc/contract';
import { lockedError, notFoundError, validationError } from '../../ipc/errors';
import { STORY_STATUSES, type StoryStatus } from '../../ipc/vocabulary';
import type { StoryChanges, StoryRow } from '../../db/repositories/stories-repository';
import { remapLearningPointDecisions } from './decision-remap';
import { suggestSentiment } from '../sentiment/suggest-sentiment';
import type { Store } from '../store';
import type { Taggable } from '../tagging/tagging-service';
import { describeStoryFields } from './audit-detail';
import { consentStateOf, londonDate } from './consent-rules';
import { getStoryDetail, readBackStateOf, toStorySummary } from './story-dto';
import {
  orderQuotes,
  parseLearningPoints,
  parseQuotes,
  quoteMatches,
  reanchorQuotes,
  storyTextHash,
  type Quote,
} from './story-text';

export type StoryFieldChanges = ParsedRequestOf<'stories:update'>['changes'];

// The sentiment suggester costs about 2 µs a character; on a 1 MB narrative that would stall
// every autosave for seconds. It reads the opening 100,000 characters (some 17,000 words, far
// beyond a typical story) and the person confirms the label anyway.
const SENTIMENT_SAMPLE = 100_000;

function sentimentSuggestion(narrative: string): Pick<StoryRow, 'sentimentSuggested' | 'sentimentDrivers'> {
  if (narrative.trim().length === 0) return { sentimentSuggested: null, sentimentDrivers: '[]' };
  const cut =
    narrative.length <= SENTIMENT_SAMPLE ? narrative.length : narrative.lastIndexOf(' ', SENTIMENT_SAMPLE);
  const { label, drivers } = suggestSentiment(narrative.slice(0, cut > 0 ? cut : SENTIMENT_SAMPLE));
  return { sentimentSuggested: label, sentimentDrivers: JSON.stringify(drivers) };
}

export function requireStory(store: Store, id: string): StoryRow {
  const row = store.stories.get(id);
  if (!row) throw notFoundError('The story');
  return row;
}

export function assertNotWithdrawn(story: StoryRow): void {
  if (story.status === 'withdrawn') {
    throw lockedError(
      'The storyteller has withdrawn consent for this story, so it can no longer be changed.',
    );
  }
}

function assertRoundExists(store: Store, roundId: string | null): void {
  if (roundId !== null && !store.rounds.get(roundId)) {
    throw validationError('roundId', 'Choose one of the rounds listed');
  }
}

function validateQuotes(narrative: string, quotes: readonly Quote[]): Quote[] {
  quotes.forEach((quote, i) => {
    if (!quoteMatches(narrative, quote)) {
      throw validationError(
        `quotes.${i}.text`,
        'This quote is not in the narrative as it stands; select the words again',
      );
    }
  });
  return orderQuotes(quotes);
}

/** Where an edit leaves the status, given the fingerprint of the text after it. */
function statusAfterEdit(story: StoryRow, textHash: string): StoryStatus {
  if (textHash === story.textHash) return story.status;
  if (story.readBackHash !== null && textHash === story.readBackHash && story.status === 'draft')
    return 'read_back';
  return story.status === 'read_back' || story.status === 'approved' ? 'draft' : story.status;
}

export type ApplyOptions = {
  /** The audit entry's entity and any extra detail (a redaction names what it removed). */
  audit?: { entity?: string; detail?: Record<string, unknown> };
  /**
   * The quotes in `changes` were placed by the app, not selected by a person (a redaction moved
   * them): one that no longer matches is kept and reported rather than refused.
   */
  placedQuotes?: boolean;
  /** One learning point was edited where it stands, so every point keeps its decisions. */
  pointsInPlace?: boolean;
};

/**
 * Applies field changes to a story inside the caller's transaction: quotes checked or carried
 * along, fingerprint and status recomputed, sentiment suggested again, and the audit entry.
 * Every edit goes through here, redaction included, so the read-back rule cannot be skipped.
 */
export function applyStoryChanges(
  store: Store,
  story: StoryRow,
  changes: StoryFieldChanges,
  options: ApplyOptions = {},
): StoryRow {
  assertNotWithdrawn(story);
  if (changes.roundId !== undefined) assertRoundExists(store, changes.roundId);
  const narrative = changes.narrative ?? story.narrative;
  const quotes =
    changes.quotes === undefined
      ? reanchorQuotes(story.narrative, narrative, parseQuotes(story.quotes))
      : options.placedQuotes
        ? orderQuotes(changes.quotes)
        : validateQuotes(narrative, changes.quotes);
  const pointsBefore = parseLearningPoints(story.learningPoints);
  const learningPoints = changes.learningPoints ?? pointsBefore;
  const textHash = storyTextHash({ narrative, quotes, learningPoints });
  const status = statusAfterEdit(story, textHash);
  const next: StoryChanges = {
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.storyteller !== undefined ? { storyteller: changes.storyteller } : {}),
    ...(changes.author !== undefined ? { author: changes.author } : {}),
    ...(changes.roundId !== undefined ? { roundId: changes.roundId } : {}),
    narrative,
    quotes: JSON.stringify(quotes),
    learningPoints: JSON.stringify(learningPoints),
    textHash,
    status,
    approvedAt: status === 'approved' ? story.approvedAt : null,
    ...(narrative !== story.narrative ? sentimentSuggestion(narrative) : {}),
  };
  const updated = store.stories.update(story, next, store.now().toISOString());
  if (changes.learningPoints !== undefined && !options.pointsInPlace) {
    remapLearningPointDecisions(store, story.id, pointsBefore, learningPoints);
  }
  const quotesMoved = changes.quotes === undefined && JSON.stringify(quotes) !== story.quotes;
  store.audit.append({
    action: 'update',
    entity: options.audit?.entity ?? 'story',
    entityId: story.id,
    detail: {
      ...describeStoryFields({ ...changes, ...(quotesMoved ? { quotes } : {}) }),
      ...(status !== story.status ? { status } : {}),
      textHash,
      ...options.audit?.detail,
    },
  });
  return updated;
}

export function createStory(store: Store, request: ParsedRequestOf<'stories:create'>): StoryDetailDto {
  return store.transaction(() => {
    assertRoundExists(store, request.roundId);
    const quotes = validateQuotes(request.narrative, request.quotes);
    const now = store.now().toISOString();
    const row: StoryRow = {
      id: store.newId(),
      title: request.title,
      storyteller: request.storyteller,
      author: request.author,
      narrative: request.narrative,
      quotes: JSON.stringify(quotes),
      learningPoints: JSON.stringify(request.learningPoints),
      roundId: request.roundId,
      status: 'draft',
      textHash: storyTextHash({
        narrative: request.narrative,
        quotes,
        learningPoints: request.learningPoints,
      }),
      readBackHash: null,
      approvedAt: null,
      withdrawnOn: null,
      ...sentimentSuggestion(request.narrative),
      sentimentConfirmed: null,
      equalityStatus: 'not_recorded',
      createdAt: now,
      updatedAt: now,
    };
    store.stories.insert(row);
    store.audit.append({
      action: 'create',
      entity: 'story',
      entityId: row.id,
      detail: {
        ...describeStoryFields({ ...request, quotes }),
        status: row.status,
        textHash: row.textHash,
      },
    });
    return getStoryDetail(store, row.id);
  });
}

export function updateStory(store: Store, request: ParsedRequestOf<'stories:update'>): StoryDetailDto {
  return store.transaction(() => {
    applyStoryChanges(store, requireStory(store, request.id), request.changes);
    return getStoryDetail(store, request.id);
  });
}

export function listStories(store: Store, request: ParsedRequestOf<'stories:list'>): StorySummaryDto[] {
  const includeWithdrawn =
    request.includeWithdrawn || request.status === 'withdrawn' || request.consentState === 'withdrawn';
  const statuses = request.status
    ? [request.status]
    : STORY_STATUSES.filter((s) => includeWithdrawn || s !== 'withdrawn');
  const today = londonDate(store.now());
  return store.stories
    .list(statuses)
    .map((row) => toStorySummary(row, today))
    .filter((story) => request.consentState === null || story.consentState === request.consentState);
}

/** How tagging reaches a story: a withdrawn story keeps its tags as they were. */
export const storyTaggable: Taggable<StoryDetailDto> = {
  checkCanTag: (store, id) => assertNotWithdrawn(requireStory(store, id)),
  setEqualityStatus: (store, id, status, now) => store.stories.setEqualityStatus(id, status, now),
  read: getStoryDetail,
};

export function setStorySentiment(
  store: Store,
  request: ParsedRequestOf<'stories:set-sentiment'>,
): StoryDetailDto {
  return store.transaction(() => {
    const story = requireStory(store, request.id);
    assertNotWithdrawn(story);
    store.stories.setSentiment(story.id, request.confirmed, store.now().toISOString());
    store.audit.append({
      action: 'update',
      entity: 'story_sentiment',
      entityId: story.id,
      detail: { suggested: story.sentimentSuggested, confirmed: request.confirmed },
    });
    return getStoryDetail(store, story.id);
  });
}

/** Approval needs consent in date and a read-back of exactly the text as it stands. */
export function approveStory(store: Store, id: string): StoryDetailDto {
  return store.transaction(() => {
    const story = requireStory(store, id);
    assertNotWithdrawn(story);
    if (story.status === 'approved') return getStoryDetail(store, id);
    const consent = store.stories.consent(id);
    if (!consent) {
      throw validationError('consent', 'Record the storyteller’s consent before approving the story');
    }
    if (consentStateOf(story.status, consent, londonDate(store.now())) === 'expired') {
      throw validationError(
        'consent',
        `The storyteller’s consent was due for review on ${consent.reviewOn}. Record renewed consent before approving the story`,
      );
    }
    const readBack = readBackStateOf(story);
    if (readBack !== 'current') {
      throw validationError(
        'readBack',
        readBack === 'not_done'
          ? 'Read the story back to the storyteller, and record it, before approving the story'
          : 'The story has changed since it was read back. Read it back again before approving it',
      );
    }
    const now = store.now().toISOString();
    store.stories.setStatus(id, { status: 'approved', approvedAt: now }, now);
    store.audit.append({
      action: 'update',
      entity: 'story',
      entityId: id,
      detail: { status: 'approved', textHash: story.textHash },
    });
    return getStoryDetail(store, id);
  });
}
