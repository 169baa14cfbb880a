import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUPS_FOLDER, DATABASE_FILE } from '../domain/app-context';
import { observe, roundWithAreas } from '../test/helpers/round-fixtures';
import { createTestContext, type TestContext } from '../test/helpers/test-context';
import { readBackupContents, restoreBackup } from './backup-restore';
import { takeBackup } from './backups';

let ctx: TestContext | null = null;
afterEach(() => ctx?.dispose());

describe('restoring a backup', () => {
  it('lists what a backup holds, keeps the current file, and puts the backup in its place', async () => {
    ctx = createTestContext();
    const { dataDir, key } = ctx;
    const backupsFolder = join(dataDir, BACKUPS_FOLDER);
    const databaseFile = join(dataDir, DATABASE_FILE);
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Oak Ward']);
    const kept = await observe(ctx, roundId, areas['Oak Ward']!, 'The ward was calm');
    const backup = takeBackup(ctx.store.sqlite, backupsFolder, 'manual', new Date('2026-12-01T09:00:00Z'));
    const later = await observe(ctx, roundId, areas['Oak Ward']!, 'Written after the backup');
    ctx.close();

    expect(readBackupContents(backup, key)).toEqual({ rounds: 1, observations: 1 });
    const { keptAs } = restoreBackup({
      databaseFile,
      backupsFolder,
      backupFile: backup,
      key,
      now: new Date(),
    });
    expect(keptAs).not.toBeNull();
    expect(readBackupContents(keptAs!, key)).toEqual({ rounds: 1, observations: 2 });

    ctx = createTestContext({ dataDir, key });
    const round = await ctx.call('rounds:get', { roundId });
    expect(round.observations.map((o) => o.id)).toEqual([kept.id]);
    expect(round.observations.map((o) => o.id)).not.toContain(later.id);
  });

  it('refuses a backup the key cannot open, and changes nothing', async () => {
    ctx = createTestContext();
    const { dataDir, key } = ctx;
    const backupsFolder = join(dataDir, BACKUPS_FOLDER);
    const databaseFile = join(dataDir, DATABASE_FILE);
    await roundWithAreas(ctx, 'Sutton', ['Oak Ward']);
    const backup = takeBackup(ctx.store.sqlite, backupsFolder, 'manual', new Date());
    ctx.close();
    const before = readFileSync(databaseFile);
    expect(() =>
      restoreBackup({
        databaseFile,
        backupsFolder,
        backupFile: backup,
        key: randomBytes(32),
        now: new Date(),
      }),
    ).toThrow(/This backup cannot be opened with the key of this data/);
    expect(readFileSync(databaseFile).equals(before)).toBe(true);
    ctx = createTestContext({ dataDir, key });
  });
});
