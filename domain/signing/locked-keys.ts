import { existsSync, linkSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyWrapper } from '../../db/key-file';
import { AppError } from '../../ipc/errors';

// A private key wrapped by one computer's key store cannot be unwrapped on another (a re-imaged
// laptop opened with the recovery key, a new user account). The recovery key deliberately does
// not carry private keys, so that holding it is not the same as holding the person's signing
// key. What is left is to say so, and to let the person make a new key: the old wrapped file is
// kept beside it under another name (never deleted: it opens again if the old key store ever
// comes back), and the old public key stays on record as theirs.

export type WrappedKeyState = 'none' | 'ready' | 'locked';

/** Whether the wrapped key file in `dataDir` is absent, opens with `wrapper`, or does not. */
export function wrappedKeyState(dataDir: string, fileName: string, wrapper: KeyWrapper): WrappedKeyState {
  const file = join(dataDir, fileName);
  if (!existsSync(file)) return 'none';
  if (!wrapper.isEncryptionAvailable()) return 'locked';
  try {
    wrapper.decryptString(readFileSync(file));
    return 'ready';
  } catch {
    return 'locked';
  }
}

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * Moves a wrapped key file that cannot be unwrapped here out of the way, under a name that says
 * when ("signing-key.wrapped.earlier-20261207T231500Z"), and returns that name. Linking then
 * unlinking never overwrites a file already there and never leaves the key under neither name.
 */
export function setAsideLockedKeyFile(dataDir: string, fileName: string, at: Date): string {
  const from = join(dataDir, fileName);
  for (let n = 0; n < 100; n += 1) {
    const keptAs = `${fileName}.earlier-${stamp(at)}${n === 0 ? '' : `-${n}`}`;
    try {
      linkSync(from, join(dataDir, keptAs));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new AppError(
        'storage',
        `The old key file (${fileName}) could not be kept aside, so nothing was changed.`,
      );
    }
    unlinkSync(from);
    return keptAs;
  }
  throw new AppError(
    'storage',
    `The old key file (${fileName}) could not be kept aside, so nothing was changed.`,
  );
}

/** What the audit log says of a key made in place of one this computer could not unlock. */
export function replacedKeyAuditDetail(earlier: { keyId: string; fingerprint: string; keptAs: string }) {
  return {
    reason: 'the earlier key could not be unlocked on this computer',
    earlierKeyId: earlier.keyId || null,
    earlierFingerprint: earlier.fingerprint || null,
    earlierKeptAs: earlier.keptAs,
  };
}
