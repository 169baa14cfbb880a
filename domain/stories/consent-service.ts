// The storyteller's say over their story: consent (and its withdrawal), the read-back of the
// text to them, and the record of every export, which is what PEIG is told about when consent
// is withdrawn. Dates are calendar dates checked against today in London (consent-rules.ts).

import type { ParsedRequestOf, ResponseOf, StoryDetailDto } from '../../ipc/contract';
import { lockedError, validationError } from '../../ipc/errors';
import {
  CONSENT_SCOPES,
  type ConsentIdentity,
  type ConsentScope,
  type ExportKind,
} from '../../ipc/vocabulary';
import type { Store } from '../store';
import { fingerprint } from './audit-detail';
import { defaultReviewDate, isExportAllowed, londonDate } from './consent-rules';
import { getStoryDetail, toExportDto } from './story-dto';
import { assertNotWithdrawn, requireStory } from './stories-service';
import { parseQuotes, quoteMatches } from './story-text';

function assertNotFuture(store: Store, field: string, date: string, what: string): void {
  const today = londonDate(store.now());
  if (date > today) throw validationError(field, `${what} cannot be in the future (today is ${today})`);
}

export function recordConsent(
  store: Store,
  request: ParsedRequestOf<'stories:record-consent'>,
): StoryDetailDto {
  return store.transaction(() => {
    const story = requireStory(store, request.id);
    assertNotWithdrawn(story);
    assertNotFuture(store, 'givenOn', request.givenOn, 'The date consent was given');
    const reviewOn = request.reviewOn ?? defaultReviewDate(request.givenOn);
    if (reviewOn <= request.givenOn) {
      throw validationError('reviewOn', 'The review date must be after the date consent was given');
    }
    // Stored once each, in the order the form lists them.
    const scopes = CONSENT_SCOPES.filter((scope) => request.scopes.includes(scope));
    const renewed = store.stories.consent(story.id) !== undefined;
    const now = store.now().toISOString();
    const record = {
      givenOn: request.givenOn,
      method: request.method,
      recordedBy: request.recordedBy,
      identity: request.identity,
      reviewOn,
    };
    store.stories.saveConsent({
      storyId: story.id,
      ...record,
      scopes: JSON.stringify(scopes),
      recordedAt: now,
    });
    store.stories.touch(story.id, now);
    store.audit.append({
      action: renewed ? 'update' : 'create',
      entity: 'story_consent',
      entityId: story.id,
      detail: { ...record, scopes },
    });
    return getStoryDetail(store, story.id);
  });
}

/**
 * Withdrawal is final. The story leaves every list of usable stories, the search index and any
 * future export (triggers of migration 0006 hold the database to it), and the answer lists
 * every file it already went out in, oldest first, so PEIG can be told.
 */
export function withdrawConsent(
  store: Store,
  request: ParsedRequestOf<'stories:withdraw-consent'>,
): ResponseOf<'stories:withdraw-consent'> {
  return store.transaction(() => {
    const story = requireStory(store, request.id);
    if (story.status === 'withdrawn') {
      throw lockedError(
        `Consent for this story was already withdrawn on ${story.withdrawnOn ?? 'an earlier date'}.`,
      );
    }
    assertNotFuture(store, 'withdrawnOn', request.withdrawnOn, 'The date consent was withdrawn');
    const consent = store.stories.consent(story.id);
    if (consent && request.withdrawnOn < consent.givenOn) {
      throw validationError(
        'withdrawnOn',
        `Consent cannot be withdrawn before it was given (${consent.givenOn})`,
      );
    }
    const priorExports = store.stories.exportsFor(story.id).map(toExportDto);
    store.stories.setStatus(
      story.id,
      { status: 'withdrawn', withdrawnOn: request.withdrawnOn },
      store.now().toISOString(),
    );
    store.audit.append({
      action: 'update',
      entity: 'story_consent',
      entityId: story.id,
      detail: {
        status: 'withdrawn',
        withdrawnOn: request.withdrawnOn,
        previousStatus: story.status,
        priorExports: priorExports.length,
      },
    });
    return { story: getStoryDetail(store, story.id), priorExports };
  });
}

/**
 * The storyteller checked the text. The request carries the fingerprint of the version the
 * person had in front of them, so a read-back is never recorded against text that changed in
 * the meantime (another window, a late autosave). Recording it on an approved story (a second
 * check of the same text) leaves it approved.
 */
export function recordReadBack(
  store: Store,
  request: ParsedRequestOf<'stories:record-read-back'>,
): StoryDetailDto {
  return store.transaction(() => {
    const story = requireStory(store, request.id);
    assertNotWithdrawn(story);
    if (request.textHash !== story.textHash) {
      throw validationError(
        'textHash',
        'The story has changed since it was shown to you. Open the latest text, read it back, then record it',
      );
    }
    assertNotFuture(store, 'checkedOn', request.checkedOn, 'The read-back date');
    if (!parseQuotes(story.quotes).every((quote) => quoteMatches(story.narrative, quote))) {
      throw validationError(
        'quotes',
        'A key quote no longer matches the narrative. Select it again or remove it, then read the story back',
      );
    }
    const now = store.now().toISOString();
    const id = store.newId();
    store.stories.addReadBack({
      id,
      storyId: story.id,
      checkedOn: request.checkedOn,
      method: request.method,
      changesRequested: request.changesRequested,
      textHash: story.textHash,
      recordedAt: now,
    });
    store.stories.setStatus(
      story.id,
      { status: story.status === 'approved' ? 'approved' : 'read_back', readBackHash: story.textHash },
      now,
    );
    store.audit.append({
      action: 'create',
      entity: 'story_read_back',
      entityId: story.id,
      detail: {
        readBackId: id,
        checkedOn: request.checkedOn,
        method: request.method,
        changesRequested: fingerprint(request.changesRequested),
        textHash: story.textHash,
      },
    });
    return getStoryDetail(store, story.id);
  });
}

export type StoryExportInput = {
  storyId: string;
  kind: ExportKind;
  fileName: string;
  scope: ConsentScope;
  identity: ConsentIdentity;
};

/**
 * For the export feature: checks the story may go out for this scope (isExportAllowed), then
 * records the export and its audit entry together. Call it in the same step that writes the
 * file, so a file never leaves without the record PEIG relies on.
 */
export function recordStoryExport(store: Store, input: StoryExportInput): { exportId: number } {
  return store.transaction(() => {
    const story = getStoryDetail(store, input.storyId);
    const check = isExportAllowed(story, input.scope, { identity: input.identity, now: store.now() });
    if (!check.allowed) throw validationError('scope', check.reason);
    const exportedAt = store.now().toISOString();
    const exportId = store.stories.recordExport({ ...input, exportedAt });
    store.audit.append({
      action: 'export',
      entity: 'story',
      entityId: input.storyId,
      detail: {
        exportId,
        kind: input.kind,
        fileName: input.fileName,
        scope: input.scope,
        identity: input.identity,
      },
    });
    return { exportId };
  });
}
