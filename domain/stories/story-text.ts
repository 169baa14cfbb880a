// The read-back text of a story (narrative, key quotes, learning points): its fingerprint, and
// how key quotes stay attached to the narrative as it is edited.
//
// A key quote is stored as its offsets into the narrative *and* its words. The words are the
// truth; the offsets are where they were last seen. When the narrative changes, each quote is
// looked for again: first where the edit would have moved it, then at the occurrence of its
// words nearest to that place. A quote whose words are no longer in the narrative keeps its old
// offsets and is reported with `matches: false`, so the person can re-select or remove it;
// nothing is silently dropped or pointed at different words.

import { createHash } from 'node:crypto';
import { canonicalJson } from '../../db/audit-log';

export type Quote = { start: number; end: number; text: string };
export type StoryText = { narrative: string; quotes: readonly Quote[]; learningPoints: readonly string[] };

/** Bumped if what the fingerprint covers ever changes, so old and new can never collide. */
const STORY_TEXT_VERSION = 'px-story-text/1';

const byPosition = (a: Quote, b: Quote) => a.start - b.start || a.end - b.end;

/** Quotes in narrative order, each span once: the order they are stored and hashed in. */
export function orderQuotes(quotes: readonly Quote[]): Quote[] {
  const unique = new Map(quotes.map((q) => [`${q.start}:${q.end}:${q.text}`, { ...q }]));
  return [...unique.values()].sort(byPosition);
}

/**
 * SHA-256 (hex) over the canonical JSON of the read-back text: keys sorted, quotes in narrative
 * order, the narrative exactly as stored (line ends are already \n; nothing else is normalised,
 * so a changed character always changes the fingerprint).
 */
export function storyTextHash(text: StoryText): string {
  const canonical = canonicalJson({
    version: STORY_TEXT_VERSION,
    narrative: text.narrative,
    quotes: orderQuotes(text.quotes).map(({ start, end, text: words }) => ({ start, end, text: words })),
    learningPoints: text.learningPoints,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function quoteMatches(narrative: string, quote: Quote): boolean {
  return narrative.slice(quote.start, quote.end) === quote.text;
}

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i += 1;
  return i;
}

/** The start of the occurrence of `words` in `text` nearest to `near`, or -1. */
function nearestOccurrence(text: string, words: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    else if (at > near) break;
  }
  return best;
}

/** Quotes as they sit in `after`, the narrative as edited from `before`. */
export function reanchorQuotes(before: string, after: string, quotes: readonly Quote[]): Quote[] {
  if (before === after) return [...quotes];
  const prefix = commonPrefixLength(before, after);
  const shift = after.length - before.length;
  return orderQuotes(
    quotes.map((quote) => {
      // An edit wholly before the quote moves it by the change in length.
      const expected = quote.start >= prefix ? quote.start + shift : quote.start;
      const moved = { start: expected, end: expected + quote.text.length, text: quote.text };
      if (expected >= 0 && quoteMatches(after, moved)) return moved;
      const found = nearestOccurrence(after, quote.text, expected);
      return found === -1 ? quote : { start: found, end: found + quote.text.length, text: quote.text };
    }),
  );
}

/**
 * Quotes after the span [start, end) of the narrative was replaced by `replacement`: quotes
 * around the span take the replacement into their words (a redacted name inside a quote is
 * redacted in the quote too), quotes after it move. Quotes that only partly overlap the span
 * are left to `reanchorQuotes`, which will report them if their words are gone.
 */
export function quotesAfterReplacing(
  narrativeAfter: string,
  quotes: readonly Quote[],
  span: { start: number; end: number; replacement: string },
): Quote[] {
  const delta = span.replacement.length - (span.end - span.start);
  return orderQuotes(
    quotes.map((quote) => {
      if (quote.end <= span.start) return quote;
      if (quote.start >= span.end) return { ...quote, start: quote.start + delta, end: quote.end + delta };
      if (quote.start <= span.start && quote.end >= span.end) {
        const end = quote.end + delta;
        return { start: quote.start, end, text: narrativeAfter.slice(quote.start, end) };
      }
      return quote;
    }),
  );
}

function parseJsonArray(json: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

const isQuote = (value: unknown): value is Quote => {
  const q = value as Partial<Quote> | null;
  return (
    typeof q === 'object' &&
    q !== null &&
    Number.isInteger(q.start) &&
    Number.isInteger(q.end) &&
    typeof q.text === 'string'
  );
};

export const parseQuotes = (json: string): Quote[] =>
  parseJsonArray(json)
    .filter(isQuote)
    .map(({ start, end, text }) => ({ start, end, text }));

export const parseLearningPoints = (json: string): string[] =>
  parseJsonArray(json).filter((p): p is string => typeof p === 'string');
