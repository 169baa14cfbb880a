import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditAnchor, type AuditAnchorDto, type AuditAnchorEvent } from '../../ipc/audit-schemas';
import { signAuditAnchor } from '../signing/audit-anchor';
import { writeFileAtomically } from '../signing/atomic-file';
import { SIGNING_KEY_FILE } from '../signing/signing-keys';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';

// The audit log's hash chain shows an entry edited or removed in the middle, but not entries cut
// from its end, nor a log whose every hash after an edit was recomputed by someone holding the
// database key. So at each sign-off, export, bundle and backup the log's head is signed with the
// person's signing key (an anchor) and kept outside the database: one JSON line per anchor in
// the data folder's anchors file, and in the document or bundle that leaves the laptop. An anchor
// naming an entry past the log's end shows a cut; one whose hash differs from the entry's shows
// a rewrite. The file is rewritten whole (atomically) for each anchor, so a crash leaves it as it
// was or with the new line, never with half of one.

export const AUDIT_ANCHORS_FILE = 'audit-anchors.jsonl';

export type StoredAnchor = { line: number; anchor: AuditAnchorDto };
export type AnchorsFile = { anchors: StoredAnchor[]; unreadableLines: number[] };

export function readAnchorsFile(dataDir: string): AnchorsFile {
  const path = join(dataDir, AUDIT_ANCHORS_FILE);
  if (!existsSync(path)) return { anchors: [], unreadableLines: [] };
  const anchors: StoredAnchor[] = [];
  const unreadableLines: number[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (text.trim() === '') return;
      let parsed: ReturnType<typeof AuditAnchor.safeParse>;
      try {
        parsed = AuditAnchor.safeParse(JSON.parse(text));
      } catch {
        unreadableLines.push(index + 1);
        return;
      }
      if (parsed.success) anchors.push({ line: index + 1, anchor: parsed.data });
      else unreadableLines.push(index + 1);
    });
  return { anchors, unreadableLines };
}

export function appendAnchor(dataDir: string, anchor: AuditAnchorDto): void {
  const path = join(dataDir, AUDIT_ANCHORS_FILE);
  const before = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
  // A file that lost its last newline (edited by hand) still gets the new anchor on a line of its own.
  const separator = before.length > 0 && before[before.length - 1] !== 0x0a ? '\n' : '';
  const line = Buffer.from(`${separator}${JSON.stringify(anchor)}\n`, 'utf8');
  writeFileAtomically(path, Buffer.concat([before, line]), { overwrite: true, mode: 0o600 });
}

export type AuditAnchoring = {
  /** The head signed now, for a document or bundle to carry; makes the signing key if there is none. */
  sign: (event: AuditAnchorEvent) => AuditAnchorDto;
  /**
   * Signs the head and appends it to the anchors file, once the change it follows has committed.
   * Only with a signing key that already exists (a backup never makes one), and never failing the
   * work it follows: that has been done and saved, so a missed anchor is logged instead.
   */
  record: (event: AuditAnchorEvent) => AuditAnchorDto | null;
  /** Whether this data folder has a signing key yet. */
  hasSigningKey: () => boolean;
};

export function createAuditAnchoring(
  store: Store,
  dataDir: string,
  identity: SigningIdentitySource,
): AuditAnchoring {
  const hasSigningKey = () => existsSync(join(dataDir, SIGNING_KEY_FILE));
  const outsideTransaction = () => {
    // Inside a transaction the head may yet roll back, and an anchor of it would then name an
    // entry that never was: the log would look cut short.
    if (store.sqlite.inTransaction)
      throw new Error('The audit log head is signed only outside a transaction.');
  };
  const sign = (event: AuditAnchorEvent) => {
    outsideTransaction();
    return signAuditAnchor(identity(), store.audit.head(), event, store.now());
  };
  return {
    sign,
    hasSigningKey,
    record: (event) => {
      outsideTransaction();
      try {
        if (!hasSigningKey()) return null;
        const anchor = sign(event);
        appendAnchor(dataDir, anchor);
        return anchor;
      } catch (error) {
        console.error('The audit log could not be anchored:', error);
        return null;
      }
    },
  };
}
