// Full dates (day, month and year). A date with a birth word near it is a date of birth; any
// other full date is reported with the lower-priority kind `date` (see KIND_PRIORITY).
// Month-and-year alone ("March 1958") is only reported next to a birth word: on its own it is
// how people say when something happened, not who they are.

import type { Candidate } from './finding';

/** The months' names in lower case, January first (also read by the date boxes). */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
// Full names, then three-letter forms and "sept" (longest first, so "march" beats "mar").
const MONTH = `(${[...MONTH_NAMES, 'sept', ...MONTH_NAMES.map((m) => m.slice(0, 3))].join('|')})`;

/** 1–12 for a written month ("March", "mar", "Sept"), 0 if it is not one. */
function monthNumber(written: string): number {
  const w = written.toLowerCase();
  if (w === 'sept') return 9;
  return MONTH_NAMES.findIndex((m) => m === w || m.slice(0, 3) === w) + 1;
}
const ORDINAL = '(?:st|nd|rd|th)?';
const SPACE = '[ \\u00A0]{1,3}';
// A four-digit year, or an apostrophe and two digits ("'58"); a bare two-digit year after a
// month name is too often a count ("12 March 58 people…").
const WORD_YEAR = "(\\d{4}|['’]\\d{2})";

// 12/03/1958, 12-03-58, 12.03.1958 (one separator kind throughout); day first, as in the UK.
const NUMERIC_DMY = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[/.-]\d)/g;
// 1958-03-12 and 1958/03/12.
const NUMERIC_YMD = /(?<![\d/.-])(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?![\d]|[/.-]\d)/g;
// 12 March 1958, 12th of March, 1958, 12 Mar '58.
const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})${ORDINAL}(?:${SPACE}of)?${SPACE}${MONTH}\\.?,?${SPACE}${WORD_YEAR}(?!\\d)`,
  'giu',
);
// March 12th 1958, March 12, 1958. These start with a word boundary rather than a Unicode
// lookbehind: a leading lookbehind stops the engine skipping ahead to likely first letters,
// which made these two patterns ten times slower than the rest.
const MONTH_DAY_YEAR = new RegExp(
  `\\b${MONTH}\\.?${SPACE}(\\d{1,2})${ORDINAL},?${SPACE}${WORD_YEAR}(?!\\d)`,
  'gi',
);
// March 1958 (only reported near a birth word).
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\.?,?${SPACE}(\\d{4})(?!\\d)`, 'gi');

// "born", "date of birth", "birth date", "birthday", "DOB", "D.O.B.", "b'day".
const BIRTH_WORD = /\bborn\b|\bbirth|\bd\.?[ \u00A0]?o\.?[ \u00A0]?b\b|\bb['’]?day\b/i;
// How far a birth word may be from the date: "born on the 12th of March 1958", "DOB: …",
// "12/03/1958 (her birthday)". Bounded, so the check stays linear.
const BIRTH_WINDOW_BEFORE = 40;
const BIRTH_WINDOW_AFTER = 25;
const SENTENCE_END = /[.!?](?:\s|$)/;

function yearOf(written: string): number {
  const digits = written.replace(/\D/g, '');
  if (digits.length === 4) return Number(digits);
  // Two-digit years: the people in these stories were born last century or this one, so
  // read 00–29 as 2000s and 30–99 as 1900s; only validity matters here, not the century.
  const two = Number(digits);
  return two < 30 ? 2000 + two : 1900 + two;
}

function isRealDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1880 || year > 2099) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

type DateMatch = { start: number; end: number; text: string; full: boolean };

// The birth word must sit between this date and its neighbours: in "admitted on 3 April 2024
// after being born on 2 May 1950", "born" belongs to the second date only. After the date, the
// sentence ends the window ("… on 3 April 2024. Born in …" is about the next date); before
// it, full stops are kept because "D.O.B." has them.
function nearBirthWord(text: string, dates: readonly DateMatch[], i: number): boolean {
  const date = dates[i] as DateMatch;
  const previousEnd = i > 0 ? (dates[i - 1] as DateMatch).end : 0;
  const nextStart = i + 1 < dates.length ? (dates[i + 1] as DateMatch).start : text.length;
  const before = text.slice(Math.max(previousEnd, date.start - BIRTH_WINDOW_BEFORE), date.start);
  if (BIRTH_WORD.test(before)) return true;
  const after =
    text.slice(date.end, Math.min(nextStart, date.end + BIRTH_WINDOW_AFTER)).split(SENTENCE_END)[0] ?? '';
  const word = BIRTH_WORD.exec(after);
  if (!word) return false;
  // A birth word that leads into the next date is that date's.
  const next = dates[i + 1];
  return next === undefined || next.start - (date.end + word.index) > BIRTH_WINDOW_BEFORE;
}

function collectDates(text: string): DateMatch[] {
  const dates: DateMatch[] = [];
  const add = (index: number, written: string, full: boolean) =>
    dates.push({ start: index, end: index + written.length, text: written, full });
  for (const m of text.matchAll(NUMERIC_DMY)) {
    if (isRealDate(Number(m[1]), Number(m[3]), yearOf(m[4] as string))) add(m.index, m[0], true);
  }
  for (const m of text.matchAll(NUMERIC_YMD)) {
    if (isRealDate(Number(m[4]), Number(m[3]), Number(m[1]))) add(m.index, m[0], true);
  }
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const month = monthNumber(m[2] as string);
    if (isRealDate(Number(m[1]), month, yearOf(m[3] as string))) add(m.index, m[0], true);
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const month = monthNumber(m[1] as string);
    if (isRealDate(Number(m[2]), month, yearOf(m[3] as string))) add(m.index, m[0], true);
  }
  for (const m of text.matchAll(MONTH_YEAR)) {
    const month = monthNumber(m[1] as string);
    if (isRealDate(1, month, Number(m[2]))) add(m.index, m[0], false);
  }
  // Month-and-year inside a full date ("March 1958" in "12 March 1958") is the same date.
  const full = dates.filter((d) => d.full);
  return dates
    .filter((d) => d.full || !full.some((f) => f.start <= d.start && f.end >= d.end))
    .sort((a, b) => a.start - b.start);
}

export function findDates(text: string): Candidate[] {
  const dates = collectDates(text);
  const found: Candidate[] = [];
  dates.forEach((d, i) => {
    if (nearBirthWord(text, dates, i)) {
      found.push({ ...withoutFull(d), kind: 'date_of_birth', reason: 'date next to a word about birth' });
    } else if (d.full) {
      found.push({
        ...withoutFull(d),
        kind: 'date',
        reason: 'full date: with other details it can point to one person',
      });
    }
  });
  return found;
}

function withoutFull(d: DateMatch): { start: number; end: number; text: string } {
  return { start: d.start, end: d.end, text: d.text };
}
