// Walks the words of a text for the plain-language check and the readability score. A cursor
// rather than an array of word objects: a 50,000-word narrative would otherwise keep 50,000
// objects alive through every garbage collection, which costs more than the checks themselves.
// Hand-written rather than a regex so it handles surrogate pairs (emoji), right-to-left scripts
// and Word's curly apostrophes without allocating per character.

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Width in UTF-16 units of the word character at `i`, or 0 if it is not one. */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i) ?? c;
    return cp > 0xffff && WORD_CHAR.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return WORD_CHAR.test(text[i] as string) ? 1 : 0;
}

// Characters that join two word characters into one word: "don't", "O’Brien", "A&E", "U&Es".
const isJoiner = (c: number) => c === 0x27 || c === 0x2019 || c === 0x26;

export class WordCursor {
  /** The current word is text.slice(start, end); before the first next(), both are the origin. */
  start: number;
  end: number;
  private readonly text: string;

  constructor(text: string, from = 0) {
    this.text = text;
    this.start = from;
    this.end = from;
  }

  /** Moves to the next word; false when there are no more. */
  next(): boolean {
    const text = this.text;
    const n = text.length;
    let i = this.end;
    while (i < n && wordCharWidth(text, i) === 0) i += 1;
    if (i >= n) return false;
    this.start = i;
    for (;;) {
      const w = i < n ? wordCharWidth(text, i) : 0;
      if (w > 0) i += w;
      else if (i + 1 < n && isJoiner(text.charCodeAt(i)) && wordCharWidth(text, i + 1) > 0) i += 1;
      else break;
    }
    this.end = i;
    return true;
  }

  word(): string {
    return this.text.slice(this.start, this.end);
  }

  clone(): WordCursor {
    const copy = new WordCursor(this.text, this.end);
    copy.start = this.start;
    return copy;
  }
}

/** All the words of a short text (glossary terms, tests). */
export function wordsOf(text: string): string[] {
  const cursor = new WordCursor(text);
  const words: string[] = [];
  while (cursor.next()) words.push(cursor.word());
  return words;
}
