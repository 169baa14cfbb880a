import type { ObservationDto, ParsedRequestOf, RoundDetailDto, RoundSummaryDto } from '../../ipc/contract';
import { provenanceOf } from '../signing/record-provenance';
import { lockedError, notFoundError, validationError } from '../../ipc/errors';
import type { RoundRow } from '../../db/repositories/rounds-repository';
import type { Store } from '../store';

// A round that starts more than this far ahead is "planned"; otherwise the team is on the
// ward now and it is "in progress" straight away.
const PLANNED_THRESHOLD_MS = 15 * 60 * 1000;

export function requireRound(store: Store, roundId: string): RoundRow {
  const round = store.rounds.get(roundId);
  if (!round) throw notFoundError('The round');
  return round;
}

export function assertRoundOpen(round: RoundRow): void {
  if (round.status === 'completed' || round.status === 'signed_off') {
    throw lockedError(
      round.status === 'completed'
        ? 'This round has been completed, so what was recorded on it can no longer be changed.'
        : 'This round has been signed off, so it can no longer be changed.',
    );
  }
}

/** The first thing recorded on a planned round means the team is on the ward. */
export function markStarted(store: Store, round: RoundRow): void {
  if (round.status !== 'planned') return;
  store.rounds.setStatus(round.id, 'in_progress', store.now().toISOString());
  store.audit.append({
    action: 'update',
    entity: 'round',
    entityId: round.id,
    detail: { status: 'in_progress' },
  });
}

export function listRounds(store: Store): RoundSummaryDto[] {
  return store.rounds.summaries();
}

/**
 * A round's observations, as its page shows them. Observations belong to a round, so that
 * feature depends on this one; the app passes its reader in rather than rounds importing it.
 */
export type RoundObservations = (store: Store, roundId: string) => ObservationDto[];

export function getRoundDetail(
  store: Store,
  roundId: string,
  observationsOf: RoundObservations,
): RoundDetailDto {
  const round = requireRound(store, roundId);
  const template = round.templateId ? store.templates.get(round.templateId) : null;
  return {
    id: round.id,
    startsAt: round.startsAt,
    site: round.site,
    status: round.status,
    completedAt: round.completedAt,
    template,
    team: store.rounds.team(round.id).map((m) => ({ id: m.id, name: m.name, role: m.role })),
    areas: store.areas.listVisits(round.id),
    observations: observationsOf(store, round.id),
    provenance: provenanceOf(store, round),
  };
}

export function createRound(
  store: Store,
  request: ParsedRequestOf<'rounds:create'>,
  observationsOf: RoundObservations,
): RoundDetailDto {
  const now = store.now();
  const startsAt = new Date(request.startsAt);
  if (request.templateId !== null && !store.templates.get(request.templateId)) {
    throw validationError('templateId', 'Choose one of the templates listed');
  }
  const id = store.newId();
  const status = startsAt.getTime() - now.getTime() > PLANNED_THRESHOLD_MS ? 'planned' : 'in_progress';
  const team = request.team.map((member) => ({ id: store.newId(), name: member.name, role: member.role }));
  store.transaction(() => {
    store.rounds.insert({
      id,
      startsAt: startsAt.toISOString(),
      site: request.site,
      templateId: request.templateId,
      status,
      team,
      now: now.toISOString(),
    });
    store.audit.append({
      action: 'create',
      entity: 'round',
      entityId: id,
      detail: {
        startsAt: startsAt.toISOString(),
        site: request.site,
        templateId: request.templateId,
        status,
        team,
      },
    });
  });
  return getRoundDetail(store, id, observationsOf);
}

export function completeRound(
  store: Store,
  roundId: string,
  observationsOf: RoundObservations,
): RoundDetailDto {
  store.transaction(() => {
    const round = requireRound(store, roundId);
    assertRoundOpen(round);
    store.rounds.setStatus(roundId, 'completed', store.now().toISOString());
    store.audit.append({
      action: 'complete',
      entity: 'round',
      entityId: roundId,
      detail: { status: 'completed' },
    });
  });
  return getRoundDetail(store, roundId, observationsOf);
}
