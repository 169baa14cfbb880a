import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../ipc/errors';
import { takeBackup } from './backups';
import { appliedMigrations, applyMigrations, pendingMigrations, readMigrations } from './migrate';
import { createDrizzle, type AppDatabase } from './drizzle-client';

export type { AppDatabase };

export type OpenDatabaseOptions = {
  file: string;
  /** The 32-byte key the file is encrypted with. */
  key: Buffer;
  migrationsFolder: string;
  /** Path to a better_sqlite3.node built for the running runtime (Electron needs its own). */
  nativeBinding?: string;
  backupsFolder: string;
  now?: () => Date;
  /**
   * 'blocking' (the default) runs quick_check before the database is handed out. 'deferred'
   * leaves it to the caller (see `checkIntegrity`), so a large file does not hold up the first
   * screen; it is still blocking whenever a migration is due, because a damaged file must
   * never be migrated.
   */
  integrityCheck?: 'blocking' | 'deferred';
};

export type OpenedDatabase = {
  sqlite: Database;
  db: AppDatabase;
  /** The backup taken before migrating, when there was something to migrate. */
  backupBeforeMigration: string | null;
  /** Whether quick_check has already run; when false, call `checkIntegrity` soon. */
  integrityChecked: boolean;
  close: () => void;
};

export const KEY_BYTES = 32;

// Every page read from disk is decrypted and authenticated, so SQLite's default 2 MB page cache
// is too small; 64 MB keeps years of observations, and the indexes over them, decrypted.
// The cache has one cost on saves, measured and accepted. When an insert splits a page of an
// index, SQLite renumbers the new pages through a temporary page number beyond the end of the
// file, and the commit then walks every cached page to drop it: 0.2-1 ms with 64 MB, in about one
// save in ten. Taking those walks out moved the 95th percentile of saves by 0.15-0.25 ms and the
// 99th by 0.02 ms. With 16 MB, searches run between scans of the observations were about a fifth
// slower at the 95th percentile in two of three runs side by side.
export const PAGE_CACHE_KIB = 65_536;

// AEGIS-256 (SQLite3 Multiple Ciphers' authenticated cipher): every page is encrypted and
// authenticated, and with AES instructions it reads about three times faster than the
// SQLCipher scheme, which matters because quick_check reads every page at start-up. The key is
// given raw (x'…'): it is already 32 random bytes, so passphrase key derivation would add
// nothing but start-up time.
function unlock(sqlite: Database, key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new AppError('storage', 'The database key is not valid.');
  sqlite.pragma(`cipher = 'aegis'`);
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}

const technical = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
};

function cannotWrite(folder: string, error: unknown): AppError {
  return new AppError(
    'storage',
    `PX Rounds cannot write to its data folder (${folder}). The folder may be read-only, on a drive that is no longer connected, or its permissions may have changed. Nothing has been changed; once the folder can be written to again, start PX Rounds again.`,
    undefined,
    technical(error),
  );
}

// SQLite's codes for a file it cannot open or write, as opposed to one it cannot read.
const UNWRITABLE_CODES = /^SQLITE_(READONLY|CANTOPEN|PERM|IOERR)/;

/** Throws the read-only error when the folder cannot be written, rather than letting it pass for damage. */
function assertWritable(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw cannotWrite(folder, error);
  }
}

export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const now = options.now ?? (() => new Date());
  assertWritable(dirname(options.file));
  const isNew = !existsSync(options.file) || statSync(options.file).size === 0;
  const sqlite = new DatabaseConstructor(
    options.file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    unlock(sqlite, options.key);
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && UNWRITABLE_CODES.test(code))
        throw cannotWrite(dirname(options.file), error);
      throw new AppError(
        'corrupt',
        'The data file could not be unlocked. It is either damaged or was saved with a different key. Nothing has been changed.',
        undefined,
        technical(error),
      );
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // INSERT OR REPLACE deletes the row it replaces; only with recursive triggers on do the lock
    // triggers' BEFORE DELETE guards see that deletion (and the cascades it starts) and refuse it.
    sqlite.pragma('recursive_triggers = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    // Temporary results (a search's walk through the index, a sort) are small: kept in memory
    // rather than in temporary files.
    sqlite.pragma('temp_store = MEMORY');

    const known = readMigrations(options.migrationsFolder);
    const pending = pendingMigrations(appliedMigrations(sqlite), known);
    const checkNow = options.integrityCheck !== 'deferred' || pending.length > 0;
    if (checkNow) checkIntegrity(sqlite);
    let backupBeforeMigration: string | null = null;
    if (pending.length > 0 && !isNew) {
      backupBeforeMigration = takeBackup(sqlite, options.backupsFolder, `before-${pending[0]!.tag}`, now());
    }
    applyMigrations(sqlite, pending, now);

    const db = createDrizzle(sqlite);
    return { sqlite, db, backupBeforeMigration, integrityChecked: checkNow, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** SQLite's quick_check: reads every page, so its cost grows with the file. */
export function checkIntegrity(sqlite: Database): void {
  let check: unknown;
  try {
    check = sqlite.pragma('quick_check', { simple: true });
  } catch (error) {
    check = error instanceof Error ? error.message : String(error);
  }
  if (check !== 'ok') {
    throw new AppError(
      'corrupt',
      'Part of your data file is damaged, so PX Rounds has stopped using it rather than risk making it worse. Nothing has been changed. Close PX Rounds and restore the newest backup from the backups folder in the data folder.',
      undefined,
      `SQLite quick_check: ${String(check)}`,
    );
  }
}

export { unlock as unlockDatabase };
