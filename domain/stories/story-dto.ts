import type { StoryDetailDto, StorySummaryDto } from '../../ipc/contract';
import { notFoundError } from '../../ipc/errors';
import { CONSENT_SCOPES, type ConsentScope, type ReadBackState } from '../../ipc/vocabulary';
import type { ExportRow, StoryListRow, StoryRow } from '../../db/repositories/stories-repository';
import { provenanceOf } from '../signing/record-provenance';
import type { Store } from '../store';
import { labelTags } from '../tagging/tagging-service';
import { consentStateOf, londonDate } from './consent-rules';
import { parseLearningPoints, parseQuotes, quoteMatches } from './story-text';

export function readBackStateOf(row: Pick<StoryRow, 'readBackHash' | 'textHash'>): ReadBackState {
  if (row.readBackHash === null) return 'not_done';
  return row.readBackHash === row.textHash ? 'current' : 'outdated';
}

export function toStorySummary(row: StoryListRow, today: string): StorySummaryDto {
  return {
    id: row.id,
    title: row.title,
    storyteller: row.storyteller,
    author: row.author,
    status: row.status,
    consentState: consentStateOf(
      row.status,
      row.consentReviewOn === null ? null : { reviewOn: row.consentReviewOn },
      today,
    ),
    readBackState: readBackStateOf(row),
    consentReviewOn: row.consentReviewOn,
    roundId: row.roundId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function parseScopes(json: string): ConsentScope[] {
  try {
    const parsed: unknown = JSON.parse(json);
    if (!Array.isArray(parsed)) return [];
    return CONSENT_SCOPES.filter((scope) => parsed.includes(scope));
  } catch {
    return [];
  }
}

function parseDrivers(json: string): StoryDetailDto['sentimentDrivers'] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as StoryDetailDto['sentimentDrivers']) : [];
  } catch {
    return [];
  }
}

export const toExportDto = (row: ExportRow): StoryDetailDto['exports'][number] => ({
  exportedAt: row.exportedAt,
  kind: row.kind,
  fileName: row.fileName,
  scope: row.scope,
  identity: row.identity,
});

export function getStoryDetail(store: Store, id: string): StoryDetailDto {
  const row = store.stories.get(id);
  if (!row) throw notFoundError('The story');
  const consent = store.stories.consent(id);
  const summary = toStorySummary(
    { ...row, consentReviewOn: consent?.reviewOn ?? null },
    londonDate(store.now()),
  );
  return {
    ...summary,
    narrative: row.narrative,
    quotes: parseQuotes(row.quotes).map((q) => ({ ...q, matches: quoteMatches(row.narrative, q) })),
    learningPoints: parseLearningPoints(row.learningPoints),
    textHash: row.textHash,
    approvedAt: row.approvedAt,
    withdrawnOn: row.withdrawnOn,
    consent: consent
      ? {
          givenOn: consent.givenOn,
          method: consent.method,
          recordedBy: consent.recordedBy,
          scopes: parseScopes(consent.scopes),
          identity: consent.identity,
          reviewOn: consent.reviewOn,
          recordedAt: consent.recordedAt,
        }
      : null,
    readBacks: store.stories.readBacks(id).map((r) => ({
      checkedOn: r.checkedOn,
      method: r.method,
      changesRequested: r.changesRequested,
      textHash: r.textHash,
      recordedAt: r.recordedAt,
    })),
    exports: store.stories.exportsFor(id).map(toExportDto),
    sentimentSuggested: row.sentimentSuggested,
    sentimentDrivers: parseDrivers(row.sentimentDrivers),
    sentimentConfirmed: row.sentimentConfirmed,
    equalityStatus: row.equalityStatus,
    tags: labelTags(store, store.tags.forItem('story', id)).get(id) ?? [],
    provenance: provenanceOf(store, row),
  };
}
