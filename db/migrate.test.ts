import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError, errorTitle } from '../ipc/errors';
import { openAt } from '../test/helpers/migration-helpers';
import { makeTempDir, migrationsFolder } from '../test/helpers/test-context';
import { MIGRATIONS_TABLE, readMigrations } from './migrate';

// What every version so far stored for each shipped migration: the SHA-256 of the file's text.
// A database upgraded by any of them must keep opening, so these files must never change.
const STORED_BY_EARLIER_VERSIONS: [string, string][] = [
  ['0000_init', '67236d5b8c917716cbe10514a7e80dc41bc3717afc5f27bd47b59fadeb1e1fc4'],
  ['0001_guards', '811b729f4d5a3889d0733f5672d1940c087d36f887ab357124c306aee4746cde'],
  ['0002_tags_sentiment', '39b649b7d1d02fe546d783c6f72760b6688f90a02a320aeccb0e17fe275c37c9'],
  ['0003_search', '975ee566dae435be63e069bc22d65a39bd39584c520743746b3c93764e906453'],
  ['0004_stories', '2bf8cc36a396c58fe24b63bdfd6ecab75c824477e5fd80bf0c795acf5d0c4d5d'],
  ['0005_clearance_settings', '00e915915f67b301e607825ceca63eb62f57e4eb2a0ef8ed25f11a6841e8f7dc'],
  ['0006_story_guards', '9d725cf84c0a1db38aca388bb6546e4afb15e8578ca8e7641b6126ee9fae5b9e'],
  ['0007_actions', 'bfee63f2c23d6053bd6e233213bd30de3816cf9027b68445fee99717485575cc'],
  ['0008_action_guards', 'd2ac2af6c7ecf783fd7e6be2043449376d630ffe9e38d0d62217c12ea5c89e92'],
  ['0009_sign_off', 'b9875b0a14b775a3b35ede5ab6c011aa1856f1f2c20b71eacab0a039c21e4939'],
  ['0010_search_queue', 'dd0fde392aa5ef06f1041daee2982958f99d0c08c2e5d5d7e313b9db3cd7c551'],
  ['0011_search_filters', '73164c7eb90e0f7e39f8d7674ca7e71fe37df52175e873090e432d285c17ef71'],
  ['0012_search_by_time', 'b74be5f70e3bded558a0ca0d503fd4b988eda02b259341ceed4b3209ea9e73b2'],
];

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

/** A new database upgraded with every shipped migration, and a copy of the migrations folder. */
function upgradedDatabase() {
  const temp = makeTempDir();
  temps.push(temp);
  const key = randomBytes(32);
  openAt(temp.dir, key, migrationsFolder).close();
  const folder = join(temp.dir, 'shipped-migrations');
  cpSync(migrationsFolder, folder, { recursive: true });
  const editFile = (tag: string, edit: (sql: string) => string) => {
    const file = join(folder, `${tag}.sql`);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  };
  const setStoredHash = (tag: string, hash: string) => {
    const db = openAt(temp.dir, key, migrationsFolder);
    db.sqlite.prepare(`UPDATE ${MIGRATIONS_TABLE} SET hash = ? WHERE tag = ?`).run(hash, tag);
    db.close();
  };
  return { dir: temp.dir, key, folder, editFile, setStoredHash, open: () => openAt(temp.dir, key, folder) };
}

function refusal(open: () => unknown): AppError {
  try {
    open();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('The database opened');
}

describe('the hash of each applied migration', () => {
  it('is what every earlier version stored for the same shipped file', () => {
    expect(readMigrations(migrationsFolder).map((m) => [m.tag, m.hash])).toEqual(
      expect.arrayContaining(STORED_BY_EARLIER_VERSIONS),
    );
  });

  it('lets a database upgraded with the shipped files open again', () => {
    const { open } = upgradedDatabase();
    const db = open();
    expect(db.backupBeforeMigration).toBeNull();
    db.close();
  });

  it('refuses a database when a migration it was upgraded with has since been edited, naming it and saying what to do', () => {
    const { open, editFile, dir } = upgradedDatabase();
    editFile('0005_clearance_settings', (sql) => sql.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'));
    const error = refusal(open);
    expect(error.kind).toBe('changed_migration');
    expect(error.message).toContain('step 6, "0005_clearance_settings"');
    expect(error.message).toContain('Nothing has been changed');
    expect(error.message).toContain('Reinstall PX Rounds');
    expect(error.message).toContain('put the change in a new migration');
    expect(errorTitle(error.kind)).toBe('This copy of PX Rounds does not match your data');
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('refuses a database whose last migration was edited even by a comment', () => {
    const { open, editFile } = upgradedDatabase();
    editFile('0012_search_by_time', (sql) => `-- reworded\n${sql}`);
    expect(refusal(open).message).toContain('"0012_search_by_time"');
  });

  it('accepts the same text with Windows line endings, as a build from such a checkout stored it', () => {
    const { open, editFile } = upgradedDatabase();
    editFile('0004_stories', (sql) => sql.replaceAll('\n', '\r\n'));
    open().close();
  });

  it('accepts the earlier text of 0012, which did the same to the data', () => {
    const { open, setStoredHash } = upgradedDatabase();
    setStoredHash('0012_search_by_time', '7bd7f2617f505e7c707d0d9b576dbda27a130b3382d3c5581b80695823af24c1');
    open().close();
  });

  it('refuses a stored hash that matches no shipped text of that migration', () => {
    const { open, setStoredHash } = upgradedDatabase();
    setStoredHash('0003_search', 'c317173d88ec3d9502e7835f072c4f1cebb87effcd924185c519594dfb238b2c');
    expect(refusal(open).kind).toBe('changed_migration');
  });
});
