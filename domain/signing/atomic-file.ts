import { closeSync, fsyncSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../ipc/errors';

// Files PX Rounds hands to other people (signed exports) and keys it cannot afford to lose are
// written to a temporary file in the same folder, flushed to disk, then moved into place, so a
// crash or a full disk leaves either the old file or the new one, never half of either.

export class FileExistsError extends AppError {
  readonly path: string;

  constructor(path: string) {
    super(
      'validation',
      `A file called ${basename(path)} already exists there. Choose another name, or confirm that it should be replaced.`,
      'overwrite',
    );
    this.name = 'FileExistsError';
    this.path = path;
  }
}

export type AtomicWriteOptions = {
  /** Replace an existing file. Without it an existing file is left alone and FileExistsError is thrown. */
  overwrite?: boolean;
  /** Permissions for a new file; keys use 0o600 so other accounts on the computer cannot read them. */
  mode?: number;
};

function isCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && 'code' in error && codes.includes(String(error.code));
}

export function writeFileAtomically(
  path: string,
  content: Uint8Array,
  options: AtomicWriteOptions = {},
): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, 'wx', options.mode ?? 0o644);
  try {
    let written = 0;
    while (written < content.length) written += writeSync(fd, content, written, content.length - written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    if (options.overwrite === true) {
      renameSync(temporary, path);
      return;
    }
    // link() fails with EEXIST if the name is taken, in one step, so two exports racing for the
    // same name cannot both "win" the way an exists-check followed by rename could.
    try {
      linkSync(temporary, path);
    } catch (error) {
      if (isCode(error, 'EEXIST')) throw new FileExistsError(path);
      // Some file systems (FAT-formatted USB sticks, a few network shares) have no hard links.
      if (!isCode(error, 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV')) throw error;
      renameWithoutLinks(temporary, path);
      return;
    }
    unlinkSync(temporary);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Already moved into place or never created: nothing to tidy.
    }
    throw error;
  }
}

/** The fallback for file systems without hard links: a check, then rename (a small race window). */
function renameWithoutLinks(temporary: string, path: string): void {
  let exists = true;
  try {
    closeSync(openSync(path, 'r'));
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
    exists = false;
  }
  if (exists) throw new FileExistsError(path);
  renameSync(temporary, path);
}
