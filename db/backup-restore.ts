import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../ipc/errors';
import { backupStamp } from './backups';
import { unlockDatabase } from './connection';

// Reading and restoring backups. A backup is an encrypted SQLite file made with VACUUM INTO,
// so it opens with the same key; it is only ever opened read-only here.

export type BackupContents = { rounds: number; observations: number };

function unusableBackup(error: unknown): AppError {
  return new AppError(
    'corrupt',
    'This backup cannot be opened with the key of this data, or it is damaged, so it cannot be used. Nothing has been changed.',
    undefined,
    error instanceof Error ? error.message : String(error),
  );
}

/** How many rounds and observations a backup holds, opened read-only with the key. */
export function readBackupContents(file: string, key: Buffer, nativeBinding?: string): BackupContents {
  let sqlite: InstanceType<typeof DatabaseConstructor> | null = null;
  try {
    sqlite = new DatabaseConstructor(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    unlockDatabase(sqlite, key);
    const open = sqlite;
    const count = (table: string) =>
      (open.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const check = open.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`quick_check: ${String(check)}`);
    return { rounds: count('rounds'), observations: count('observations') };
  } catch (error) {
    throw unusableBackup(error);
  } finally {
    sqlite?.close();
  }
}

/**
 * Puts a backup in place of the database. The database must be closed first (closing it
 * empties its write-ahead log into the file, so the file alone is the whole of it). The backup
 * is checked before anything moves; the current file is then kept in the backups folder, and
 * the backup is copied beside the database and renamed over it, so an interruption leaves
 * either the old file or the new one, never half of one. Returns where the current file was kept.
 */
export function restoreBackup(options: {
  databaseFile: string;
  backupsFolder: string;
  backupFile: string;
  key: Buffer;
  now: Date;
  nativeBinding?: string;
}): { keptAs: string | null } {
  readBackupContents(options.backupFile, options.key, options.nativeBinding);
  mkdirSync(options.backupsFolder, { recursive: true });
  let keptAs: string | null = null;
  if (existsSync(options.databaseFile) && statSync(options.databaseFile).size > 0) {
    keptAs = join(options.backupsFolder, `px-rounds-${backupStamp(options.now)}-before-restore.db`);
    copyFileSync(options.databaseFile, keptAs);
  }
  const incoming = `${options.databaseFile}.restoring`;
  copyFileSync(options.backupFile, incoming);
  // A log or index left by the file being replaced would be applied to the restored one.
  for (const stale of [`${options.databaseFile}-wal`, `${options.databaseFile}-shm`])
    rmSync(stale, { force: true });
  renameSync(incoming, options.databaseFile);
  return { keptAs };
}
