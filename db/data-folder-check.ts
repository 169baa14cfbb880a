import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../ipc/errors';
import { listBackups } from './backups';

// Checked before a key is read or made and before the database is opened: a data folder that
// has been used before but has lost its database (deleted, or truncated to nothing) must not
// quietly become a new, empty one, and a database that has lost its key must not be given a
// new key it can never be opened with. Either would hide the loss until the backups that
// could undo it had been pruned away.

export type BackupSummary = { file: string; takenAt: Date; bytes: number };

export type DataFolderPaths = {
  dataDir: string;
  databaseFile: string;
  backupsFolder: string;
  /** Key files of the hosts that may have used this folder (a plain one, a wrapped one). */
  keyFiles: string[];
  /** The one of those this host reads its key from. */
  ownKeyFile: string;
  /** A folder whose files show that exports were made from this data. */
  exportsFolder: string;
};

/** Raised when a used data folder has no database; carries the backups that could restore it. */
export class MissingDatabaseError extends AppError {
  readonly backups: BackupSummary[];
  constructor(message: string, backups: BackupSummary[]) {
    super('missing_data', message);
    this.name = 'MissingDatabaseError';
    this.backups = backups;
  }
}

const isEmptyOrAbsent = (file: string) => !existsSync(file) || statSync(file).size === 0;

function hasFiles(folder: string): boolean {
  try {
    return readdirSync(folder).length > 0;
  } catch {
    return false;
  }
}

/** The backups in the folder, newest first, with when each was taken and its size. */
export function summariseBackups(folder: string): BackupSummary[] {
  return listBackups(folder)
    .map((file) => {
      const stats = statSync(file);
      return { file, takenAt: stats.mtime, bytes: stats.size };
    })
    .toReversed();
}

function describeBackups(backups: BackupSummary[]): string {
  if (backups.length === 0) return 'There are no backups in the data folder.';
  const lines = backups.map(
    (b) =>
      `${b.takenAt.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${Math.ceil(b.bytes / 1024)} KB: ${basename(b.file)}`,
  );
  return `Backups that can be restored, newest first:\n${lines.join('\n')}`;
}

/** The signs that this folder has been used before, in words; empty when it is new. */
export function signsOfEarlierUse(paths: DataFolderPaths): string[] {
  const signs: string[] = [];
  if (paths.keyFiles.some((file) => existsSync(file))) signs.push('its key');
  if (listBackups(paths.backupsFolder).length > 0) signs.push('backups');
  if (hasFiles(paths.exportsFolder)) signs.push('exports');
  if (existsSync(`${paths.databaseFile}-wal`)) signs.push('a write-ahead log');
  return signs;
}

/**
 * Refuses to start when the database is missing or empty in a folder that was used before, and
 * when a database is there but this host's key file is gone. Returns quietly otherwise: for a new
 * folder, or one with a database and its key.
 */
export function checkDataFolder(paths: DataFolderPaths): void {
  if (isEmptyOrAbsent(paths.databaseFile)) {
    const signs = signsOfEarlierUse(paths);
    if (signs.length === 0) return;
    const backups = summariseBackups(paths.backupsFolder);
    const state = existsSync(paths.databaseFile) ? 'is empty' : 'is missing';
    throw new MissingDatabaseError(
      `Your data file (${basename(paths.databaseFile)}) ${state}, but this data folder has been used before (it holds ${signs.join(', ')}). PX Rounds has not started a new, empty one, so nothing can be overwritten. Restore a backup, or if it was moved, put it back. ${describeBackups(backups)}`,
      backups,
    );
  }
  if (!existsSync(paths.ownKeyFile)) {
    throw new AppError(
      'missing_data',
      `The key that unlocks your data file is missing from the data folder (${paths.dataDir}), so the file cannot be opened. PX Rounds has not made a new key, which could never open it. Put the key file back from where it was moved or backed up, or ask your IT service desk for help.`,
    );
  }
}
