import { describe, expect, it } from 'vitest';
import { backupsToKeep, takenAtFromName, type BackupFile } from './backup-retention';

const DAY = 86_400_000;
/** One backup a day at 09:00 for `days` days up to 2026-12-07, all the same size. */
function daily(days: number, bytes = 10_000): BackupFile[] {
  const last = Date.parse('2026-12-07T09:00:00.000Z');
  return Array.from({ length: days }, (_, i) => {
    const takenAt = new Date(last - i * DAY);
    return { file: `b-${takenAt.toISOString().slice(0, 10)}`, takenAt, bytes };
  });
}

describe('keeping a spread of backups', () => {
  it('keeps the last 7 days, the newest of 4 weeks and of 12 months, from a year and a half of dailies', () => {
    const kept = [...backupsToKeep(daily(540))].toSorted().toReversed();
    // 7 daily; the weeks and months add their newest where not already kept.
    expect(kept.slice(0, 7)).toEqual([
      'b-2026-12-07',
      'b-2026-12-06',
      'b-2026-12-05',
      'b-2026-12-04',
      'b-2026-12-03',
      'b-2026-12-02',
      'b-2026-12-01',
    ]);
    expect(kept).toContain('b-2026-11-29'); // a Sunday: the newest of the week before
    expect(kept).toContain('b-2026-11-30'); // the newest of November
    expect(kept).toContain('b-2026-01-31'); // the newest of the twelfth month back
    expect(kept).not.toContain('b-2025-12-31');
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 12);
  });

  it('keeps everything while there are few', () => {
    expect(backupsToKeep(daily(5)).size).toBe(5);
  });

  it('keeps the last larger backup when smaller ones would push it out', () => {
    const backups = daily(60, 4096);
    const good = { ...backups.at(-1)!, bytes: 500_000 };
    const kept = backupsToKeep([...backups.slice(0, -1), good]);
    expect(kept.has(good.file)).toBe(true);
  });

  it('lets an old larger backup go once a newer one at least as large is kept', () => {
    const backups = daily(60, 500_000);
    const old = { ...backups.at(-1)!, bytes: 600_000 };
    const newest = { ...backups[0]!, bytes: 700_000 };
    const kept = backupsToKeep([newest, ...backups.slice(1, -1), old]);
    expect(kept.has(old.file)).toBe(false);
  });

  it('reads when a backup was taken from its name', () => {
    expect(takenAtFromName('px-rounds-2026-11-01T09-05-07-123Z-daily.db')).toEqual(
      new Date('2026-11-01T09:05:07.123Z'),
    );
    expect(takenAtFromName('px-rounds-latest.db')).toBeNull();
  });
});
