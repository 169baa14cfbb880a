// The tags and sentiment of one observation as the screen edits them (see use-item-meta.ts).
import type { ObservationDto } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { setItemTags } from '../../lib/set-item-tags';
import type { TagOption } from '../../lib/tag-options';
import { selectionFromObservation } from '../../lib/tag-selection';
import { useItemMeta, type ItemMeta } from '../../lib/use-item-meta';

export type ObservationMeta = ItemMeta;

export function useObservationMeta(
  observation: ObservationDto,
  options: readonly TagOption[],
  equalityFrameworkId: string,
  /** Must be stable: it is captured once. */
  onSaved: (observation: ObservationDto) => void,
): ObservationMeta {
  const id = observation.id;
  return useItemMeta<ObservationDto>({
    id,
    initialSelection: () => selectionFromObservation(observation, options, equalityFrameworkId),
    initialSentiment: { confirmed: observation.sentimentConfirmed, fftAnswer: observation.fftAnswer },
    saveTags: (request) => setItemTags('observation', request),
    saveSentiment: (value) =>
      api['observations:set-sentiment']({ id, confirmed: value.confirmed, fftAnswer: value.fftAnswer }),
    onSaved,
  });
}
