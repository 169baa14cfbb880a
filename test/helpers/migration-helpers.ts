import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../db/connection';
import { migrationsFolder } from './test-context';

/** A copy of the migrations folder whose journal stops after the first `count` migrations. */
export function migrationsUpTo(workDir: string, count: number): string {
  const folder = join(workDir, `migrations-${count}`);
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

export function openAt(workDir: string, key: Buffer, folder: string): OpenedDatabase {
  return openDatabase({
    file: join(workDir, 'px.db'),
    key,
    migrationsFolder: folder,
    backupsFolder: join(workDir, 'backups'),
  });
}
