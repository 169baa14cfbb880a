// The tags and sentiment of one observation as the screen edits them, each saved whole through
// its own channel as soon as it changes. The screen's copy is the one that counts while it is
// open: answers from the database update the round (the list), not what is being edited.
import { useEffect, useRef, useState } from 'react';
import type { ObservationDto, RequestOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import type { SaveStatus } from '../../lib/draft-saver';
import { combineStatuses, LatestValueSaver } from '../../lib/latest-saver';
import type { TagOption } from '../../lib/tag-options';
import { selectionFromObservation, toSetTagsRequest, type TagSelection } from '../../lib/tag-selection';
import type { SentimentValue } from './SentimentFields';

type TagsRequest = RequestOf<'observations:set-tags'>;
type SentimentRequest = RequestOf<'observations:set-sentiment'>;

/** A pause this long in typing a description saves it. */
const DESCRIPTION_DEBOUNCE_MS = 500;

export type ObservationMeta = {
  selection: TagSelection;
  changeSelection: (next: TagSelection, options?: { typing?: boolean }) => void;
  sentiment: SentimentValue;
  changeSentiment: (next: SentimentValue) => void;
  status: SaveStatus;
};

export function useObservationMeta(
  observation: ObservationDto,
  options: readonly TagOption[],
  equalityFrameworkId: string,
  /** Must be stable: it is captured once. */
  onSaved: (observation: ObservationDto) => void,
): ObservationMeta {
  const id = observation.id;
  const [selection, setSelection] = useState(() =>
    selectionFromObservation(observation, options, equalityFrameworkId),
  );
  const [sentiment, setSentiment] = useState<SentimentValue>({
    confirmed: observation.sentimentConfirmed,
    fftAnswer: observation.fftAnswer,
  });
  const [tagStatus, setTagStatus] = useState<SaveStatus>({ state: 'idle' });
  const [sentimentStatus, setSentimentStatus] = useState<SaveStatus>({ state: 'idle' });
  const lastTags = useRef(JSON.stringify(toSetTagsRequest(id, selection)));

  const [savers] = useState(() => ({
    tags: new LatestValueSaver<TagsRequest, ObservationDto>({
      save: (request) => api['observations:set-tags'](request),
      onSaved,
      onStatus: setTagStatus,
    }),
    sentiment: new LatestValueSaver<SentimentRequest, ObservationDto>({
      save: (request) => api['observations:set-sentiment'](request),
      onSaved,
      onStatus: setSentimentStatus,
    }),
  }));

  // Leaving the observation (the next one, another page) saves what is waiting at once.
  useEffect(
    () => () => {
      void savers.tags.flush();
      void savers.sentiment.flush();
    },
    [savers],
  );

  const changeSelection = (next: TagSelection, { typing = false } = {}) => {
    setSelection(next);
    const request = toSetTagsRequest(id, next);
    const json = JSON.stringify(request);
    // An equality group still waiting for its impact changes nothing stored.
    if (json === lastTags.current) return;
    lastTags.current = json;
    savers.tags.set(request, typing ? { debounceMs: DESCRIPTION_DEBOUNCE_MS } : {});
  };

  const changeSentiment = (next: SentimentValue) => {
    setSentiment(next);
    savers.sentiment.set({ id, confirmed: next.confirmed, fftAnswer: next.fftAnswer });
  };

  return {
    selection,
    changeSelection,
    sentiment,
    changeSentiment,
    status: combineStatuses([tagStatus, sentimentStatus]),
  };
}
