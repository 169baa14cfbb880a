// The sentiment model in the renderer, for suggestions as the person types. It is bundled with
// the page, and its SHA-256 checksum is checked (Web Crypto) before first use, as the main
// process checks its copy: a damaged model means no suggestions, never wrong ones.
import { useEffect, useState } from 'react';
import modelText from '../../../resources/sentiment/model.json?raw';
import checksumText from '../../../resources/sentiment/model.json.sha256?raw';
import { SentimentModelFile, toSentimentModel } from '../../../domain/sentiment/sentiment-model';
import { sentimentSuggester, type SentimentSuggester } from '../../../domain/sentiment/suggest-sentiment';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Checks and parses a model's text; null (with the reason logged) when it cannot be used. */
export async function verifiedSuggester(text: string, checksum: string): Promise<SentimentSuggester | null> {
  const expected = checksum.trim().split(/\s+/)[0] ?? '';
  if ((await sha256Hex(text)) !== expected) {
    console.error('The sentiment model is damaged (its checksum does not match): no sentiment suggestions.');
    return null;
  }
  const parsed = SentimentModelFile.safeParse(JSON.parse(text));
  if (!parsed.success) {
    console.error('The sentiment model is not one this version understands: no sentiment suggestions.');
    return null;
  }
  return sentimentSuggester(toSentimentModel(parsed.data));
}

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
