import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test/helpers/test-context';
import {
  KEY_FILE,
  loadOrCreateKeyFile,
  loadOrCreateWrappedKey,
  WRAPPED_KEY_FILE,
  type KeyWrapper,
} from './key-file';

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));
function dir() {
  const t = makeTempDir();
  temps.push(t);
  return t.dir;
}

// A stand-in for the OS key store: reversible, but never the identity, so a test can tell
// whether the key was written wrapped.
const xorWrapper = (available = true): KeyWrapper => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
  decryptString: (encrypted) => Buffer.from([...encrypted].map((b) => b ^ 0x5a)).toString('utf8'),
});

describe('key file (browser host and tests)', () => {
  it('creates a random 32-byte key once, readable only by the owner, and reuses it', () => {
    const folder = dir();
    const key = loadOrCreateKeyFile(folder);
    expect(key).toHaveLength(32);
    expect(statSync(join(folder, KEY_FILE)).mode & 0o077).toBe(0);
    expect(loadOrCreateKeyFile(folder).equals(key)).toBe(true);
    expect(loadOrCreateKeyFile(dir()).equals(key)).toBe(false);
  });

  it('refuses a damaged key file rather than making a new key', () => {
    const folder = dir();
    writeFileSync(join(folder, KEY_FILE), 'not a key');
    expect(() => loadOrCreateKeyFile(folder)).toThrow(/damaged/);
  });
});

describe('wrapped key (desktop app)', () => {
  it('never writes the key in plain text', () => {
    const folder = dir();
    const key = loadOrCreateWrappedKey(folder, xorWrapper());
    const onDisk = readFileSync(join(folder, WRAPPED_KEY_FILE));
    expect(onDisk.includes(Buffer.from(key.toString('hex')))).toBe(false);
    expect(onDisk.includes(key)).toBe(false);
    expect(loadOrCreateWrappedKey(folder, xorWrapper()).equals(key)).toBe(true);
  });

  it('refuses to run without the key store rather than storing the key unprotected', () => {
    expect(() => loadOrCreateWrappedKey(dir(), xorWrapper(false))).toThrow(
      /secure key store is not available/,
    );
  });

  it('explains when the wrapped key cannot be unwrapped', () => {
    const folder = dir();
    loadOrCreateWrappedKey(folder, xorWrapper());
    const failing: KeyWrapper = {
      ...xorWrapper(),
      decryptString: () => {
        throw new Error('bad');
      },
    };
    expect(() => loadOrCreateWrappedKey(folder, failing)).toThrow(/could not be read/);
  });
});
