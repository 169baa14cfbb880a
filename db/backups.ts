import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { backupsToKeep, takenAtFromName } from './backup-retention';
import type { Database } from 'better-sqlite3-multiple-ciphers';

// Backups are made with VACUUM INTO: the copy is a consistent snapshot, encrypted with the
// same key (SQLite3 Multiple Ciphers carries the cipher over), and the online backup API
// refuses encrypted databases anyway.

const BACKUP_PREFIX = 'px-rounds-';

export function backupStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export function takeBackup(sqlite: Database, folder: string, label: string, at: Date): string {
  mkdirSync(folder, { recursive: true });
  const safeLabel = label.replace(/[^a-z0-9_-]/gi, '_');
  const file = join(folder, `${BACKUP_PREFIX}${backupStamp(at)}-${safeLabel}.db`);
  sqlite.prepare('VACUUM INTO ?').run(file);
  pruneBackups(folder);
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
 * Deletes the backups the retention rule does not keep (db/backup-retention.ts): a spread of
 * daily, weekly and monthly ones, never letting smaller backups push out the last larger one.
 */
export function pruneBackups(folder: string): void {
  const backups = listBackups(folder).map((file) => ({
    file,
    takenAt: takenAtFromName(basename(file)) ?? statSync(file).mtime,
    bytes: statSync(file).size,
  }));
  const keep = backupsToKeep(backups);
  for (const { file } of backups) if (!keep.has(file)) rmSync(file, { force: true });
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
