import { closeSync, fstatSync, fsyncSync, openSync, statfsSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** How much of the write-ahead log is kept allocated on disk while the app runs. */
export const LOG_RESERVE_BYTES = 16 * 1024 * 1024;
/**
 * Free space the reservation never takes: the database file grows at each checkpoint, and
 * backups and exports need room too. Below this the app also warns that space is low.
 */
export const LOW_SPACE_BYTES = 200 * 1024 * 1024;
const CHUNK = 1024 * 1024;

/** Free bytes on the file system holding `path`, or null where the system cannot say. */
export function freeBytes(path: string): number | null {
  try {
    const stats = statfsSync(path);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** Free space where `folder` is, and whether it is low enough for the app to warn. */
export function diskSpace(folder: string): { freeBytes: number | null; low: boolean } {
  const free = freeBytes(folder);
  return { freeBytes: free, low: free !== null && free < LOW_SPACE_BYTES };
}

/**
 * How many bytes may be added to a log of `size` bytes: up to `wanted`, but never into the
 * last LOW_SPACE_BYTES of the disk. On a nearly full disk that is nothing, and saves grow the
 * log as they need, which is slower but leaves the space to the data.
 */
export function reservationThatFits(size: number, wanted: number, free: number | null): number {
  const missing = Math.max(0, wanted - size);
  if (free === null) return missing;
  return Math.max(0, Math.min(missing, free - LOW_SPACE_BYTES));
}

/**
 * Allocates the write-ahead log file up to `bytes` by writing zeros past its end, so later
 * commits overwrite space the file already has instead of growing it. A commit that grows the
 * file must wait for the file system to record the new size as well as the data, which makes
 * the slowest saves about twice as slow (bench/foundation.bench.ts). Databases that log to
 * disk keep their log files allocated for the same reason.
 *
 * It is safe because SQLite never reads past the last valid frame: frames are checked against
 * the salt in the log's header and a checksum, which zeros cannot match, exactly as it ignores
 * the stale frames left behind whenever it starts the log again from the top. Only bytes past
 * the current end are written; nothing SQLite wrote is touched. SQLite deletes the file when
 * the database is closed.
 *
 * Only what fits is reserved (see reservationThatFits): a reservation that filled the disk
 * left no room for the checkpoints that empty the log, and every save after it failed.
 *
 * Returns how many bytes were added: 0 when the file is already that long, when the disk has
 * no room to spare, or when it does not exist (SQLite creates it on the first write; this
 * never does).
 */
export function reserveLogSpace(
  logFile: string,
  bytes = LOG_RESERVE_BYTES,
  free: (path: string) => number | null = freeBytes,
): number {
  let fd: number;
  try {
    fd = openSync(logFile, 'r+');
  } catch {
    return 0;
  }
  try {
    const size = fstatSync(fd).size;
    const adding = reservationThatFits(size, bytes, free(dirname(logFile)));
    if (adding === 0) return 0;
    const end = size + adding;
    const zeros = Buffer.alloc(CHUNK);
    for (let at = size; at < end; at += CHUNK) writeSync(fd, zeros, 0, Math.min(CHUNK, end - at), at);
    fsyncSync(fd);
    return adding;
  } finally {
    closeSync(fd);
  }
}
