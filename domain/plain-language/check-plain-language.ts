// The plain-language check: glossary terms (with their plain alternative), abbreviations nobody
// explained, and a readability score in words. Pure, so the editor can run it as people type.

import { GLOSSARY, type Glossary, type GlossaryEntry } from './glossary';
import { readabilityOf, type Readability } from './readability';
import { WordCursor, wordsOf } from './text-words';

export type PlainLanguageFinding = {
  /** The glossary term ("MDT"); `text` is how it was written ("MDTs"). */
  term: string;
  text: string;
  start: number;
  end: number;
  plain: string;
  kind: GlossaryEntry['kind'];
  /** Explained in brackets here or at an earlier use: "MDT (team of specialists)". */
  explained: boolean;
  note?: string;
};

export type UnexplainedAbbreviation = {
  term: string;
  start: number;
  end: number;
  reason: 'unexplained abbreviation';
};

export type PlainLanguageReport = {
  findings: PlainLanguageFinding[];
  unexplainedAbbreviations: UnexplainedAbbreviation[];
  readability: Readability;
};

export type { Readability, ReadabilityVerdict } from './readability';

type IndexedTerm = { entry: GlossaryEntry; parts: readonly string[] };
export type GlossaryIndex = {
  /** Abbreviations by their exact first word, jargon by its lower-cased first word. */
  abbreviations: Map<string, IndexedTerm[]>;
  jargon: Map<string, IndexedTerm[]>;
  wellKnown: ReadonlySet<string>;
};

export function indexGlossary(glossary: Glossary): GlossaryIndex {
  const abbreviations = new Map<string, IndexedTerm[]>();
  const jargon = new Map<string, IndexedTerm[]>();
  for (const entry of glossary.entries) {
    const isAbbreviation = entry.kind === 'abbreviation';
    const parts = wordsOf(isAbbreviation ? entry.term : entry.term.toLowerCase());
    const first = parts[0];
    if (first === undefined) continue;
    const map = isAbbreviation ? abbreviations : jargon;
    const list = map.get(first) ?? [];
    list.push({ entry, parts });
    // Longest first, so "palliative care" wins over "palliative".
    list.sort((a, b) => b.parts.length - a.parts.length);
    map.set(first, list);
  }
  return { abbreviations, jargon, wellKnown: new Set(glossary.wellKnownAbbreviations) };
}

const DEFAULT_INDEX = indexGlossary(GLOSSARY);

// Between the words of a multi-word term: spaces or one hyphen ("co-production", "step down").
const TERM_GAP = /^(?:[ \u00A0]{1,3}|-)$/u;
const wordSet = (list: string): ReadonlySet<string> =>
  new Set(list.split(/\s+/u).filter((w) => w.length > 0));
// Roman numerals after these words are numbers, not abbreviations: "stage IV", "type II".
const NUMBER_WORDS = wordSet('stage grade type phase part cycle level class');
const ROMAN = /^[IVX]+$/;
const ALL_CAPS_WORD = /^[A-Z]{2,6}s?$/;
const CAPS_NEIGHBOUR = /^[A-Z]{2,}$/;
const WHITESPACE = /^\s+$/u;
// Common words people write in capitals for emphasis; never abbreviations.
const SHOUTED = wordSet(`
  AND THE NOT VERY ALL BUT FOR YOU ARE WAS WERE HAVE HAD HAS THIS THAT WITH FROM THEY THEM WHAT
  WHEN WHY HOW WHO YES NO PLEASE THANK THANKS HELP NEVER EVER ALWAYS NOW TOO MUCH MANY MORE MOST
  ANY SOME ONE TWO DAY DAYS HOURS TIME GOOD BAD GREAT BEST WORST LOVE KIND CARE STAFF NURSE DOCTOR
  WARD PAIN HOME URGENT NOTE SO MY ME WE US IT IS IN ON AT TO OF OR BE DO GO UP OUT OFF
`);

function wordMatches(written: string, part: string, isLast: boolean, caseSensitive: boolean): boolean {
  const w = caseSensitive ? written : written.toLowerCase();
  if (w === part) return true;
  // Endings on the last word only: "MDTs", "biopsy results" is not "biopsies". Jargon also takes
  // -es, -d and -ed ("discharged", "escalated"); irregular forms need their own entry.
  if (!isLast) return false;
  if (caseSensitive) return w === `${part}s`;
  return w === `${part}s` || w === `${part}es` || w === `${part}d` || w === `${part}ed`;
}

type TermMatch = { entry: GlossaryEntry; lastStart: number; end: number };

function append(found: IndexedTerm[] | null, list: IndexedTerm[] | undefined): IndexedTerm[] | null {
  if (list === undefined) return found;
  return found === null ? list : found.concat(list);
}

/**
 * Glossary terms whose first word could be `word` (as written, lower-cased, or without an
 * ending). Runs for every word, so it allocates nothing unless something matches.
 */
function candidatesFor(word: string, index: GlossaryIndex): IndexedTerm[] | null {
  const lastChar = word[word.length - 1];
  let found = append(null, index.abbreviations.get(word));
  if (lastChar === 's') found = append(found, index.abbreviations.get(word.slice(0, -1)));
  const lower = word.toLowerCase();
  found = append(found, index.jargon.get(lower));
  if (lastChar === 's' || lastChar === 'd' || lastChar === 'S' || lastChar === 'D') {
    found = append(found, index.jargon.get(lower.slice(0, -1)));
    if (lower.endsWith('es') || lower.endsWith('ed'))
      found = append(found, index.jargon.get(lower.slice(0, -2)));
  }
  return found;
}

/** The longest glossary term starting at the cursor's word, reading ahead with a copy. */
function matchTerm(text: string, cursor: WordCursor, word: string, index: GlossaryIndex): TermMatch | null {
  const candidates = candidatesFor(word, index);
  if (!candidates) return null;
  let best: TermMatch | null = null;
  let bestLength = 0;
  for (const { entry, parts } of candidates) {
    const n = parts.length;
    const caseSensitive = entry.kind === 'abbreviation';
    if (n <= bestLength || !wordMatches(word, parts[0] as string, n === 1, caseSensitive)) continue;
    const ahead = cursor.clone();
    let ok = true;
    for (let k = 1; ok && k < n; k += 1) {
      const previousEnd = ahead.end;
      ok =
        ahead.next() &&
        TERM_GAP.test(text.slice(previousEnd, ahead.start)) &&
        wordMatches(ahead.word(), parts[k] as string, k === n - 1, caseSensitive);
    }
    if (ok) {
      best = { entry, lastStart: ahead.start, end: ahead.end };
      bestLength = n;
    }
  }
  return best;
}

/**
 * Explained in place: followed by a bracket with words in it ("MDT (team of specialists)"),
 * or itself in brackets after the words it shortens ("multidisciplinary team (MDT)").
 */
function explainedHere(text: string, start: number, end: number): boolean {
  // Cheap character checks first: most terms have no bracket next to them at all.
  const opensAfter = text[end] === '(' || (text[end] === ' ' && text[end + 1] === '(');
  if (opensAfter) {
    const after = /^[ \u00A0]?\(([^()\n]{2,100})\)/u.exec(text.slice(end, end + 110));
    if (after && /\p{Ll}{2,}/u.test(after[1] as string)) return true;
  }
  const closesAfter = text[end] === ')' || (text[end] === ' ' && text[end + 1] === ')');
  const openBefore =
    text[start - 1] === '(' ? start - 1 : text[start - 2] === '(' && text[start - 1] === ' ' ? start - 2 : -1;
  // Ordinary words just before the bracket: "multidisciplinary team (MDT)", but not "MDT (CNS)".
  return (
    closesAfter &&
    openBefore > 0 &&
    /\p{Ll}\S*\s?$/u.test(text.slice(Math.max(0, openBefore - 40), openBefore))
  );
}

export function checkPlainLanguage(text: string, index: GlossaryIndex = DEFAULT_INDEX): PlainLanguageReport {
  const findings: PlainLanguageFinding[] = [];
  const unexplainedAbbreviations: UnexplainedAbbreviation[] = [];
  // Explaining a term once explains it for the rest of the text, as in any good leaflet.
  const explainedTerms = new Set<string>();
  const cursor = new WordCursor(text);
  let previousWord = '';
  let previousEnd = -1;

  while (cursor.next()) {
    const start = cursor.start;
    const word = cursor.word();
    const gapBefore = previousEnd < 0 ? '' : text.slice(previousEnd, start);
    const isRomanNumber = ROMAN.test(word) && NUMBER_WORDS.has(previousWord.toLowerCase());
    const match = isRomanNumber ? null : matchTerm(text, cursor, word, index);

    if (match) {
      const { entry } = match;
      const key = `${entry.kind}:${entry.term}`;
      if (explainedHere(text, start, match.end)) explainedTerms.add(key);
      findings.push({
        term: entry.term,
        text: text.slice(start, match.end),
        start,
        end: match.end,
        plain: entry.plain,
        kind: entry.kind,
        explained: explainedTerms.has(key),
        ...(entry.note === undefined ? {} : { note: entry.note }),
      });
      cursor.start = match.lastStart;
      cursor.end = match.end;
    } else if (!isRomanNumber && isUnknownAbbreviation(text, cursor, word, previousWord, gapBefore, index)) {
      const term = word.replace(/s$/, '');
      if (explainedHere(text, start, cursor.end)) explainedTerms.add(`unknown:${term}`);
      if (!explainedTerms.has(`unknown:${term}`)) {
        unexplainedAbbreviations.push({ term, start, end: cursor.end, reason: 'unexplained abbreviation' });
      }
    }
    previousWord = text.slice(cursor.start, cursor.end);
    previousEnd = cursor.end;
  }

  return { findings, unexplainedAbbreviations, readability: readabilityOf(text) };
}

/**
 * Two to six capitals, not in the glossary or the well-known list, not a shouted word and not
 * part of a run of capitals ("VERY POOR SERVICE" is emphasis or a heading).
 */
function isUnknownAbbreviation(
  text: string,
  cursor: WordCursor,
  word: string,
  previousWord: string,
  gapBefore: string,
  index: GlossaryIndex,
): boolean {
  if (!ALL_CAPS_WORD.test(word) || index.wellKnown.has(word) || SHOUTED.has(word)) return false;
  if (CAPS_NEIGHBOUR.test(previousWord) && WHITESPACE.test(gapBefore)) return false;
  const ahead = cursor.clone();
  const end = ahead.end;
  return !(
    ahead.next() &&
    CAPS_NEIGHBOUR.test(ahead.word()) &&
    WHITESPACE.test(text.slice(end, ahead.start))
  );
}
