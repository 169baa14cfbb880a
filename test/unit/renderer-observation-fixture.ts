// One place that knows every field of an observation as the contract defines it, so the
// renderer's unit tests need a single edit when the contract grows.
import type { ObservationDto } from '../../ipc/contract';

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
