import { createHash } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type { AUDIT_ACTIONS } from './schema';

// Every create, change, deletion, completion, sign-off and export is appended here. Each entry
// holds the hash of the one before, so removing, reordering or editing any entry breaks the
// chain; the table itself refuses UPDATE and DELETE (triggers in migration 0001).

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntryInput = {
  action: AuditAction;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
};

export type AuditRow = {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  entity: string;
  entity_id: string;
  detail: string;
  prev_hash: string;
  hash: string;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the same detail always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).toSorted(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}

export type TextFingerprint = { sha256: string; length: number };

/**
 * What the log keeps of free text people wrote: its SHA-256 and length. The log can never be
 * purged, so words that may name someone (and may later be edited away or deleted) stay out of
 * it; the fingerprint still proves which version was there. It also keeps each entry small.
 */
export function fingerprint(value: string | readonly unknown[]): TextFingerprint {
  const text = typeof value === 'string' ? value : canonicalJson(value);
  return { sha256: createHash('sha256').update(text, 'utf8').digest('hex'), length: value.length };
}

/** An entry's fields in column order: the order they are stored in and the order the hash covers. */
function entryFields(row: Omit<AuditRow, 'hash'>) {
  return [
    row.seq,
    row.at,
    row.actor,
    row.action,
    row.entity,
    row.entity_id,
    row.detail,
    row.prev_hash,
  ] as const;
}

export function hashEntry(row: Omit<AuditRow, 'hash'>): string {
  return createHash('sha256')
    .update(canonicalJson(entryFields(row)))
    .digest('hex');
}

export type AuditLog = {
  /** Appends one entry. Call inside the transaction that makes the change it records. */
  append(entry: AuditEntryInput): void;
  verify(): AuditVerification;
  /** The last entry's sequence number and hash; seq 0 and the genesis hash for an empty log. */
  head(): { seq: number; hash: string };
  /**
   * The hash the entry at `seq` should have, recomputed from what it holds now (the genesis hash
   * for 0), or null when there is no such entry. A signed anchor of the head is compared with it.
   */
  recomputedHashAt(seq: number): string | null;
};

export type AuditVerification = { ok: boolean; entries: number; brokenAt: number | null };

export function createAuditLog(
  sqlite: Database,
  context: { actor: () => string; now: () => Date },
): AuditLog {
  const last: Statement = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const at: Statement = sqlite.prepare('SELECT * FROM audit_log WHERE seq = ?');
  const insert: Statement = sqlite.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );

  return {
    append(entry) {
      const previous = last.get() as { seq: number; hash: string } | undefined;
      const row = {
        seq: (previous?.seq ?? 0) + 1,
        at: context.now().toISOString(),
        actor: context.actor(),
        action: entry.action,
        entity: entry.entity,
        entity_id: entry.entityId,
        detail: canonicalJson(entry.detail),
        prev_hash: previous?.hash ?? GENESIS_HASH,
      };
      insert.run(...entryFields(row), hashEntry(row));
    },
    verify: () => verifyAuditChain(sqlite),
    head() {
      const row = last.get() as { seq: number; hash: string } | undefined;
      return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: GENESIS_HASH };
    },
    recomputedHashAt(seq) {
      if (seq === 0) return GENESIS_HASH;
      const row = at.get(seq) as AuditRow | undefined;
      if (!row) return null;
      const { hash: _stored, ...rest } = row;
      return hashEntry(rest);
    },
  };
}

/** Walks the whole chain; `brokenAt` is the sequence number of the first entry that fails. */
export function verifyAuditChain(sqlite: Database): AuditVerification {
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of sqlite
    .prepare('SELECT * FROM audit_log ORDER BY seq')
    .iterate() as IterableIterator<AuditRow>) {
    const { hash, ...rest } = row;
    if (row.seq !== expectedSeq || row.prev_hash !== expectedPrev || hashEntry(rest) !== hash) {
      return { ok: false, entries, brokenAt: row.seq };
    }
    expectedPrev = hash;
    expectedSeq += 1;
    entries += 1;
  }
  return { ok: true, entries, brokenAt: null };
}
