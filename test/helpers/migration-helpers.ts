import { randomBytes } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { openDatabase, type OpenedDatabase } from '../../db/connection';
import { makeTempDir, migrationsFolder } from './test-context';

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

/**
 * An upgrade under test: a new encrypted database opened with the first `from` migrations, given
 * rows by `seed`, closed, then opened again with the first `to` migrations, or all of them. Its
 * folder is added to `temps` for the caller to remove.
 */
export function upgradedAfter(
  temps: { remove: () => void }[],
  from: number,
  seed: (sqlite: Database) => void,
  to?: number,
): OpenedDatabase {
  const temp = makeTempDir();
  temps.push(temp);
  const key = randomBytes(32);
  const before = openAt(temp.dir, key, migrationsUpTo(temp.dir, from));
  seed(before.sqlite);
  before.close();
  return openAt(temp.dir, key, to === undefined ? migrationsFolder : migrationsUpTo(temp.dir, to));
}
