// Words with their offsets into the original text. Shared by the sentiment suggester and the
// tag suggester so both agree on what a "word" is and both can point the UI at exact spans.
//
// Offsets are JavaScript string indices (UTF-16 code units), the unit the renderer uses to
// slice and highlight, so `text.slice(start, end)` is always the word as typed.

export type WordSpan = {
  /** Lower case, with typographic apostrophes (’ ‘) folded to ' so "couldn’t" == "couldn't". */
  word: string;
  start: number;
  end: number;
};

// Letters or digits, optionally joined by apostrophes ("couldn't", "o'clock"). Hyphens split
// words on purpose: "short-staffed", "no-one" and "hard-of-hearing" then match the spaced forms.
const WORD = /[\p{L}\p{N}]+(?:['’‘][\p{L}\p{N}]+)*/gu;

export function normaliseWord(raw: string): string {
  return raw.toLowerCase().replace(/[’‘]/g, "'");
}

export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    spans.push({ word: normaliseWord(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
