// "Is this item clear to leave the app?" Every finding must have been redacted, or kept by a
// person who wrote down why (for example: "staff name, praise the nurse agreed to share").
//
// Decisions are stored against a finding key, not offsets, because offsets move whenever the
// text changes: redacting a name at the start shifts every later finding. The key is
//   kind # occurrence # normalised text        e.g. "name#1#sarah jones"
// where `occurrence` counts earlier findings of the same kind and text (see Finding). Editing
// or redacting *other* text leaves it unchanged. What does change it is removing an earlier
// occurrence of the *same* text: with "Sarah" three times, redacting the first in place turns
// the old second into the new first. Left alone, the first Sarah's "redacted" decision would
// then vouch for a Sarah nobody has looked at. Two flows avoid that:
// - redact on the way out (exports): keep the text, record decisions against one scan, and
//   produce the outgoing text with `applyDecisions`, which redacts them all in one pass;
// - redact in place (the editor): after `redact(text, finding)`, call
//   `rebaseDecisionsAfterRedaction(decisions, finding)` so the later occurrences' decisions
//   move down with them and the used-up decision is dropped (keep it in the audit log).
// Either way a changed key fails safe: a finding without a matching decision is not clear.

import type { ClearanceDecisionKind } from '../../ipc/vocabulary';
import { FINDING_KINDS, type Finding, type FindingKind } from './finding';
import { redactAll } from './redact';
import { normaliseFindingText } from './scan-personal-data';

export type RedactionDecision = {
  findingKey: string;
  /**
   * "plain_words" is not about personal data: it is stored beside these decisions (a jargon term
   * replaced at review, keyed "plain#term", which no finding's key can equal), and ignored here.
   */
  decision: ClearanceDecisionKind;
  /** Required (non-blank) for "kept". */
  reason?: string;
};

export type ClearanceReport = {
  clear: boolean;
  /** Findings nobody has decided on yet. */
  undecided: Finding[];
  /** Findings marked "kept" without a reason. */
  keptWithoutReason: Finding[];
};

export function findingKey(finding: Pick<Finding, 'kind' | 'text' | 'occurrence'>): string {
  return `${finding.kind}#${finding.occurrence}#${normaliseFindingText(finding.text)}`;
}

type ParsedKey = { kind: FindingKind; occurrence: number; text: string };

function parseKey(key: string): ParsedKey | null {
  const match = /^([a-z_]+)#(\d+)#(.*)$/su.exec(key);
  const kind = FINDING_KINDS.find((k) => k === match?.[1]);
  if (!match || kind === undefined) return null;
  return { kind, occurrence: Number(match[2]), text: match[3] ?? '' };
}

/** The latest decision for each key: a person may change their mind. */
function latestDecisions(decisions: readonly RedactionDecision[]): Map<string, RedactionDecision> {
  return new Map(decisions.map((d) => [d.findingKey, d]));
}

const hasReason = (d: RedactionDecision) => (d.reason ?? '').trim().length > 0;

export function clearanceReport(
  findings: readonly Finding[],
  decisions: readonly RedactionDecision[],
): ClearanceReport {
  const byKey = latestDecisions(decisions);
  const undecided: Finding[] = [];
  const keptWithoutReason: Finding[] = [];
  for (const finding of findings) {
    const decision = byKey.get(findingKey(finding));
    if (!decision) undecided.push(finding);
    else if (decision.decision === 'kept' && !hasReason(decision)) keptWithoutReason.push(finding);
  }
  return { clear: undecided.length === 0 && keptWithoutReason.length === 0, undecided, keptWithoutReason };
}

/**
 * True when every finding is redacted or kept with a non-empty reason. Decisions whose key
 * matches no finding are ignored: they are about text that has since been edited away.
 */
export function isClearToLeave(
  findings: readonly Finding[],
  decisions: readonly RedactionDecision[],
): boolean {
  return clearanceReport(findings, decisions).clear;
}

export type KeptFinding = { kind: FindingKind; text: string; reason: string };

/** The findings kept with a reason, in document order: an export prints each beside its text. */
export function keptWithReasons(
  findings: readonly Finding[],
  decisions: readonly RedactionDecision[],
): KeptFinding[] {
  const byKey = latestDecisions(decisions);
  return findings.flatMap((finding) => {
    const decision = byKey.get(findingKey(finding));
    return decision?.decision === 'kept' && hasReason(decision)
      ? [{ kind: finding.kind, text: finding.text, reason: (decision.reason ?? '').trim() }]
      : [];
  });
}

/** The text as it may leave the app: every finding decided "redacted" replaced in one pass. */
export function applyDecisions(
  text: string,
  findings: readonly Finding[],
  decisions: readonly RedactionDecision[],
): string {
  const byKey = latestDecisions(decisions);
  return redactAll(
    text,
    findings.filter((f) => byKey.get(findingKey(f))?.decision === 'redacted'),
  );
}

/**
 * Decisions as they apply to the text after `redacted` was replaced in place: its own
 * decision is dropped and later occurrences of the same kind and text move down by one.
 */
export function rebaseDecisionsAfterRedaction(
  decisions: readonly RedactionDecision[],
  redacted: Finding,
): RedactionDecision[] {
  const removedKey = findingKey(redacted);
  const text = normaliseFindingText(redacted.text);
  const rebased: RedactionDecision[] = [];
  for (const decision of decisions) {
    if (decision.findingKey === removedKey) continue;
    const key = parseKey(decision.findingKey);
    if (key && key.kind === redacted.kind && key.text === text && key.occurrence > redacted.occurrence) {
      rebased.push({
        ...decision,
        findingKey: findingKey({ kind: key.kind, text: key.text, occurrence: key.occurrence - 1 }),
      });
    } else {
      rebased.push(decision);
    }
  }
  return rebased;
}
