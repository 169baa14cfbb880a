import type { ObservationDto } from '../../ipc/contract';
import type { ObservationRow } from '../../db/repositories/observations-repository';

export function toObservationDto(row: ObservationRow): ObservationDto {
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
  };
}
