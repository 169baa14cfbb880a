// Areas are the wards and departments of a site: a round visits them, and actions and filters
// name them.
import type { ParsedRequestOf, RoundAreaDto } from '../../ipc/contract';
import type { Store } from '../store';
import { assertRoundOpen, markStarted, requireRound } from '../rounds/rounds-service';

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
