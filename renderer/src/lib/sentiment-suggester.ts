// The sentiment model in the renderer, for suggestions as the person types. It is bundled with
// the page and checked once (verify-sentiment-model.ts) before it suggests anything.
import { useEffect, useState } from 'react';
import modelText from '../../../resources/sentiment/model.json?raw';
import checksumText from '../../../resources/sentiment/model.json.sha256?raw';
import type { SentimentSuggester } from '../../../domain/sentiment/suggest-sentiment';
import { verifiedSuggester } from './verify-sentiment-model';

let loading: Promise<SentimentSuggester | null> | null = null;

/** The shipped model, checked and parsed once per page. */
function shippedSuggester(): Promise<SentimentSuggester | null> {
  loading ??= verifiedSuggester(modelText, checksumText).catch(() => null);
  return loading;
}

/** The suggester once the model is ready; null before then, and for good if it is damaged. */
export function useSentimentSuggester(): SentimentSuggester | null {
  const [suggester, setSuggester] = useState<SentimentSuggester | null>(null);
  useEffect(() => {
    let live = true;
    void shippedSuggester().then((ready) => {
      if (live) setSuggester(() => ready);
    });
    return () => {
      live = false;
    };
  }, []);
  return suggester;
}
