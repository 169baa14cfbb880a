// Checks the renderer's copy of the sentiment model before first use, as the main process checks
// its own: the SHA-256 (Web Crypto) must match the one recorded beside it, and the file must be a
// model this version understands. A damaged model means no suggestions, never wrong ones.
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
