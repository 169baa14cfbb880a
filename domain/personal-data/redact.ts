// Redaction: replace a finding with a plain placeholder that says what was there, so a reader
// at PEIG still understands the sentence ("[name removed] on reception was kind").

import type { Finding, FindingKind } from './finding';

export const PLACEHOLDERS: Readonly<Record<FindingKind, string>> = {
  name: '[name removed]',
  nhs_number: '[NHS number removed]',
  postcode: '[postcode removed]',
  phone: '[phone number removed]',
  email: '[email removed]',
  date_of_birth: '[date of birth removed]',
  date: '[date removed]',
  hospital_number: '[hospital number removed]',
  bed_bay: '[bed number removed]',
};

/** Thrown when a finding no longer matches the text: it came from an older version of it. */
export class StaleFindingError extends Error {
  constructor(finding: Finding) {
    super(
      `The text has changed since it was checked: "${finding.text}" is no longer at ${finding.start}–${finding.end}. Check the text again before removing anything.`,
    );
    this.name = 'StaleFindingError';
  }
}

function assertCurrent(text: string, finding: Finding): void {
  if (text.slice(finding.start, finding.end) !== finding.text) throw new StaleFindingError(finding);
}

/**
 * Replaces one finding with its placeholder. Refuses (throws StaleFindingError) when the
 * finding's offsets no longer hold its text, rather than cutting the wrong words out.
 */
export function redact(text: string, finding: Finding): string {
  assertCurrent(text, finding);
  return text.slice(0, finding.start) + PLACEHOLDERS[finding.kind] + text.slice(finding.end);
}

/**
 * Replaces several findings of the same text at once. Works from the end backwards so that
 * each replacement leaves the offsets of the ones before it valid. Findings must not overlap
 * (scanPersonalData never returns overlapping ones).
 */
export function redactAll(text: string, findings: readonly Finding[]): string {
  // The same finding listed twice is removed once.
  const unique = new Map(findings.map((f) => [`${f.start}:${f.end}`, f]));
  const ordered = [...unique.values()].sort((a, b) => b.start - a.start);
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const finding of ordered) {
    assertCurrent(text, finding);
    if (finding.end > limit) throw new Error('Findings to redact overlap; scan the text again and retry.');
    result = result.slice(0, finding.start) + PLACEHOLDERS[finding.kind] + result.slice(finding.end);
    limit = finding.start;
  }
  return result;
}
