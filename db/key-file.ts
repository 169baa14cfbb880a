import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../ipc/errors';
import { KEY_BYTES } from './connection';

// The database key is 32 random bytes. In the desktop app it is stored wrapped by the
// operating system's key store (Electron safeStorage), so the file on disk is useless without
// the user's login. The browser host and the tests have no such store and keep it in a key
// file inside their own data folder.

export const KEY_FILE = 'px-rounds.key';
export const WRAPPED_KEY_FILE = 'px-rounds.key.wrapped';
/** The database key wrapped under the recovery key (domain/recovery/recovery-wrap.ts). */
export const RECOVERY_KEY_FILE = 'px-rounds.key.recovery';

export type KeyWrapper = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

export function writeKeyFileAtomically(file: string, content: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: 0o600 });
  renameSync(temporary, file);
}

function parseHexKey(hex: string, where: string): Buffer {
  const trimmed = hex.trim();
  if (!/^[0-9a-f]{64}$/i.test(trimmed)) {
    throw new AppError('corrupt', `The key in ${where} is damaged, so the data cannot be unlocked.`);
  }
  return Buffer.from(trimmed, 'hex');
}

export function loadOrCreateKeyFile(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) return parseHexKey(readFileSync(file, 'utf8'), KEY_FILE);
  const key = randomBytes(KEY_BYTES);
  writeKeyFileAtomically(file, key.toString('hex'));
  return key;
}

function assertKeyStoreAvailable(wrapper: KeyWrapper): void {
  if (!wrapper.isEncryptionAvailable()) {
    throw new AppError(
      'storage',
      'This computer’s secure key store is not available, so PX Rounds cannot keep your data encrypted. Sign in to your desktop session and try again.',
    );
  }
}

/** The wrapped key, or null when this computer's key store cannot unwrap it. */
function unwrapKeyFile(file: string, wrapper: KeyWrapper): Buffer | null {
  let hex: string;
  try {
    hex = wrapper.decryptString(readFileSync(file));
  } catch {
    return null;
  }
  return parseHexKey(hex, WRAPPED_KEY_FILE);
}

export function loadOrCreateWrappedKey(dataDir: string, wrapper: KeyWrapper): Buffer {
  assertKeyStoreAvailable(wrapper);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, WRAPPED_KEY_FILE);
  if (existsSync(file)) {
    const key = unwrapKeyFile(file, wrapper);
    if (key === null) {
      throw new AppError(
        'corrupt',
        'The key that unlocks your data could not be read with this computer’s key store. It may belong to another user account.',
      );
    }
    return key;
  }
  const key = randomBytes(KEY_BYTES);
  writeKeyFileAtomically(file, wrapper.encryptString(key.toString('hex')));
  return key;
}

export type StoredKey = { ok: true; key: Buffer } | { ok: false; reason: 'missing' | 'unreadable' };

/**
 * Where a host keeps the database key: wrapped by the operating system's key store in the desktop
 * app, a plain key file for the browser host. `read` says whether this computer can give the key
 * back (a data folder moved to a new computer, or a re-imaged one, cannot); `replace` stores the
 * key for this computer, as after opening the data with its recovery key.
 */
export type DatabaseKeyStore = {
  /** The key file's name in the data folder. */
  fileName: string;
  read(): StoredKey;
  loadOrCreate(): Buffer;
  replace(key: Buffer): void;
};

export function plainKeyStore(dataDir: string): DatabaseKeyStore {
  const file = join(dataDir, KEY_FILE);
  return {
    fileName: KEY_FILE,
    read: () =>
      existsSync(file)
        ? { ok: true, key: parseHexKey(readFileSync(file, 'utf8'), KEY_FILE) }
        : { ok: false, reason: 'missing' },
    loadOrCreate: () => loadOrCreateKeyFile(dataDir),
    replace: (key) => writeKeyFileAtomically(file, key.toString('hex')),
  };
}

export function wrappedKeyStore(dataDir: string, wrapper: KeyWrapper): DatabaseKeyStore {
  const file = join(dataDir, WRAPPED_KEY_FILE);
  return {
    fileName: WRAPPED_KEY_FILE,
    read: () => {
      assertKeyStoreAvailable(wrapper);
      if (!existsSync(file)) return { ok: false, reason: 'missing' };
      const key = unwrapKeyFile(file, wrapper);
      return key === null ? { ok: false, reason: 'unreadable' } : { ok: true, key };
    },
    loadOrCreate: () => loadOrCreateWrappedKey(dataDir, wrapper),
    replace: (key) => {
      assertKeyStoreAvailable(wrapper);
      writeKeyFileAtomically(file, wrapper.encryptString(key.toString('hex')));
    },
  };
}
