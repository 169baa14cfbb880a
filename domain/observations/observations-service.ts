import type { ObservationDto, ParsedRequestOf } from '../../ipc/contract';
import { lockedError, notFoundError, validationError } from '../../ipc/errors';
import { fingerprint } from '../../db/audit-log';
import type { ObservationRow } from '../../db/repositories/observations-repository';
import type { RoundRow } from '../../db/repositories/rounds-repository';
import { suggestSentiment } from '../sentiment/suggest-sentiment';
import type { Store } from '../store';
import type { Taggable } from '../tagging/tagging-service';
import { getObservationDto, toObservationDto } from './observation-dto';
import { assertRoundOpen, markStarted, requireRound } from '../rounds/rounds-service';

// The Friends and Family Test question is put to people, so its answer belongs only on
// observations that record what someone said.
const FFT_KINDS: ReadonlySet<ObservationRow['kind']> = new Set(['heard', 'quote']);

function assertAreaOnRound(store: Store, roundId: string, areaId: string): void {
  if (!store.areas.findVisit(roundId, areaId)) {
    throw validationError('areaId', 'Choose one of the areas visited on this round');
  }
}

function assertPromptOnTemplate(store: Store, round: RoundRow, promptId: string | null): void {
  if (promptId === null) return;
  const template = round.templateId ? store.templates.get(round.templateId) : null;
  if (!template?.prompts.some((p) => p.id === promptId)) {
    throw validationError('promptId', 'Choose one of the prompts from this round’s template');
  }
}

export function requireObservation(store: Store, id: string): ObservationRow {
  const row = store.observations.get(id);
  if (!row) throw notFoundError('The observation');
  return row;
}

/** Tags and sentiment may still be settled after a round is completed, until it is signed off. */
export function assertRoundOpenForTagging(store: Store, roundId: string): void {
  if (requireRound(store, roundId).status === 'signed_off') {
    throw lockedError('This round has been signed off, so it can no longer be changed.');
  }
}

function suggestion(text: string): Pick<ObservationRow, 'sentimentSuggested' | 'sentimentDrivers'> {
  if (text.trim().length === 0) return { sentimentSuggested: null, sentimentDrivers: '[]' };
  const { label, drivers } = suggestSentiment(text);
  return { sentimentSuggested: label, sentimentDrivers: JSON.stringify(drivers) };
}

/** How tagging reaches an observation: only while its round is open to tagging. */
export const observationTaggable: Taggable<ObservationDto> = {
  checkCanTag: (store, id) => assertRoundOpenForTagging(store, requireObservation(store, id).roundId),
  setEqualityStatus: (store, id, status, now) => store.observations.setEqualityStatus(id, status, now),
  read: getObservationDto,
};

export function createObservation(
  store: Store,
  request: ParsedRequestOf<'observations:create'>,
): ObservationDto {
  return store.transaction(() => {
    const round = requireRound(store, request.roundId);
    assertRoundOpen(round);
    assertAreaOnRound(store, round.id, request.areaId);
    assertPromptOnTemplate(store, round, request.promptId);
    const now = store.now().toISOString();
    const row: ObservationRow = {
      id: store.newId(),
      roundId: round.id,
      areaId: request.areaId,
      capturedAt: now,
      kind: request.kind,
      source: request.source,
      text: request.text,
      promptId: request.promptId,
      createdAt: now,
      updatedAt: now,
      ...suggestion(request.text),
      sentimentConfirmed: null,
      fftAnswer: null,
      equalityStatus: 'not_recorded',
      needsFollowUp: false,
    };
    store.observations.insert(row);
    markStarted(store, round);
    store.audit.append({
      action: 'create',
      entity: 'observation',
      entityId: row.id,
      detail: {
        roundId: row.roundId,
        areaId: row.areaId,
        kind: row.kind,
        source: row.source,
        text: fingerprint(row.text),
        promptId: row.promptId,
      },
    });
    return toObservationDto(row, []);
  });
}

export function updateObservation(
  store: Store,
  request: ParsedRequestOf<'observations:update'>,
): ObservationDto {
  return store.transaction(() => {
    const existing = requireObservation(store, request.id);
    const round = requireRound(store, existing.roundId);
    assertRoundOpen(round);
    const changes = request.changes;
    if (changes.areaId !== undefined) assertAreaOnRound(store, round.id, changes.areaId);
    if (changes.promptId !== undefined) assertPromptOnTemplate(store, round, changes.promptId);
    const now = store.now().toISOString();
    store.observations.update(
      existing,
      { ...changes, ...(changes.text !== undefined ? suggestion(changes.text) : {}) },
      now,
    );
    store.audit.append({
      action: 'update',
      entity: 'observation',
      entityId: existing.id,
      detail: { ...changes, ...(changes.text !== undefined ? { text: fingerprint(changes.text) } : {}) },
    });
    return getObservationDto(store, existing.id);
  });
}

export function setObservationSentiment(
  store: Store,
  request: ParsedRequestOf<'observations:set-sentiment'>,
): ObservationDto {
  return store.transaction(() => {
    const existing = requireObservation(store, request.id);
    assertRoundOpenForTagging(store, existing.roundId);
    if (request.fftAnswer !== null && !FFT_KINDS.has(existing.kind)) {
      throw validationError(
        'fftAnswer',
        'The Friends and Family Test answer is only for what someone said (heard or quote)',
      );
    }
    store.observations.setSentiment(
      existing.id,
      { sentimentConfirmed: request.confirmed, fftAnswer: request.fftAnswer },
      store.now().toISOString(),
    );
    store.audit.append({
      action: 'update',
      entity: 'observation_sentiment',
      entityId: existing.id,
      detail: {
        suggested: existing.sentimentSuggested,
        confirmed: request.confirmed,
        fftAnswer: request.fftAnswer,
      },
    });
    return getObservationDto(store, existing.id);
  });
}

export function setFollowUp(
  store: Store,
  request: ParsedRequestOf<'observations:set-follow-up'>,
): ObservationDto {
  return store.transaction(() => {
    const existing = requireObservation(store, request.id);
    assertRoundOpenForTagging(store, existing.roundId);
    store.observations.setFollowUp(existing.id, request.needsFollowUp, store.now().toISOString());
    store.audit.append({
      action: 'update',
      entity: 'observation_follow_up',
      entityId: existing.id,
      detail: { needsFollowUp: request.needsFollowUp },
    });
    return getObservationDto(store, existing.id);
  });
}

export function deleteObservation(store: Store, id: string): { id: string } {
  return store.transaction(() => {
    const existing = requireObservation(store, id);
    assertRoundOpen(requireRound(store, existing.roundId));
    if (store.actions.isLinked('observation', id)) {
      throw lockedError(
        'An action was raised from this observation, so it stays on the record. Edit it instead.',
      );
    }
    store.observations.delete(id);
    store.audit.append({
      action: 'delete',
      entity: 'observation',
      entityId: id,
      detail: { roundId: existing.roundId, text: fingerprint(existing.text) },
    });
    return { id };
  });
}
