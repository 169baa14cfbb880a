import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';

// Backups are made with VACUUM INTO: the copy is a consistent snapshot, encrypted with the
// same key (SQLite3 Multiple Ciphers carries the cipher over), and the online backup API
// refuses encrypted databases anyway.

const BACKUP_PREFIX = 'px-rounds-';
export const BACKUPS_KEPT = 10;

function stamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export function takeBackup(sqlite: Database, folder: string, label: string, at: Date): string {
  mkdirSync(folder, { recursive: true });
  const safeLabel = label.replace(/[^a-z0-9_-]/gi, '_');
  const file = join(folder, `${BACKUP_PREFIX}${stamp(at)}-${safeLabel}.db`);
  sqlite.prepare('VACUUM INTO ?').run(file);
  pruneBackups(folder, BACKUPS_KEPT);
  return file;
}

export function listBackups(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(BACKUP_PREFIX) && name.endsWith('.db'))
    .toSorted()
    .map((name) => join(folder, name));
}

/**
 * Keeps the newest `keep` backups (names sort by time). A run of smaller backups (a database
 * emptied by mistake and used on for a while) never pushes out the last larger one: of those
 * due to go, the largest stays while it is larger than every backup kept.
 */
export function pruneBackups(folder: string, keep: number): void {
  const all = listBackups(folder);
  const due = all.slice(0, Math.max(0, all.length - keep));
  if (due.length === 0) return;
  const sizeOf = (file: string) => statSync(file).size;
  const largestKept = Math.max(0, ...all.slice(due.length).map(sizeOf));
  const largestDue = due.reduce((best, file) => (sizeOf(file) > sizeOf(best) ? file : best));
  const spared = sizeOf(largestDue) > largestKept ? largestDue : null;
  for (const file of due) if (file !== spared) rmSync(file, { force: true });
}

/** A rolling daily backup: one is taken when the newest is older than `maxAgeMs`. */
export function takeBackupIfDue(
  sqlite: Database,
  folder: string,
  at: Date,
  maxAgeMs = 24 * 60 * 60 * 1000,
): string | null {
  const newest = listBackups(folder).at(-1);
  if (newest && at.getTime() - statSync(newest).mtimeMs < maxAgeMs) return null;
  return takeBackup(sqlite, folder, 'daily', at);
}
