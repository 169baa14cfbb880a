import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppContext, DATABASE_FILE } from '../domain/app-context';
import { createFileKeyWrapper } from '../domain/signing/file-key-wrapper';
import { makeTempDir, migrationsFolder, resourcesFolder } from '../test/helpers/test-context';
import { openDatabase, PAGE_CACHE_KIB, unlockDatabase } from './connection';
import { MIGRATIONS_TABLE, readMigrations } from './migrate';

const temps: { remove: () => void }[] = [];
function tempDir() {
  const t = makeTempDir();
  temps.push(t);
  return t.dir;
}
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

function open(dir: string, key: Buffer, folder = migrationsFolder) {
  return openDatabase({
    file: join(dir, 'px.db'),
    key,
    migrationsFolder: folder,
    backupsFolder: join(dir, 'backups'),
  });
}

const SECRET = 'Mrs Example said the night staff were wonderful';

describe('encryption at rest', () => {
  it('leaves no plaintext in the database file, its WAL or its backups', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const first = open(dir, key);
    first.sqlite
      .prepare("INSERT INTO areas (id, site, name, created_at) VALUES ('a1', 'Sutton', ?, 'now')")
      .run(SECRET);
    first.sqlite.prepare('VACUUM INTO ?').run(join(dir, 'copy.db'));
    const walBefore = existsSync(join(dir, 'px.db-wal'))
      ? readFileSync(join(dir, 'px.db-wal'))
      : Buffer.alloc(0);
    first.close();
    for (const bytes of [readFileSync(join(dir, 'px.db')), walBefore, readFileSync(join(dir, 'copy.db'))]) {
      expect(bytes.includes(Buffer.from(SECRET))).toBe(false);
      expect(bytes.includes(Buffer.from('CREATE TABLE'))).toBe(false);
      expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    }
  });

  it('cannot be read without the key, or with the wrong key', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    open(dir, key).close();
    const plain = new DatabaseConstructor(join(dir, 'px.db'));
    expect(() => plain.prepare('SELECT * FROM rounds').all()).toThrow(/not a database/);
    plain.close();
    expect(() => open(dir, randomBytes(32))).toThrow(/could not be unlocked/);
    const reopened = open(dir, key);
    expect(reopened.sqlite.prepare('SELECT count(*) AS n FROM rounds').get()).toEqual({ n: 0 });
    reopened.close();
  });

  it('opens with WAL, synchronous FULL, foreign keys, a busy timeout, its page cache and temporary results in memory', () => {
    const db = open(tempDir(), randomBytes(32));
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(db.sqlite.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    expect(db.sqlite.pragma('temp_store', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a key of the wrong length', () => {
    expect(() => open(tempDir(), randomBytes(16))).toThrow(/key is not valid/);
  });
});

describe('integrity check', () => {
  function damagedDatabase() {
    const dir = tempDir();
    const key = randomBytes(32);
    const db = open(dir, key);
    const insert = db.sqlite.prepare(
      "INSERT INTO areas (id, site, name, created_at) VALUES (?, 'Sutton', ?, 'now')",
    );
    db.sqlite.transaction(() => {
      for (let i = 0; i < 2000; i += 1) insert.run(`a${i}`, `Ward ${i} ${'x'.repeat(100)}`);
    })();
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Flip bytes in a page near the end of the file: the cipher's authentication fails there.
    const file = join(dir, 'px.db');
    const bytes = readFileSync(file);
    for (let i = bytes.length - 3000; i < bytes.length - 2900; i += 1) bytes[i] = bytes[i]! ^ 0xff;
    writeFileSync(file, bytes);
    // The same damaged file where the app context looks for it.
    writeFileSync(join(dir, DATABASE_FILE), bytes);
    return { dir, key };
  }

  it("refuses a damaged file on open in plain words, with SQLite's report kept as the detail", () => {
    const { dir, key } = damagedDatabase();
    const before = readFileSync(join(dir, 'px.db'));
    let error: unknown;
    try {
      open(dir, key);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({
      kind: 'corrupt',
      message: expect.stringMatching(/^Part of your data file is damaged[\s\S]*restore the newest backup/),
      detail: expect.stringMatching(/^SQLite quick_check: /),
    });
    expect((error as Error).message).not.toMatch(/\*\*\*|Tree|page/);
    expect(readFileSync(join(dir, 'px.db')).equals(before)).toBe(true);
  });

  it('when deferred, still finds the damage just after start-up and stops answering requests', async () => {
    const { dir, key } = damagedDatabase();
    const ctx = createAppContext({
      dataDir: dir,
      key,
      migrationsFolder,
      resourcesFolder,
      host: 'browser',
      version: 'test',
      actor: 'test',
      keyWrapper: createFileKeyWrapper(dir),
      deferIntegrityCheck: true,
    });
    expect(await ctx.integrity).toMatchObject({ kind: 'corrupt' });
    expect(await ctx.dispatch('rounds:list', {})).toMatchObject({ ok: false, error: { kind: 'corrupt' } });
    ctx.close();
  });
});

describe('migrations on open', () => {
  it('applies every migration once and records them', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const db = open(dir, key);
    const applied = db.sqlite.prepare(`SELECT tag FROM ${MIGRATIONS_TABLE} ORDER BY idx`).all();
    expect(applied).toEqual(readMigrations(migrationsFolder).map((m) => ({ tag: m.tag })));
    expect(db.backupBeforeMigration).toBeNull();
    db.close();
    const again = open(dir, key);
    expect(again.sqlite.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get()).toEqual({
      n: readMigrations(migrationsFolder).length,
    });
    again.close();
  });

  it('refuses a database from a newer version with a clear message and changes nothing', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const db = open(dir, key);
    db.sqlite
      .prepare(
        `INSERT INTO ${MIGRATIONS_TABLE} (idx, tag, hash, applied_at) VALUES (99, '0099_future', 'x', 'now')`,
      )
      .run();
    db.close();
    const before = readFileSync(join(dir, 'px.db'));
    expect(() => open(dir, key)).toThrow(/newer version of PX Rounds/);
    expect(readFileSync(join(dir, 'px.db')).equals(before)).toBe(true);
  });

  it('refuses a database whose history is not this version’s', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const db = open(dir, key);
    db.sqlite.prepare(`UPDATE ${MIGRATIONS_TABLE} SET tag = '0000_other' WHERE idx = 0`).run();
    db.close();
    expect(() => open(dir, key)).toThrow(/history/);
  });

  it('takes an encrypted backup before migrating an existing database, then migrates', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const partial = join(dir, 'migrations-v1');
    cpSync(migrationsFolder, partial, { recursive: true });
    const journal = JSON.parse(readFileSync(join(partial, 'meta', '_journal.json'), 'utf8'));
    journal.entries = journal.entries.slice(0, 1);
    writeFileSync(join(partial, 'meta', '_journal.json'), JSON.stringify(journal));
    const v1 = open(dir, key, partial);
    v1.sqlite
      .prepare("INSERT INTO areas (id, site, name, created_at) VALUES ('a1', 'Sutton', 'Ward 1', 'now')")
      .run();
    v1.close();

    const upgraded = open(dir, key);
    expect(upgraded.backupBeforeMigration).not.toBeNull();
    const backup = upgraded.backupBeforeMigration!;
    expect(readdirSync(join(dir, 'backups'))).toContain(backup.split('/').at(-1));
    upgraded.close();

    const copy = new DatabaseConstructor(backup);
    unlockDatabase(copy, key);
    expect(copy.prepare('SELECT name FROM areas').all()).toEqual([{ name: 'Ward 1' }]);
    expect(copy.prepare(`SELECT count(*) AS n FROM ${MIGRATIONS_TABLE}`).get()).toEqual({ n: 1 });
    copy.close();
  });

  it('rolls back every pending migration when one of them fails', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const broken = join(dir, 'migrations-broken');
    cpSync(migrationsFolder, broken, { recursive: true });
    const journal = JSON.parse(readFileSync(join(broken, 'meta', '_journal.json'), 'utf8'));
    journal.entries.push({
      idx: journal.entries.length,
      version: '6',
      when: 0,
      tag: '9999_broken',
      breakpoints: true,
    });
    writeFileSync(join(broken, 'meta', '_journal.json'), JSON.stringify(journal));
    writeFileSync(
      join(broken, '9999_broken.sql'),
      'CREATE TABLE partial_step (x);\n--> statement-breakpoint\nTHIS IS NOT SQL;',
    );
    expect(() => open(dir, key, broken)).toThrow();
    const raw = new DatabaseConstructor(join(dir, 'px.db'));
    unlockDatabase(raw, key);
    expect(
      raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '__px%'").all(),
    ).toEqual([]);
    raw.close();
    const db = open(dir, key);
    expect(db.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'partial_step'").all()).toEqual([]);
    db.close();
  });
});
