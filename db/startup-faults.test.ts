import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationsUpTo, openAt } from '../test/helpers/migration-helpers';
import { migrationsFolder, tempFoldersForEachTest } from '../test/helpers/test-context';

const folder = tempFoldersForEachTest();

function caught(run: () => unknown): Error & { kind?: string; detail?: string } {
  try {
    run();
  } catch (error) {
    return error as Error & { kind?: string; detail?: string };
  }
  throw new Error('expected it to fail');
}

/** Mounts a small tmpfs at `dir`; false where this machine does not allow it. */
function mountTmpfs(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('start-up faults say what is actually wrong', () => {
  it('a read-only data folder is called read-only, not damaged, and is left as it was', (context) => {
    const dir = join(folder(), 'data');
    mkdirSync(dir);
    const mounted = mountTmpfs(dir);
    context.skip(
      !mounted,
      'mounting a filesystem is not permitted here, so a read-only folder cannot be made',
    );
    try {
      const key = randomBytes(32);
      openAt(dir, key, migrationsFolder).close();
      const before = readFileSync(join(dir, 'px.db'));
      execFileSync('mount', ['-o', 'remount,ro', dir]);
      const error = caught(() => openAt(dir, key, migrationsFolder));
      expect(error.kind).toBe('storage');
      expect(error.message).toMatch(/^PX Rounds cannot write to its data folder .* may be read-only/);
      expect(error.message).not.toMatch(/damaged|different key/);
      expect(error.detail).toMatch(/EROFS|SQLITE_READONLY|SQLITE_CANTOPEN/);
      expect(readFileSync(join(dir, 'px.db')).equals(before)).toBe(true);
    } finally {
      execFileSync('umount', [dir]);
    }
  });

  it("a failed migration names the step in plain words, keeps SQLite's words as detail, and changes nothing", () => {
    const dir = folder();
    const key = randomBytes(32);
    openAt(dir, key, migrationsUpTo(dir, 13)).close();
    const before = readFileSync(join(dir, 'px.db'));
    // A copy of the migrations whose newest step refers to a table that is not there.
    const broken = join(dir, 'broken-migrations');
    cpSync(migrationsFolder, broken, { recursive: true });
    writeFileSync(join(broken, '0013_lock_guards.sql'), 'INSERT INTO search_filters_gone (x) VALUES (1);');
    const error = caught(() => openAt(dir, key, broken));
    expect(error.kind).toBe('upgrade_failed');
    expect(error.message).toBe(
      'PX Rounds could not bring your data up to date for this version (step 14, "0013_lock_guards" failed), so it stopped and changed nothing: your data file is as it was. Reinstall the version you used before to keep working, and tell your IT service desk.',
    );
    expect(error.detail).toBe('no such table: search_filters_gone');
    expect(readFileSync(join(dir, 'px.db')).equals(before)).toBe(true);
  });
});
