import { createPublicKey, type KeyObject } from 'node:crypto';
import type { ResponseOf } from '../../ipc/contract';
import type { AuditAnchorEvent } from '../../ipc/audit-schemas';
import { formatDateTime, listInWords, plural } from '../documents/document-labels';
import { auditAnchorSignatureValid } from '../signing/audit-anchor';
import { earlierSigningKeys } from '../signing/key-replacement-service';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';
import { AUDIT_ANCHORS_FILE, readAnchorsFile, type AuditAnchoring, type StoredAnchor } from './audit-anchors';

// The audit check: the hash chain walked from the first entry, then every signed anchor compared
// with the log as it is now. Each problem is said in plain words, with the entry it concerns.

type AuditCheck = ResponseOf<'audit:verify'>;
type Finding = AuditCheck['findings'][number];

const EVENT_WORDS: Record<AuditAnchorEvent, string> = {
  sign_off: 'a sign-off',
  export: 'an export',
  bundle: 'a bundle for PEIG',
  backup: 'a backup',
  restore: 'a restore from a backup',
};

const lines = (stored: readonly { line: number }[] | readonly number[]) =>
  listInWords(stored.map((s) => String(typeof s === 'number' ? s : s.line)));

/**
 * The anchors that still speak for the log: a restore puts back an older log, so anchors signed
 * before it that reach past the restored head describe a log that was deliberately replaced.
 */
function standingAnchors(anchors: readonly StoredAnchor[]): StoredAnchor[] {
  let standing: StoredAnchor[] = [];
  for (const stored of anchors) {
    if (stored.anchor.event === 'restore') {
      standing = standing.filter((s) => s.anchor.seq <= stored.anchor.seq);
    }
    standing.push(stored);
  }
  return standing;
}

function compareWithLog(store: Store, standing: readonly StoredAnchor[]): Finding[] {
  const findings: Finding[] = [];
  const head = store.audit.head();
  const beyond = standing.filter((s) => s.anchor.seq > head.seq);
  const furthest = beyond.reduce<StoredAnchor | null>(
    (best, s) => (best === null || s.anchor.seq >= best.anchor.seq ? s : best),
    null,
  );
  if (furthest) {
    const { anchor } = furthest;
    findings.push({
      kind: 'truncated',
      seq: head.seq + 1,
      message:
        `Entries have been deleted from the end of the audit log. It now ends at entry ${head.seq}, but at ` +
        `${EVENT_WORDS[anchor.event]} on ${formatDateTime(anchor.at)} it was signed as reaching entry ${anchor.seq}.`,
    });
  }
  const within = standing.filter((s) => s.anchor.seq <= head.seq);
  const differs = within.filter((s) => store.audit.recomputedHashAt(s.anchor.seq) !== s.anchor.headHash);
  const earliest = differs.reduce<StoredAnchor | null>(
    (best, s) => (best === null || s.anchor.seq < best.anchor.seq ? s : best),
    null,
  );
  if (earliest) {
    const { anchor } = earliest;
    const lastGood = within
      .filter((s) => s.anchor.seq < anchor.seq && !differs.includes(s))
      .reduce((seq, s) => Math.max(seq, s.anchor.seq), 0);
    findings.push({
      kind: 'rewritten',
      seq: anchor.seq,
      message:
        `Entries of the audit log have been changed and the log rebuilt to hide it: entry ${anchor.seq} is not ` +
        `the entry that was signed at ${EVENT_WORDS[anchor.event]} on ${formatDateTime(anchor.at)}. ` +
        `The change is between entry ${lastGood + 1} and entry ${anchor.seq}.`,
    });
  }
  return findings;
}

/**
 * Whether each anchor carries a valid signature from this laptop's own key, or from a key it had
 * before one that this computer's key store could not open was replaced (key-replacement-service.ts).
 */
function splitBySignature(
  anchors: readonly StoredAnchor[],
  own: readonly { keyId: string; publicKey: KeyObject }[],
) {
  const valid: StoredAnchor[] = [];
  const invalid: StoredAnchor[] = [];
  for (const stored of anchors) {
    const key = own.find((k) => k.keyId === stored.anchor.keyId);
    const ok = key !== undefined && auditAnchorSignatureValid(stored.anchor, key.publicKey);
    (ok ? valid : invalid).push(stored);
  }
  return { valid, invalid };
}

export function checkAuditLog(
  store: Store,
  dataDir: string,
  anchoring: AuditAnchoring,
  identity: SigningIdentitySource,
): AuditCheck {
  const chain = store.audit.verify();
  const file = readAnchorsFile(dataDir);
  const findings: Finding[] = [];
  if (!chain.ok) {
    findings.push({
      kind: 'chain_broken',
      seq: chain.brokenAt,
      message: `Entry ${chain.brokenAt} of the audit log has been changed or removed: it no longer follows from the entry before it.`,
    });
  }
  if (file.unreadableLines.length > 0) {
    findings.push({
      kind: 'anchors_unreadable',
      seq: null,
      message: `The signed anchors file (${AUDIT_ANCHORS_FILE}) has been changed by something other than PX Rounds: line ${lines(file.unreadableLines)} could not be read.`,
    });
  }
  let standing: StoredAnchor[] = [];
  if (file.anchors.length > 0 && !anchoring.hasSigningKey()) {
    findings.push({
      kind: 'signing_key_missing',
      seq: null,
      message: `The audit log has ${plural(file.anchors.length, 'signed anchor')}, but this laptop’s signing key is missing, so they cannot be checked.`,
    });
  } else if (file.anchors.length > 0) {
    const earlier = earlierSigningKeys(store).map((k) => ({
      keyId: k.keyId,
      publicKey: createPublicKey(k.publicKeyPem),
    }));
    const { valid, invalid } = splitBySignature(file.anchors, [identity(), ...earlier]);
    if (invalid.length > 0) {
      findings.push({
        kind: 'anchor_invalid',
        seq: null,
        message:
          `${invalid.length === 1 ? 'A signed anchor' : `${invalid.length} signed anchors`} of the audit log ` +
          `(line ${lines(invalid)} of ${AUDIT_ANCHORS_FILE}) ${invalid.length === 1 ? 'does' : 'do'} not carry a valid signature from your signing key: ` +
          `changed, or written by someone else. ${invalid.length === 1 ? 'It proves' : 'They prove'} nothing and ${invalid.length === 1 ? 'was' : 'were'} left out of the check.`,
      });
    }
    standing = standingAnchors(valid);
    findings.push(...compareWithLog(store, standing));
  }
  const latest = standing.at(-1)?.anchor ?? null;
  const entries = plural(chain.entries, 'entry', 'entries');
  const summary =
    findings.length > 0
      ? `The audit log, or its signed anchors, has been tampered with: ${plural(findings.length, 'problem')} found.`
      : latest
        ? `The audit log is intact: ${entries}, each following from the one before, and it matches ${
            standing.length === 1
              ? `its signed anchor from ${formatDateTime(latest.at)}`
              : `all ${plural(standing.length, 'signed anchor')} of it, the latest from ${formatDateTime(latest.at)}`
          }.`
        : `The audit log is intact: ${entries}, each following from the one before. It has no signed anchors yet; one is added at each sign-off, export, bundle and backup once you have a signing key.`;
  return {
    ok: findings.length === 0,
    entries: chain.entries,
    brokenAt: chain.brokenAt,
    anchors: standing.length,
    latestAnchor: latest ? { seq: latest.seq, at: latest.at, event: latest.event } : null,
    summary,
    findings,
  };
}
