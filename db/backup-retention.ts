// Which backups to keep: a spread over time rather than the newest few, so a problem noticed
// weeks later can still be undone. The newest backup of each of the last 7 days that have one,
// of each of the last 4 weeks and of each of the last 12 months is kept. A run of smaller
// backups (a database emptied by mistake and used on) never pushes out the last larger one:
// the largest of those due to go stays while it is larger than every backup kept.

export type BackupFile = { file: string; takenAt: Date; bytes: number };

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
export const KEEP_MONTHLY = 12;

const dayOf = (at: Date) => at.toISOString().slice(0, 10);
const monthOf = (at: Date) => at.toISOString().slice(0, 7);
/** Monday-based week, named by its Monday's date. */
function weekOf(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return dayOf(monday);
}

/** The newest backup in each of the newest `count` periods. */
function newestPerPeriod(newestFirst: readonly BackupFile[], period: (at: Date) => string, count: number) {
  const kept = new Map<string, BackupFile>();
  for (const backup of newestFirst) {
    const key = period(backup.takenAt);
    if (!kept.has(key) && kept.size < count) kept.set(key, backup);
  }
  return [...kept.values()];
}

/** The files to keep of `backups`; every other one may be deleted. */
export function backupsToKeep(backups: readonly BackupFile[]): Set<string> {
  const newestFirst = backups.toSorted((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set<string>(
    [
      ...newestPerPeriod(newestFirst, dayOf, KEEP_DAILY),
      ...newestPerPeriod(newestFirst, weekOf, KEEP_WEEKLY),
      ...newestPerPeriod(newestFirst, monthOf, KEEP_MONTHLY),
    ].map((b) => b.file),
  );
  const due = newestFirst.filter((b) => !keep.has(b.file));
  if (due.length === 0) return keep;
  const largestKept = Math.max(0, ...newestFirst.filter((b) => keep.has(b.file)).map((b) => b.bytes));
  const largestDue = due.reduce((best, b) => (b.bytes > best.bytes ? b : best));
  if (largestDue.bytes > largestKept) keep.add(largestDue.file);
  return keep;
}

/** When a backup was taken, from its name (`px-rounds-2026-11-01T09-00-00-000Z-daily.db`). */
export function takenAtFromName(name: string): Date | null {
  const match = /px-rounds-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(name);
  if (!match) return null;
  const [, day, hours, minutes, seconds, millis] = match;
  const at = new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}
