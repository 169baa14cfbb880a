// Likely personal names. Rules, from strongest to weakest evidence:
// 1. a title and a capitalised word: "Dr Patel", "Mrs. Jones", "Sister Mary Okafor";
// 2. a configured local staff name, matched case-insensitively but only where the text
//    writes it with a capital (so a staff member called Will does not flag "will");
// 3. capitalised words next to a cue: "a nurse called Temitope", "my name is Ada",
//    "my husband Wojciech", "especially Femi", "Ivor on reception", "Ada, my neighbour,";
// 4. a known given name ("Margaret", "Oluwaseun"), alone or with a surname; names that are
//    also words ("May", "Grace") only with a surname, title or cue;
// 5. two to four capitalised words in a row in the middle of a sentence ("we saw Olumide
//    Adeyemi"); at the start of a sentence, where every first word has a capital, only a pair.
// A run of capitalised words that contains a place, service or role word ("Oak Ward",
// "Maggie's Centre", "Clinical Nurse Specialist") is never a name, except "Sarah Ward" after a
// comma or cue. Scripts without capital letters (Arabic, Chinese…) are not checked for names:
// there is no signal to go on.
//
// Only capitalised words are tokenised (a tenth of a typical text); the lower-case words a
// rule needs (cues, particles) are read from the text around them, so the cost stays linear
// and small.

import type { Candidate } from './finding';
import { AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES } from './given-names';
import {
  COMMON_CAPITALISED,
  INSTITUTION_WORDS,
  NAME_CUES,
  NAME_PARTICLES,
  SURNAMES,
  TITLES,
} from './name-words';

type Word = {
  start: number;
  /** End of the word without a possessive "'s". */
  end: number;
  word: string;
  possessive: boolean;
};

const CAPITALISED_WORD = /\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*/gu;
const LETTER_BEFORE = /[\p{L}\p{M}\d'’-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\d]/u;
const HAS_LOWER = /\p{Ll}/u;
const RUN_GAP = /^[ \u00A0]{1,2}$/;
const GAP_AFTER_ABBREVIATION = /^\.[ \u00A0]{1,2}$/;
const PARTICLE_GAP = /^[ \u00A0]([a-z]{1,5})(?:[ \u00A0]([a-z]{1,5}))?[ \u00A0]$/;
const MAX_NAME_WORDS = 4;
// A capital I inside a word ("InformatIon", "HospItal") is a scanning fault: the word is read
// as if the i were small, so "Agnes UnIt" is still a unit. "McIntyre" and "MacInnes" keep theirs.
const SCANNED_CAPITAL_I = /(?<=\p{Ll})I(?=\p{Ll})/gu;
const MAC_PREFIX = /^Ma?c(?=I)/u;
// Medicines by their generic endings: "Clozapine", "Omeprazole", "Dexamethasone".
const MEDICINE =
  /(?:apine|azole|pril|olol|statin|mycin|cillin|azepam|oxetine|asone|olone|azine|umab|ximab)$/u;
// A capitalised word followed by one of these is the name of a place, a programme or a thing:
// "Heather close", "Desmond course", "Fraser ward", "Winifred 2", "Harvey 1".
const FOLLOWING_THING =
  /^[ \u00A0](?:close|road|street|lane|avenue|drive|crescent|grove|gardens|court|way|ward|unit|hospital|clinic|centre|center|surgery|practice|house|course|programme|program|group|syndrome|tablets?|\d)/u;

// Two-word cues before a name: "my name is Ada", "thank you Ivor", "ask for Femi".
const PAIR_CUES: ReadonlySet<string> = new Set([
  'name is',
  'name was',
  'thank you',
  'thanks to',
  'ask for',
  'asked for',
  'known as',
]);
// Words after which "X Ward" is a ward, not a person called Ward: "on Elizabeth Ward".
const LOCATIVES: ReadonlySet<string> = new Set('on to from in at into onto off the of'.split(' '));
const NOT_ROLES: ReadonlySet<string> = new Set(['called', 'named', 'especially', 'particularly']);
const ROLES = [...NAME_CUES].filter((w) => !NOT_ROLES.has(w)).join('|');
// Cues after a name: "Ivor on reception", "Femi, the porter,", "Ada, my neighbour,".
const FOLLOWING_CUE = new RegExp(
  `^(?:[ \\u00A0]{1,2}(?:on|at|from)[ \\u00A0]reception\\b|,[ \\u00A0]{1,2}(?:the|our|my|his|her|their|a)[ \\u00A0]{1,2}(?:${ROLES})\\b)`,
  'i',
);

function capitalisedWords(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    // Skip capitals inside a word ("iPhone") or after an apostrophe ("O'Brien" is matched whole).
    if (m.index > 0 && LETTER_BEFORE.test(text[m.index - 1] as string)) continue;
    const raw = m[0];
    // All-capital words ("NHS", "MDT") are abbreviations, not names; single capitals stay
    // because they may be initials ("Dr J. Patel"), except the pronoun "I".
    if (raw === 'I' || (raw.length > 1 && !HAS_LOWER.test(raw))) continue;
    if (MEDICINE.test(raw)) continue;
    const possessive = raw.length > 2 && raw.endsWith('s') && (raw.at(-2) === "'" || raw.at(-2) === '’');
    const written = possessive ? raw.slice(0, -2) : raw;
    const word = MAC_PREFIX.test(written) ? written : written.replace(SCANNED_CAPITAL_I, 'i');
    words.push({ start: m.index, end: m.index + word.length, word, possessive });
  }
  return words;
}

const hasLower = (w: Word) => HAS_LOWER.test(w.word);
const isInitial = (w: Word) => w.word.length === 1 && w.word !== 'I';
const firstPart = (word: string) => word.split('-')[0] ?? word;
const isGiven = (word: string) => GIVEN_NAMES.has(word) || GIVEN_NAMES.has(firstPart(word));

/** True when `pos` starts a sentence, a line or the text (skipping spaces, quotes, bullets). */
function startsSentence(text: string, pos: number): boolean {
  for (let i = pos - 1, steps = 0; i >= 0 && steps < 16; i -= 1, steps += 1) {
    const ch = text[i] as string;
    if (ch === '\n' || ch === '\r') return true;
    if (/[\s"“”‘'(«[*•–—-]/.test(ch)) continue;
    return /[.!?…:;]/.test(ch);
  }
  return true;
}

/** Whether words[i] and words[i + 1] are close enough to be one name. */
function joins(text: string, words: readonly Word[], i: number): boolean {
  const a = words[i];
  const b = words[i + 1];
  if (!a || !b || a.possessive || b.start - a.end > 12) return false;
  const gap = text.slice(a.end, b.start);
  if (RUN_GAP.test(gap)) return hasLower(b) || isInitial(b) || isInitial(a) || TITLES.has(a.word);
  if (GAP_AFTER_ABBREVIATION.test(gap)) return TITLES.has(a.word) || isInitial(a);
  // "Maria de Souza", "Jan van der Berg".
  const particles = PARTICLE_GAP.exec(gap);
  return (
    particles !== null &&
    NAME_PARTICLES.has(particles[1] as string) &&
    (particles[2] === undefined || NAME_PARTICLES.has(particles[2]))
  );
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

// Lower-case words are not tokenised, so cues are read backwards from the name. A word char
// here is an ASCII letter, an apostrophe or any non-ASCII character above Latin-1 punctuation:
// enough to compare against the cue lists, which is all it is used for.
function isCueChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    code === APOSTROPHE ||
    code === RIGHT_QUOTE ||
    code >= 0xc0
  );
}

/** The word just before `pos`, separated from it by one or two spaces and at most a comma. */
function previousWord(text: string, pos: number): { word: string; start: number } | null {
  let i = pos;
  while (i > 0 && pos - i < 2 && (text[i - 1] === ' ' || text[i - 1] === '\u00A0')) i -= 1;
  if (i === pos) return null;
  if (text[i - 1] === ',') i -= 1;
  const end = i;
  while (i > 0 && end - i < 24 && isCueChar(text.charCodeAt(i - 1))) i -= 1;
  return i === end ? null : { word: text.slice(i, end).toLowerCase(), start: i };
}

function cueBefore(text: string, start: number): boolean {
  const last = previousWord(text, start);
  if (!last) return false;
  if (NAME_CUES.has(last.word) || last.word === "name's" || last.word === 'name’s') return true;
  const previous = previousWord(text, last.start);
  return previous !== null && PAIR_CUES.has(`${previous.word} ${last.word}`);
}

function cueAfter(text: string, end: number): boolean {
  return FOLLOWING_CUE.test(text.slice(end, end + 40));
}

function afterLocative(text: string, start: number): boolean {
  const before = previousWord(text, start);
  return before !== null && LOCATIVES.has(before.word);
}

function nameCandidate(text: string, first: Word, last: Word, reason: string): Candidate {
  return { kind: 'name', start: first.start, end: last.end, text: text.slice(first.start, last.end), reason };
}

/** Drops initials from the end of a name, where they cannot belong. */
function trimTail(names: Word[]): Word[] {
  let end = names.length;
  while (end > 0 && !hasLower(names[end - 1] as Word)) end -= 1;
  return names.slice(0, end);
}

/** The name after a title: up to four words, stopping at ordinary and role words. */
function afterTitle(text: string, words: readonly Word[], title: Word, from: number, to: number) {
  const names: Word[] = [];
  for (let j = from; j <= to && names.length < MAX_NAME_WORDS; j += 1) {
    const w = words[j] as Word;
    // "Dr Ward" is a person; "Nurse Specialist" and "Lady Chapel" are not.
    const placeWord = INSTITUTION_WORDS.has(w.word) && !SURNAMES.has(w.word);
    if (COMMON_CAPITALISED.has(w.word) || placeWord || TITLES.has(w.word)) break;
    names.push(w);
  }
  const last = trimTail(names).at(-1);
  return last ? nameCandidate(text, title, last, `title "${title.word}" followed by a name`) : null;
}

function analyseRun(text: string, words: readonly Word[], from: number, to: number): Candidate | null {
  let i = from;
  while (i <= to && COMMON_CAPITALISED.has((words[i] as Word).word) && !TITLES.has((words[i] as Word).word)) {
    i += 1;
  }
  const head = words[i];
  if (!head) return null;
  if (TITLES.has(head.word)) return afterTitle(text, words, head, i + 1, to);

  const names: Word[] = [];
  for (let j = i; j <= to && names.length < MAX_NAME_WORDS; j += 1) {
    const w = words[j] as Word;
    if (COMMON_CAPITALISED.has(w.word) || TITLES.has(w.word)) break;
    names.push(w);
  }
  const kept = trimTail(names);
  const first = kept[0];
  const last = kept.at(-1);
  if (!first || !last || !hasLower(first)) return null;
  // "[Name Redacted]": a placeholder someone already put in place of a name.
  if (text[first.start - 1] === '[') return null;
  if (FOLLOWING_THING.test(text.slice(last.end, last.end + 12))) return null;
  const given = isGiven(first.word);
  const cue = cueBefore(text, first.start) || cueAfter(text, last.end);

  if (words.slice(i, to + 1).some((w) => INSTITUTION_WORDS.has(w.word))) {
    // "Maggie's Centre", "Oak Ward": a place. Only "Sarah Ward" after a comma or cue, with a
    // known first name, is read as a person whose surname is also a place word.
    const surnameAtEnd =
      kept.length === 2 && to === i + 1 && SURNAMES.has(last.word) && !INSTITUTION_WORDS.has(first.word);
    // A cue outranks a place word before the name: "thanks to Sarah Ward".
    const person = cue || (given && !afterLocative(text, first.start));
    if (!(surnameAtEnd && person)) return null;
    return nameCandidate(text, first, last, 'first name and surname');
  }

  const capitalised = kept.filter(hasLower);
  if (capitalised.length === 1) {
    if (given) return nameCandidate(text, first, last, 'common first name');
    if (cue) return nameCandidate(text, first, last, 'capitalised word next to words that introduce a name');
    return null;
  }
  if (given || AMBIGUOUS_GIVEN_NAMES.has(first.word)) {
    return nameCandidate(text, first, last, 'first name and surname');
  }
  if (capitalised.slice(1).some((w) => SURNAMES.has(w.word))) {
    return nameCandidate(text, first, last, 'capitalised words ending in a common surname');
  }
  if (cue) return nameCandidate(text, first, last, 'capitalised words next to words that introduce a name');
  if (i !== from || !startsSentence(text, first.start)) {
    return nameCandidate(text, first, last, 'capitalised words in the middle of a sentence');
  }
  // At the start of a sentence the first word is capitalised anyway, so only a pair of
  // unknown words counts ("Rubina Yilmaz was…"); longer runs there are usually titles or
  // headings ("Look Good Feel Better").
  if (capitalised.length === 2 && kept.length === 2) {
    return nameCandidate(text, first, last, 'two capitalised words at the start of a sentence');
  }
  return null;
}

type StaffName = { lower: string; length: number };

function indexStaffNames(staffNames: readonly string[]): Map<string, StaffName[]> {
  const byFirstWord = new Map<string, StaffName[]>();
  for (const name of staffNames) {
    const lower = name.trim().replace(/\s+/gu, ' ').toLowerCase();
    const firstWord = lower.split(' ')[0];
    if (!firstWord) continue;
    const list = byFirstWord.get(firstWord) ?? [];
    list.push({ lower, length: lower.length });
    byFirstWord.set(firstWord, list);
  }
  // Longest first, so "Sarah Jones" wins over "Sarah" when both are listed.
  for (const list of byFirstWord.values()) list.sort((a, b) => b.length - a.length);
  return byFirstWord;
}

function findStaffNames(text: string, staffNames: readonly string[]): Candidate[] {
  if (staffNames.length === 0) return [];
  const byFirstWord = indexStaffNames(staffNames);
  const found: Candidate[] = [];
  // Its own pass, because staff names also count in capitals ("ADE"), which the name rules skip.
  for (const m of text.matchAll(CAPITALISED_WORD)) {
    if (m.index > 0 && LETTER_BEFORE.test(text[m.index - 1] as string)) continue;
    const options = byFirstWord.get(m[0].replace(/['’]s$/u, '').toLowerCase());
    if (!options) continue;
    const match = options.find((name) => {
      const end = m.index + name.length;
      const written = text
        .slice(m.index, end)
        .replace(/[ \u00A0]/gu, ' ')
        .toLowerCase();
      // Followed by anything but a letter: "Ade's" counts, "Adeola" does not.
      return written === name.lower && !LETTER_OR_DIGIT.test(text[end] ?? ' ');
    });
    if (!match) continue;
    const end = m.index + match.length;
    found.push({
      kind: 'name',
      start: m.index,
      end,
      text: text.slice(m.index, end),
      reason: 'name on the local staff list',
    });
  }
  return found;
}

export function findNames(text: string, staffNames: readonly string[] = []): Candidate[] {
  const words = capitalisedWords(text);
  const found: Candidate[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j + 1 < words.length && joins(text, words, j)) j += 1;
    const candidate = analyseRun(text, words, i, j);
    if (candidate) found.push(candidate);
    i = j + 1;
  }
  return found.concat(findStaffNames(text, staffNames));
}
