// Personal data caught as it is typed and hidden where text is listed: the details a person would
// not want on a screen someone else can see (NHS numbers, postcodes, phone numbers, emails, dates of
// birth), found by the same scanner the review uses. Names are left to the review, which can ask
// about each: flagged as they are typed, every "Sister" and "Ward" would be noise. DOM-free.

import {
  scanPersonalData,
  type Finding,
  type FindingKind,
} from '../../../domain/personal-data/scan-personal-data';

const KIND_WORDS: Partial<Record<FindingKind, string>> = {
  nhs_number: 'NHS number',
  postcode: 'postcode',
  phone: 'phone number',
  email: 'email address',
  date_of_birth: 'date of birth',
};

export type TypedFinding = Pick<Finding, 'kind' | 'start' | 'end' | 'text'> & { words: string };

/** The details worth a note or a mask in this text, in order. */
export function personalDetailsIn(text: string): TypedFinding[] {
  if (text.trim() === '') return [];
  return scanPersonalData(text).flatMap((finding) => {
    const words = KIND_WORDS[finding.kind];
    return words === undefined
      ? []
      : [{ kind: finding.kind, start: finding.start, end: finding.end, text: finding.text, words }];
  });
}

/** "an NHS number and a postcode": what the note under a field names, without repeating a kind. */
export function describeDetails(findings: readonly TypedFinding[]): string {
  const kinds = [...new Set(findings.map((f) => f.words))].map(
    (w) => `${/^[aeiouAEIOU]|^NHS/.test(w) ? 'an' : 'a'} ${w}`,
  );
  if (kinds.length <= 1) return kinds[0] ?? '';
  return `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
}

export type Part = { text: string; match: boolean };
export type MaskedPart = { kind: 'text'; text: string; match: boolean } | { kind: 'masked'; words: string };

/**
 * The parts of a line of text (a search snippet with its matched words, or plain text as one part)
 * with each personal detail replaced by one masked part, even where it spans several parts.
 */
export function maskParts(parts: readonly Part[]): { parts: MaskedPart[]; masked: number } {
  const whole = parts.map((p) => p.text).join('');
  const findings = personalDetailsIn(whole);
  if (findings.length === 0) return { parts: parts.map((p) => ({ kind: 'text', ...p })), masked: 0 };
  const out: MaskedPart[] = [];
  let offset = 0;
  let next = 0;
  for (const part of parts) {
    let at = 0;
    while (at < part.text.length) {
      const position = offset + at;
      const finding = findings[next];
      if (finding !== undefined && position >= finding.start) {
        if (position === finding.start || out.at(-1)?.kind !== 'masked')
          out.push({ kind: 'masked', words: finding.words });
        at = Math.max(at, Math.min(part.text.length, finding.end - offset));
        if (offset + at >= finding.end) next += 1;
        continue;
      }
      const stop =
        finding === undefined ? part.text.length : Math.min(part.text.length, finding.start - offset);
      out.push({ kind: 'text', text: part.text.slice(at, stop), match: part.match });
      at = stop;
    }
    offset += part.text.length;
  }
  return { parts: out, masked: findings.length };
}

/** Past this length a whole scan can take a noticeable part of a second, so only the edit is. */
export const WHOLE_SCAN_LIMIT = 20_000;
const EDIT_MARGIN = 200;

/**
 * The details to note as `after` is typed over `before`: in the whole text while it is short, and
 * around the part that changed (with a margin wide enough for any detail) once it is long.
 */
export function detailsAsTyped(before: string, after: string): TypedFinding[] {
  if (after.length <= WHOLE_SCAN_LIMIT) return personalDetailsIn(after);
  let prefix = 0;
  const shortest = Math.min(before.length, after.length);
  while (prefix < shortest && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  const start = Math.max(0, prefix - EDIT_MARGIN);
  const end = Math.min(after.length, after.length - suffix + EDIT_MARGIN);
  return personalDetailsIn(after.slice(start, end)).map((f) => ({
    ...f,
    start: f.start + start,
    end: f.end + start,
  }));
}
