import { AppError } from '../../ipc/errors';
import {
  applyDecisions,
  clearanceReport,
  keptWithReasons,
  type KeptFinding,
  type RedactionDecision,
} from '../personal-data/clearance';
import type { Finding } from '../personal-data/finding';
import { applyPlainWords } from '../plain-language/plain-replace';
import { scanPersonalData, type ScanOptions } from '../personal-data/scan-personal-data';

// The last gate before text goes into an export: every free text is scanned again, and every
// finding must have a decision (redacted, or kept with a reason). Texts come back with the
// redactions applied in one pass, then any jargon replaced by its plain words at review (a
// "plain_words" decision), which is the text the view-model should carry. Scanning
// here, rather than trusting an earlier scan, means an edit made after review cannot slip out.

export type OutgoingText = {
  /** Where the text is, for the message: "Observation 3 (Oak Ward)", "Story narrative". */
  where: string;
  text: string;
  /** The reviewer's decisions for this text's findings, keyed by `findingKey`. */
  decisions: readonly RedactionDecision[];
};

export type UnresolvedFinding = {
  where: string;
  kind: Finding['kind'];
  text: string;
  /** "no decision" or "kept without a reason". */
  problem: string;
};

export class PersonalDataRefusal extends AppError {
  readonly unresolved: readonly UnresolvedFinding[];

  constructor(unresolved: readonly UnresolvedFinding[]) {
    const first = unresolved.slice(0, 5).map((u) => `${u.where}: "${u.text}" (${u.problem})`);
    const more = unresolved.length > 5 ? `, and ${unresolved.length - 5} more` : '';
    super(
      'validation',
      `This cannot be exported yet: ${unresolved.length} possible personal detail${unresolved.length === 1 ? ' needs' : 's need'} a decision (redact it, or keep it and say why). ${first.join('; ')}${more}.`,
      'personalData',
    );
    this.name = 'PersonalDataRefusal';
    this.unresolved = unresolved;
  }
}

/** The texts as they may leave the app, in the same order; throws PersonalDataRefusal otherwise. */
export function clearTextsForExport(items: readonly OutgoingText[], options: ScanOptions = {}): string[] {
  return clearForExport(items, options).map((c) => c.text);
}

export type ClearedText = {
  text: string;
  /** What was kept at review, each with its reason, for documents that print them. */
  kept: KeptFinding[];
};

/** As clearTextsForExport, with the details each text keeps and why. */
export function clearForExport(items: readonly OutgoingText[], options: ScanOptions = {}): ClearedText[] {
  const unresolved: UnresolvedFinding[] = [];
  const cleared = items.map((item) => {
    const findings = scanPersonalData(item.text, options);
    const report = clearanceReport(findings, item.decisions);
    for (const f of report.undecided)
      unresolved.push({ where: item.where, kind: f.kind, text: f.text, problem: 'no decision' });
    for (const f of report.keptWithoutReason) {
      unresolved.push({ where: item.where, kind: f.kind, text: f.text, problem: 'kept without a reason' });
    }
    return {
      // Redacted against the scan of the stored text first; then the plain words chosen at review.
      text: applyPlainWords(applyDecisions(item.text, findings, item.decisions), item.decisions),
      kept: keptWithReasons(findings, item.decisions),
    };
  });
  if (unresolved.length > 0) throw new PersonalDataRefusal(unresolved);
  return cleared;
}
