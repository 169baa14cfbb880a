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

/**
 * Seeds an in-progress round at Sutton with one area (a1) and one observation (o1), in columns
 * every migration since the first keeps, for upgrade tests that need something to carry over.
 */
export function seedRoundWithObservation(sqlite: Database): void {
  sqlite.exec(`
    INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at) VALUES ('r1', '2026-11-01T10:00:00.000Z', 'Sutton', NULL, 'in_progress', 'x', 'x');
    INSERT INTO areas (id, site, name, created_at) VALUES ('a1', 'Sutton', 'Ward 1', 'x');
    INSERT INTO round_areas (id, round_id, area_id, visited_at, position) VALUES ('ra1', 'r1', 'a1', 'x', 0);
    INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at)
      VALUES ('o1', 'r1', 'a1', '2026-11-01T10:05:00.000Z', 'heard', 'patient', 'The door to the bay sticks', NULL, 'x', 'x');
  `);
}

/**
 * Story s1 taken to "approved" the way the app does (draft, consent, read back, approved), with
 * `hash` as its text and read-back hash; as migration 0006 and later accept it.
 */
export function approvedStorySql(hash: string): string {
  return `
    INSERT INTO stories (id, title, storyteller, author, narrative, status, text_hash, created_at, updated_at)
      VALUES ('s1', 'Waiting', 'patient', 'Dr Obi', 'The nurses were kind', 'draft', '${hash}', 'x', 'x');
    INSERT INTO story_consents (story_id, given_on, method, recorded_by, scopes, identity, review_on, recorded_at)
      VALUES ('s1', '2026-06-01', 'written', 'Dr Obi', '["peig"]', 'anonymised', '2028-06-01', 'x');
    UPDATE stories SET status = 'read_back', read_back_hash = '${hash}' WHERE id = 's1';
    UPDATE stories SET status = 'approved', approved_at = 'x' WHERE id = 's1';`;
}
