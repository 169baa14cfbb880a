// The personal-data guard: finds what could identify a patient, carer or member of staff in
// free text. Pure and synchronous, so the editor can run it on every keystroke and exports can
// run it on the way out. Each detector is linear in the length of the text; see the detector
// files for the rules and KIND_PRIORITY for how overlapping findings are settled.

import { findDates } from './detect-dates';
import { findEmails } from './detect-email';
import { findNames } from './detect-names';
import { findHospitalNumbers, findNhsNumbers, findPhoneNumbers } from './detect-numbers';
import { findBedsAndBays, findPostcodes } from './detect-places';
import { KIND_PRIORITY, type Candidate, type Finding } from './finding';

export type { Finding, FindingKind } from './finding';

export type ScanOptions = {
  /** Local staff names to flag wherever they are written with a capital ("Sarah Jones", "Ade"). */
  staffNames?: readonly string[];
};

function outranks(a: Candidate, b: Candidate): boolean {
  const pa = KIND_PRIORITY[a.kind];
  const pb = KIND_PRIORITY[b.kind];
  if (pa !== pb) return pa < pb;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  return a.start < b.start;
}

/**
 * Keeps a non-overlapping set. Candidates are sorted by start and grouped into clusters of
 * mutually reachable overlaps; within a cluster (rarely more than three) the best candidates
 * by priority are taken greedily. Sorting dominates, so this is O(n log n) overall.
 */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = candidates.filter((c) => c.end > c.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let cluster: Candidate[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const accepted: Candidate[] = [];
    for (const c of [...cluster].sort((a, b) => (outranks(a, b) ? -1 : outranks(b, a) ? 1 : 0))) {
      if (accepted.every((k) => c.end <= k.start || c.start >= k.end)) accepted.push(c);
    }
    kept.push(...accepted.sort((a, b) => a.start - b.start));
    cluster = [];
  };
  for (const c of sorted) {
    if (c.start >= clusterEnd && cluster.length > 0) flush();
    cluster.push(c);
    clusterEnd = Math.max(clusterEnd, c.end);
  }
  if (cluster.length > 0) flush();
  return kept;
}

/** How a finding's text is compared for `occurrence` and `findingKey`: case and spacing folded. */
export function normaliseFindingText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

function numberOccurrences(findings: readonly Candidate[]): Finding[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const key = `${f.kind}\u0000${normaliseFindingText(f.text)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return { ...f, occurrence };
  });
}

export function scanPersonalData(text: string, options: ScanOptions = {}): Finding[] {
  const candidates = [
    ...findEmails(text),
    ...findNhsNumbers(text),
    ...findHospitalNumbers(text),
    ...findDates(text),
    ...findPhoneNumbers(text),
    ...findPostcodes(text),
    ...findBedsAndBays(text),
    ...findNames(text, options.staffNames ?? []),
  ];
  return numberOccurrences(resolveOverlaps(candidates));
}
