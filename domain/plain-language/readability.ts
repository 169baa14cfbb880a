// Flesch reading ease and average sentence length, with the score put into words.
// Flesch (1948): 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words).

import { countSyllables } from './syllables';
import { WordCursor } from './text-words';

export type ReadabilityVerdict =
  | 'very easy to read'
  | 'easy to read'
  | 'fairly easy to read'
  | 'fairly hard to read'
  | 'hard to read'
  | 'very hard to read';

export type Readability = {
  /** Rounded to one decimal place; not clamped, so very short simple texts can exceed 100. */
  fleschReadingEase: number;
  averageSentenceLength: number;
  words: number;
  sentences: number;
  syllables: number;
  verdict: ReadabilityVerdict;
};

/**
 * Flesch's bands, with his 60–70 "standard" band folded into "fairly easy": the Plain English
 * Campaign treats 60 and above as plain English, which is what a reader here needs to know.
 * 90+ very easy, 80+ easy, 60+ fairly easy, 50+ fairly hard, 30+ hard, below 30 very hard.
 */
export function verdictFor(score: number): ReadabilityVerdict {
  if (score >= 90) return 'very easy to read';
  if (score >= 80) return 'easy to read';
  if (score >= 60) return 'fairly easy to read';
  if (score >= 50) return 'fairly hard to read';
  if (score >= 30) return 'hard to read';
  return 'very hard to read';
}

export function fleschReadingEase(words: number, sentences: number, syllables: number): number {
  if (words === 0 || sentences === 0) return 100;
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
}

// Abbreviations whose full stop does not end a sentence ("Dr. Patel", "approx. two hours").
const NO_SENTENCE_END: ReadonlySet<string> = new Set(
  'dr mr mrs ms prof st approx vs eg ie e g sr fr rev'.split(' '),
);
const TERMINAL = /[.!?…]['"”’)\]]*\s/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * True when `gap` (the characters between two words) ends a sentence: a line break, or
 * terminal punctuation followed by space, unless it follows a known abbreviation or the next
 * word is lower-case.
 */
function endsSentence(previousWord: string, gap: string, nextWord: string): boolean {
  if (gap.includes('\n')) return true;
  if (!TERMINAL.test(gap)) return false;
  if (/[!?…]/u.test(gap)) return true;
  if (STARTS_LOWER.test(nextWord)) return false;
  return !NO_SENTENCE_END.has(previousWord.toLowerCase());
}

/** Readability of a text: one pass over its words. */
export function readabilityOf(text: string): Readability {
  const cursor = new WordCursor(text);
  let sentences = 0;
  let wordsInSentence = 0;
  let wordCount = 0;
  let syllables = 0;
  let previousWord = '';
  let previousEnd = -1;
  while (cursor.next()) {
    const word = cursor.word();
    syllables += countSyllables(word);
    const gap = previousEnd < 0 ? '' : text.slice(previousEnd, cursor.start);
    previousEnd = cursor.end;
    // "well-known" and "follow-up" count as one word, as most Flesch tools count them.
    if (gap === '-') {
      previousWord = word;
      continue;
    }
    if (wordsInSentence > 0 && endsSentence(previousWord, gap, word)) {
      sentences += 1;
      wordsInSentence = 0;
    }
    wordCount += 1;
    wordsInSentence += 1;
    previousWord = word;
  }
  if (wordsInSentence > 0) sentences += 1;
  const score = fleschReadingEase(wordCount, sentences, syllables);
  return {
    fleschReadingEase: Math.round(score * 10) / 10,
    averageSentenceLength: sentences === 0 ? 0 : Math.round((wordCount / sentences) * 10) / 10,
    words: wordCount,
    sentences,
    syllables,
    verdict: verdictFor(score),
  };
}
