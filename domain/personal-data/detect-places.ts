// Where someone lives or lies: UK postcodes and bed/bay numbers. Wards are deliberately not
// here: "Ward 5" names a place many patients pass through, while "bay 3 bed 2" points to one.

import type { Candidate } from './finding';

// Outward code (A9, A99, AA9, AA99, A9A, AA9A, with the letters each position allows) and
// inward code (9AA, never C, I, K, M, O or V), optional space; or the special GIR 0AA.
// Case-insensitive and word-bounded, so "sw1a1aa" counts but "XSW1A 1AA9" does not.
const POSTCODE =
  /\b(?:GIR[ \u00A0]?0AA|(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?))[ \u00A0]?\d[ABD-HJLNP-UW-Z]{2})\b/gi;

// "C2 3rd floor" has the shape of a postcode, but a capitalised outward code followed by a
// lowercase ordinal (1st, 2nd, 3rd, 4th…) is a room or bay label and a floor. Real inward codes
// like 1ST and 2ND exist, so an all-lowercase "e1g 5th" or all-capitals "E1G 5TH" still counts.
const ORDINAL_INWARD = /(?:1st|2nd|3rd|[04-9]th)$/;
const HAS_CAPITAL = /[A-Z]/;

export function findPostcodes(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(POSTCODE)) {
    if (ORDINAL_INWARD.test(m[0]) && HAS_CAPITAL.test(m[0])) continue;
    found.push({
      kind: 'postcode',
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      reason: 'UK postcode',
    });
  }
  return found;
}

// "bed 12", "Bed 14A", "bed no. 3", "bed #7", "bay 3", "Bay B", "side room 4", "single room 2",
// "cubicle 6", "bed space 9". Keywords are matched in lower, Capitalised or UPPER case only
// (no /i flag) so that the single-letter form can insist on a capital: "bay B" is a bay,
// "bay a…" is not. "I" is excluded for "the bed I had".
const PLACE =
  '(?:[Bb]ed(?:[ -]?[Ss]pace)?|BED|[Bb]ay|BAY|[Ss]ide[ -]?[Rr]oom|SIDE ROOM|[Ss]ingle [Rr]oom|[Cc]ubicle|CUBICLE)';
const NUMBER_WORD = '(?:(?:[Nn]o\\.?|[Nn]umber|#)[ \\u00A0]?)?';
const PLACE_ID = "(?:\\d{1,3}[A-Za-z]?(?![\\p{L}\\d])|[A-HJ-Z](?![\\p{L}\\d&'’]))";
// A count or time after the number means it is not a bed number: "got a bed 20 minutes later".
const NOT_A_COUNT =
  '(?![ \\u00A0]{1,2}(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|times?|nights?|people|patients|nurses|staff|am|pm)\\b)';
const BED_BAY = new RegExp(
  `(?<![\\p{L}\\d])${PLACE}[ \\u00A0]{0,2}${NUMBER_WORD}${PLACE_ID}${NOT_A_COUNT}`,
  'gu',
);
// "bay B bed 2", "bed 2, bay 3", "bed 4 in bay C" are one location, so one finding.
const JOINER = /^(?:[ \u00A0]{0,2},?[ \u00A0]{0,2}|[ \u00A0]{1,2}(?:in|of|on)[ \u00A0]{1,2})$/;

export function findBedsAndBays(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of text.matchAll(BED_BAY)) {
    const start = m.index;
    const end = start + m[0].length;
    const previous = found[found.length - 1];
    if (previous && start - previous.end <= 8 && JOINER.test(text.slice(previous.end, start))) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
      continue;
    }
    found.push({ kind: 'bed_bay', start, end, text: m[0], reason: 'bed or bay number' });
  }
  return found;
}
