import { closeSync, fstatSync, fsyncSync, openSync, writeSync } from 'node:fs';

/** How much of the write-ahead log is kept allocated on disk while the app runs. */
export const LOG_RESERVE_BYTES = 16 * 1024 * 1024;
const CHUNK = 1024 * 1024;

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
 * Returns how many bytes were added: 0 when the file is already that long or does not exist
 * (SQLite creates it on the first write; this never does).
 */
export function reserveLogSpace(logFile: string, bytes = LOG_RESERVE_BYTES): number {
  let fd: number;
  try {
    fd = openSync(logFile, 'r+');
  } catch {
    return 0;
  }
  try {
    const size = fstatSync(fd).size;
    if (size >= bytes) return 0;
    const zeros = Buffer.alloc(CHUNK);
    for (let at = size; at < bytes; at += CHUNK) writeSync(fd, zeros, 0, Math.min(CHUNK, bytes - at), at);
    fsyncSync(fd);
    return bytes - size;
  } finally {
    closeSync(fd);
  }
}
