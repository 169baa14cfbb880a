import type { ParsedRequestOf, RoundAreaDto, RoundDetailDto, RoundSummaryDto } from '../../ipc/contract';
import { lockedError, notFoundError, validationError } from '../../ipc/errors';
import type { RoundRow } from '../../db/repositories/rounds-repository';
import { getTemplate } from '../../db/repositories/templates-repository';
import type { Store } from '../store';
import { listRoundObservationDtos } from '../observations/observation-dto';

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

export function getRoundDetail(store: Store, roundId: string): RoundDetailDto {
  const round = requireRound(store, roundId);
  const template = round.templateId ? getTemplate(store.db, round.templateId) : null;
  return {
    id: round.id,
    startsAt: round.startsAt,
    site: round.site,
    status: round.status,
    completedAt: round.completedAt,
    template,
    team: store.rounds.team(round.id).map((m) => ({ id: m.id, name: m.name, role: m.role })),
    areas: store.areas.listVisits(round.id),
    observations: listRoundObservationDtos(store, round.id),
  };
}

export function createRound(store: Store, request: ParsedRequestOf<'rounds:create'>): RoundDetailDto {
  const now = store.now();
  const startsAt = new Date(request.startsAt);
  if (request.templateId !== null && !getTemplate(store.db, request.templateId)) {
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
  return getRoundDetail(store, id);
}

export function completeRound(store: Store, roundId: string): RoundDetailDto {
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
  return getRoundDetail(store, roundId);
}

export function addArea(store: Store, request: ParsedRequestOf<'areas:add'>): RoundAreaDto {
  return store.transaction(() => {
    const round = requireRound(store, request.roundId);
    assertRoundOpen(round);
    const now = store.now().toISOString();
    const areaId = store.areas.findOrCreate(round.site, request.name, store.newId, now);
    const existing = store.areas.findVisit(round.id, areaId);
    if (existing) return existing;
    const id = store.newId();
    store.areas.addVisit({ id, roundId: round.id, areaId, visitedAt: now });
    markStarted(store, round);
    store.audit.append({
      action: 'create',
      entity: 'round_area',
      entityId: id,
      detail: { roundId: round.id, areaId, name: request.name },
    });
    return {
      id,
      areaId,
      name: store.areas.findVisit(round.id, areaId)?.name ?? request.name,
      visitedAt: now,
    };
  });
}

export function areaNames(store: Store, site: string): string[] {
  return store.areas.namesForSite(site);
}

/** Every area known, for pickers and filters: one site's (in any case) or all, by name then site. */
export function listAreas(store: Store, site: string | null): { id: string; site: string; name: string }[] {
  return store.areas.list(site === '' ? null : site);
}
