import type { ObservationDto } from '../../ipc/contract';
import { notFoundError } from '../../ipc/errors';
import type { ObservationRow } from '../../db/repositories/observations-repository';
import type { Store } from '../store';
import { labelTags } from '../tagging/tagging-service';

type Tags = ObservationDto['tags'];

function parseDrivers(json: string): ObservationDto['sentimentDrivers'] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as ObservationDto['sentimentDrivers']) : [];
  } catch {
    return [];
  }
}

type Actions = ObservationDto['actions'];

export function toObservationDto(row: ObservationRow, tags: Tags, actions: Actions = []): ObservationDto {
  return {
    id: row.id,
    roundId: row.roundId,
    areaId: row.areaId,
    capturedAt: row.capturedAt,
    kind: row.kind,
    source: row.source,
    text: row.text,
    promptId: row.promptId,
    updatedAt: row.updatedAt,
    sentimentSuggested: row.sentimentSuggested,
    sentimentDrivers: parseDrivers(row.sentimentDrivers),
    sentimentConfirmed: row.sentimentConfirmed,
    fftAnswer: row.fftAnswer,
    equalityStatus: row.equalityStatus,
    needsFollowUp: row.needsFollowUp,
    actions,
    tags,
  };
}

export function getObservationDto(store: Store, id: string): ObservationDto {
  const row = store.observations.get(id);
  if (!row) throw notFoundError('The observation');
  const actions = store.actions
    .raisedFromRound(row.roundId)
    .filter((a) => a.itemId === id)
    .map((a) => ({ id: a.actionId, willDo: a.willDo }));
  return toObservationDto(
    row,
    labelTags(store, store.tags.forItem('observation', id)).get(id) ?? [],
    actions,
  );
}

export function listRoundObservationDtos(store: Store, roundId: string): ObservationDto[] {
  const tags = labelTags(store, store.tags.forRoundObservations(roundId));
  const actions = new Map<string, ObservationDto['actions']>();
  for (const link of store.actions.raisedFromRound(roundId)) {
    actions.set(link.itemId, [
      ...(actions.get(link.itemId) ?? []),
      { id: link.actionId, willDo: link.willDo },
    ]);
  }
  return store.observations
    .listForRound(roundId)
    .map((row) => toObservationDto(row, tags.get(row.id) ?? [], actions.get(row.id) ?? []));
}
