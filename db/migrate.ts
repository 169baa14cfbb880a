import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import { AppError } from '../ipc/errors';

// Migrations are the SQL files drizzle-kit generates (plus hand-written ones made with
// `drizzle-kit generate --custom`), listed in order by meta/_journal.json. We apply them
// ourselves rather than with drizzle's migrator so that we can refuse a database from a newer
// version, refuse one whose history differs from ours, and take a backup before changing it.

const Journal = z.object({
  entries: z.array(z.object({ idx: z.number().int(), tag: z.string().min(1) })),
});

export type Migration = { idx: number; tag: string; sql: string; hash: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Every version so far has stored the SHA-256 of the migration file's text exactly as shipped
// (read as UTF-8), so that is what is stored and compared. A build made from a checkout with
// Windows line endings would have stored the hash of the same text with CRLF, so either line
// ending is accepted: the SQL is the same.
function hashesOfSameText(sql: string): string[] {
  const lf = sql.replaceAll('\r\n', '\n');
  return [sha256(sql), sha256(lf), sha256(lf.replaceAll('\n', '\r\n'))];
}

// Earlier texts of a shipped migration that did exactly the same to the data, so a database
// upgraded with them is the same as one upgraded with today's file. 0012's first text built its
// mapping table with CREATE TABLE … AS (no key, so the re-keying was slow on large files); the
// table is dropped at the end, so the result is identical. (0003's first text made a narrower
// search_items table, which later migrations cannot upgrade, so it is not listed.)
const EQUIVALENT_EARLIER_HASHES: Readonly<Record<string, readonly string[]>> = {
  '0012_search_by_time': ['7bd7f2617f505e7c707d0d9b576dbda27a130b3382d3c5581b80695823af24c1'],
};

/** Whether `storedHash`, saved when the migration ran, belongs to the same migration as `migration`. */
export function matchesShippedMigration(storedHash: string, migration: Migration): boolean {
  return (
    hashesOfSameText(migration.sql).includes(storedHash) ||
    (EQUIVALENT_EARLIER_HASHES[migration.tag] ?? []).includes(storedHash)
  );
}

export const MIGRATIONS_TABLE = '__px_migrations';

export function readMigrations(folder: string): Migration[] {
  const journal = Journal.parse(JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')));
  return journal.entries
    .toSorted((a, b) => a.idx - b.idx)
    .map((entry, position) => {
      if (entry.idx !== position) throw new Error(`Migration journal is out of order at ${entry.tag}`);
      const sql = readFileSync(join(folder, `${entry.tag}.sql`), 'utf8');
      return { idx: entry.idx, tag: entry.tag, sql, hash: sha256(sql) };
    });
}

export function splitStatements(sql: string): string[] {
  return sql
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

type AppliedRow = { idx: number; tag: string; hash: string };

export function appliedMigrations(sqlite: Database): AppliedRow[] {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  return sqlite.prepare(`SELECT idx, tag, hash FROM ${MIGRATIONS_TABLE} ORDER BY idx`).all() as AppliedRow[];
}

/**
 * Which migrations still have to run; throws if the database is from a newer or different app,
 * or if a migration it was upgraded with has since been edited (the database may then differ
 * from what today's files would build, and later migrations could damage it).
 */
export function pendingMigrations(applied: readonly AppliedRow[], known: readonly Migration[]): Migration[] {
  if (applied.length > known.length) {
    const newest = applied.at(-1)?.tag ?? 'unknown';
    throw new AppError(
      'newer_database',
      `This data was saved by a newer version of PX Rounds (data version ${applied.length}, "${newest}"); ` +
        `this version understands up to data version ${known.length}. Install the latest version of PX Rounds to open it. Nothing has been changed.`,
    );
  }
  applied.forEach((row, position) => {
    const expected = known[position];
    if (!expected || row.idx !== expected.idx || row.tag !== expected.tag) {
      throw new AppError(
        'newer_database',
        `This data has a history this version of PX Rounds does not recognise (step ${position + 1} is "${row.tag}"). Nothing has been changed.`,
      );
    }
    if (!matchesShippedMigration(row.hash, expected)) throw changedMigrationError(position, row.tag);
  });
  return known.slice(applied.length);
}

function changedMigrationError(position: number, tag: string): AppError {
  return new AppError(
    'changed_migration',
    `This data was upgraded with a data step that this copy of PX Rounds ships with different contents ` +
      `(step ${position + 1}, "${tag}"), so it cannot be sure what your data holds. Nothing has been changed. ` +
      `Reinstall PX Rounds from your IT service desk's official copy and open the data again; ` +
      `if this message comes back, tell your IT service desk and quote "${tag}". ` +
      `(Developers: a migration that has shipped must never be edited; restore "${tag}.sql" and put the change in a new migration.)`,
  );
}

/** Applies every pending migration in one transaction: all of them, or none. */
export function applyMigrations(sqlite: Database, pending: readonly Migration[], now: () => Date): void {
  if (pending.length === 0) return;
  const record = sqlite.prepare(
    `INSERT INTO ${MIGRATIONS_TABLE} (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const migration of pending) {
      for (const statement of splitStatements(migration.sql)) sqlite.exec(statement);
      record.run(migration.idx, migration.tag, migration.hash, now().toISOString());
    }
    sqlite.pragma(`user_version = ${pending.at(-1)!.idx + 1}`);
  })();
}
