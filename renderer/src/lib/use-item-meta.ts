// The tags and sentiment of one item (an observation or a story) as the screen edits them, each
// saved whole through its own channel as soon as it changes. The screen's copy is the one that
// counts while it is open: answers from the database update the page around it, not what is
// being edited.
import { useEffect, useRef, useState } from 'react';
import type { FftAnswer, SentimentLabel } from '../../../ipc/contract';
import type { Result } from '../../../ipc/errors';
import type { SaveStatus } from './save-schedule';
import { combineStatuses, LatestValueSaver } from './latest-saver';
import { toSetTagsRequest, type TagSelection, type TagsRequest } from './tag-selection';

export type SentimentValue = { confirmed: SentimentLabel | null; fftAnswer: FftAnswer | null };

/** A pause this long in typing a description saves it. */
const DESCRIPTION_DEBOUNCE_MS = 500;

export type ItemMeta = {
  selection: TagSelection;
  changeSelection: (next: TagSelection, options?: { typing?: boolean }) => void;
  sentiment: SentimentValue;
  changeSentiment: (next: SentimentValue) => void;
  status: SaveStatus;
};

export type ItemMetaOptions<T> = {
  id: string;
  /** Read once, when the item opens. */
  initialSelection: () => TagSelection;
  initialSentiment: SentimentValue;
  saveTags: (request: TagsRequest) => Promise<Result<T>>;
  saveSentiment: (value: SentimentValue) => Promise<Result<T>>;
  /** Must be stable: it is captured once. */
  onSaved: (item: T) => void;
};

export function useItemMeta<T>(options: ItemMetaOptions<T>): ItemMeta {
  const { id } = options;
  const [selection, setSelection] = useState(options.initialSelection);
  const [sentiment, setSentiment] = useState<SentimentValue>(options.initialSentiment);
  const [tagStatus, setTagStatus] = useState<SaveStatus>({ state: 'idle' });
  const [sentimentStatus, setSentimentStatus] = useState<SaveStatus>({ state: 'idle' });
  const lastTags = useRef(JSON.stringify(toSetTagsRequest(id, selection)));

  const [savers] = useState(() => ({
    tags: new LatestValueSaver<TagsRequest, T>({
      save: options.saveTags,
      onSaved: options.onSaved,
      onStatus: setTagStatus,
    }),
    sentiment: new LatestValueSaver<SentimentValue, T>({
      save: options.saveSentiment,
      onSaved: options.onSaved,
      onStatus: setSentimentStatus,
    }),
  }));

  // Leaving the item (the next one, another page) saves what is waiting at once.
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
    savers.sentiment.set(next);
  };

  return {
    selection,
    changeSelection,
    sentiment,
    changeSentiment,
    status: combineStatuses([tagStatus, sentimentStatus]),
  };
}
