import { mkdirSync, readdirSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFolderPaths, DATABASE_FILE } from '../domain/app-context';
import { startBrowserHost } from '../host/browser-host';
import { migrationsFolder, tempFoldersForEachTest, resourcesFolder } from '../test/helpers/test-context';
import { folderFingerprint } from '../test/helpers/folder-fingerprint';
import { listBackups, pruneBackups } from './backups';
import { checkDataFolder, MissingDatabaseError } from './data-folder-check';
import { KEY_FILE } from './key-file';

const folder = tempFoldersForEachTest();

const backupName = (day: number) =>
  `px-rounds-2026-11-${String(day).padStart(2, '0')}T09-00-00-000Z-daily.db`;

function usedFolder(dir: string, { database }: { database: 'absent' | 'empty' | 'present' }) {
  writeFileSync(join(dir, KEY_FILE), 'ab'.repeat(32));
  mkdirSync(join(dir, 'backups'));
  writeFileSync(join(dir, 'backups', backupName(1)), Buffer.alloc(40_960, 1));
  writeFileSync(join(dir, 'backups', backupName(2)), Buffer.alloc(81_920, 1));
  utimesSync(
    join(dir, 'backups', backupName(2)),
    new Date('2026-11-02T09:00:00Z'),
    new Date('2026-11-02T09:00:00Z'),
  );
  if (database === 'empty') writeFileSync(join(dir, DATABASE_FILE), '');
  if (database === 'present') writeFileSync(join(dir, DATABASE_FILE), Buffer.alloc(4096, 2));
}

describe('a data folder that has lost its database', () => {
  it('lets a new folder start', () => {
    const dir = folder();
    expect(() => checkDataFolder(dataFolderPaths(dir, KEY_FILE))).not.toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to start over an emptied database, listing the backups newest first, and writes nothing', () => {
    const dir = folder();
    usedFolder(dir, { database: 'empty' });
    const before = folderFingerprint(dir);
    let error: unknown;
    try {
      checkDataFolder(dataFolderPaths(dir, KEY_FILE));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MissingDatabaseError);
    const missing = error as MissingDatabaseError;
    expect(missing.kind).toBe('missing_data');
    expect(missing.message).toContain('Your data file (px-rounds.db) is empty');
    expect(missing.message).toContain('it holds its key, backups');
    expect(missing.message).toContain(`2026-11-02 09:00 UTC, 80 KB: ${backupName(2)}`);
    expect(missing.backups.map((b) => [b.bytes, b.file])).toEqual([
      [81_920, join(dir, 'backups', backupName(2))],
      [40_960, join(dir, 'backups', backupName(1))],
    ]);
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('refuses to start when the database was deleted, with only backups left to show it was used', () => {
    const dir = folder();
    usedFolder(dir, { database: 'absent' });
    rmSync(join(dir, KEY_FILE));
    expect(() => checkDataFolder(dataFolderPaths(dir, KEY_FILE))).toThrow(
      /Your data file \(px-rounds.db\) is missing, but this data folder has been used before \(it holds backups\)/,
    );
  });

  it('refuses to make a new key beside a database whose key is gone', () => {
    const dir = folder();
    usedFolder(dir, { database: 'present' });
    rmSync(join(dir, KEY_FILE));
    const before = folderFingerprint(dir);
    expect(() => checkDataFolder(dataFolderPaths(dir, KEY_FILE))).toThrow(
      /The key that unlocks your data file is missing .* PX Rounds has not made a new key/,
    );
    expect(folderFingerprint(dir)).toEqual(before);
  });

  it('stops the browser host before it makes an empty database or a backup of one', async () => {
    const dir = folder();
    const options = {
      dataDir: dir,
      rendererFolder: join(dir, 'renderer'),
      migrationsFolder,
      resourcesFolder,
      version: '0.0.0-test',
    };
    const first = await startBrowserHost(options);
    await first.context!.dispatch('rounds:create', {
      startsAt: new Date().toISOString(),
      site: 'Sutton',
      templateId: null,
      team: [],
    });
    await first.close();
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', backupName(1)), Buffer.alloc(8192, 1));
    truncateSync(join(dir, DATABASE_FILE), 0);
    const before = folderFingerprint(dir);
    await expect(startBrowserHost(options)).rejects.toThrow(/Your data file \(px-rounds.db\) is empty/);
    expect(folderFingerprint(dir)).toEqual(before);
    expect(statSync(join(dir, DATABASE_FILE)).size).toBe(0);
  });
});

describe('pruning backups', () => {
  it('never lets forty days of backups of an emptied database push out the last good one', () => {
    const dir = join(folder(), 'backups');
    mkdirSync(dir);
    const name = (at: Date) => `px-rounds-${at.toISOString().replace(/[:.]/g, '-')}-daily.db`;
    const first = new Date('2026-11-01T09:00:00.000Z');
    writeFileSync(join(dir, name(first)), Buffer.alloc(200_000, 1));
    for (let day = 1; day <= 40; day += 1) {
      writeFileSync(join(dir, name(new Date(first.getTime() + day * 86_400_000))), Buffer.alloc(4096, 0));
      pruneBackups(dir);
    }
    const kept = listBackups(dir);
    expect(kept[0]).toBe(join(dir, name(first)));
    expect(kept.length).toBeLessThan(20);
  });
});
