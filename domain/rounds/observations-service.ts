import type { ObservationDto, ParsedRequestOf } from '../../ipc/contract';
import { notFoundError, validationError } from '../../ipc/errors';
import type { ObservationRow } from '../../db/repositories/observations-repository';
import { getTemplate } from '../../db/repositories/templates-repository';
import type { Store } from '../store';
import { toObservationDto } from './observation-dto';
import { assertRoundOpen, markStarted, requireRound } from './rounds-service';
import type { RoundRow } from '../../db/repositories/rounds-repository';

function assertAreaOnRound(store: Store, roundId: string, areaId: string): void {
  if (!store.areas.findVisit(roundId, areaId)) {
    throw validationError('areaId', 'Choose one of the areas visited on this round');
  }
}

function assertPromptOnTemplate(store: Store, round: RoundRow, promptId: string | null): void {
  if (promptId === null) return;
  const template = round.templateId ? getTemplate(store.db, round.templateId) : null;
  if (!template?.prompts.some((p) => p.id === promptId)) {
    throw validationError('promptId', 'Choose one of the prompts from this round’s template');
  }
}

function requireObservation(store: Store, id: string): ObservationRow {
  const row = store.observations.get(id);
  if (!row) throw notFoundError('The observation');
  return row;
}

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
        text: row.text,
        promptId: row.promptId,
      },
    });
    return toObservationDto(row);
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
    const updated = store.observations.update(existing, changes, now);
    store.audit.append({
      action: 'update',
      entity: 'observation',
      entityId: existing.id,
      detail: { ...changes },
    });
    return toObservationDto(updated);
  });
}

export function deleteObservation(store: Store, id: string): { id: string } {
  return store.transaction(() => {
    const existing = requireObservation(store, id);
    assertRoundOpen(requireRound(store, existing.roundId));
    store.observations.delete(id);
    store.audit.append({
      action: 'delete',
      entity: 'observation',
      entityId: id,
      detail: { roundId: existing.roundId, text: existing.text },
    });
    return { id };
  });
}
