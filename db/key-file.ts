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

export type KeyWrapper = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

function writeAtomically(file: string, content: string | Buffer): void {
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
  writeAtomically(file, key.toString('hex'));
  return key;
}

export function loadOrCreateWrappedKey(dataDir: string, wrapper: KeyWrapper): Buffer {
  if (!wrapper.isEncryptionAvailable()) {
    throw new AppError(
      'storage',
      'This computer’s secure key store is not available, so PX Rounds cannot keep your data encrypted. Sign in to your desktop session and try again.',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, WRAPPED_KEY_FILE);
  if (existsSync(file)) {
    let hex: string;
    try {
      hex = wrapper.decryptString(readFileSync(file));
    } catch {
      throw new AppError(
        'corrupt',
        'The key that unlocks your data could not be read with this computer’s key store. It may belong to another user account.',
      );
    }
    return parseHexKey(hex, WRAPPED_KEY_FILE);
  }
  const key = randomBytes(KEY_BYTES);
  writeAtomically(file, wrapper.encryptString(key.toString('hex')));
  return key;
}
