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

export const MIGRATIONS_TABLE = '__px_migrations';

export function readMigrations(folder: string): Migration[] {
  const journal = Journal.parse(JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')));
  return journal.entries
    .toSorted((a, b) => a.idx - b.idx)
    .map((entry, position) => {
      if (entry.idx !== position) throw new Error(`Migration journal is out of order at ${entry.tag}`);
      const sql = readFileSync(join(folder, `${entry.tag}.sql`), 'utf8');
      return { idx: entry.idx, tag: entry.tag, sql, hash: createHash('sha256').update(sql).digest('hex') };
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

/** Which migrations still have to run; throws if the database is from a newer or different app. */
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
  });
  return known.slice(applied.length);
}

/** Applies every pending migration in one transaction: all of them, or none. */
export function applyMigrations(sqlite: Database, pending: readonly Migration[], now: () => Date): void {
  if (pending.length === 0) return;
  const record = sqlite.prepare(
    `INSERT INTO ${MIGRATIONS_TABLE} (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const migration of pending) {
      try {
        for (const statement of splitStatements(migration.sql)) sqlite.exec(statement);
      } catch (error) {
        // The transaction rolls every step back, so the file is left exactly as it was.
        throw new AppError(
          'upgrade_failed',
          `PX Rounds could not bring your data up to date for this version (step ${migration.idx + 1}, "${migration.tag}" failed), so it stopped and changed nothing: your data file is as it was. Reinstall the version you used before to keep working, and tell your IT service desk.`,
          undefined,
          error instanceof Error ? error.message : String(error),
        );
      }
      record.run(migration.idx, migration.tag, migration.hash, now().toISOString());
    }
    sqlite.pragma(`user_version = ${pending.at(-1)!.idx + 1}`);
  })();
}
