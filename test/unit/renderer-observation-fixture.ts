// One place that knows every field of an observation and of a round as the contract defines
// them, so the renderer's unit tests need a single edit when the contract grows.
import type { ObservationDto, RoundDetailDto } from '../../ipc/contract';

export function anObservation(patch: Partial<ObservationDto> & Pick<ObservationDto, 'id'>): ObservationDto {
  return {
    roundId: 'round-1',
    areaId: 'area-1',
    capturedAt: '2025-11-26T09:01:00.000Z',
    kind: 'heard',
    source: 'patient',
    text: '',
    promptId: null,
    updatedAt: '2025-11-26T09:01:00.000Z',
    sentimentSuggested: null,
    sentimentDrivers: [],
    sentimentConfirmed: null,
    fftAnswer: null,
    equalityStatus: 'not_recorded',
    needsFollowUp: false,
    actions: [],
    tags: [],
    ...patch,
  };
}

/** Ward 3 and Outpatients, visited ten minutes apart. */
export const TWO_AREAS: RoundDetailDto['areas'] = [
  { id: 'ra-1', areaId: 'area-1', name: 'Ward 3', visitedAt: '2025-11-26T09:00:00+00:00' },
  { id: 'ra-2', areaId: 'area-2', name: 'Outpatients', visitedAt: '2025-11-26T09:10:00+00:00' },
];

/** A round in progress at Chelsea holding `observations`, in Ward 3 alone unless `areas` says. */
export function aRound(observations: ObservationDto[], areas = TWO_AREAS.slice(0, 1)): RoundDetailDto {
  return {
    id: 'round-1',
    startsAt: '2025-11-26T09:00:00+00:00',
    site: 'Chelsea',
    status: 'in_progress',
    completedAt: null,
    template: null,
    provenance: null,
    team: [],
    areas,
    observations,
  };
}
