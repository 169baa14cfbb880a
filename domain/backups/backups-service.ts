import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { readBackupContents } from '../../db/backup-restore';
import { takenAtFromName } from '../../db/backup-retention';
import { listBackups, takeBackup } from '../../db/backups';
import type { BackupEntryDto } from '../../ipc/backups-schemas';
import { AppError, notFoundError } from '../../ipc/errors';
import type { AuditAnchoring } from '../audit/audit-anchors';
import type { Store } from '../store';

export type BackupsSource = { folder: string; key: Buffer; nativeBinding?: string };

/** One backup as the list shows it: when, how large, and what it holds. */
function describeBackup(file: string, source: BackupsSource): BackupEntryDto {
  const stats = statSync(file);
  const base = {
    name: basename(file),
    takenAt: (takenAtFromName(basename(file)) ?? stats.mtime).toISOString(),
    bytes: stats.size,
  };
  try {
    const contents = readBackupContents(file, source.key, source.nativeBinding);
    return { ...base, ...contents, problem: null };
  } catch (error) {
    const problem = error instanceof AppError ? error.message : 'This backup could not be read.';
    return { ...base, rounds: null, observations: null, problem };
  }
}

/** The backups, newest first. */
export function listBackupEntries(source: BackupsSource): BackupEntryDto[] {
  return listBackups(source.folder)
    .toReversed()
    .map((file) => describeBackup(file, source));
}

/** The file of the backup with this name, if it is one of the listed backups. */
export function findBackup(folder: string, name: string): string {
  const file = join(folder, name);
  if (!listBackups(folder).includes(file)) throw notFoundError('That backup');
  return file;
}

/** Makes a backup now, from the open database, and signs the audit log's head it holds. */
export function createBackupNow(
  store: Store,
  source: BackupsSource,
  anchoring: Pick<AuditAnchoring, 'record'>,
): BackupEntryDto {
  const file = takeBackup(store.sqlite, source.folder, 'manual', store.now());
  anchoring.record('backup');
  return describeBackup(file, source);
}
