import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyWrapper } from '../../db/key-file';
import { createFileKeyWrapper } from './file-key-wrapper';
import {
  createSigningIdentity,
  exportPublicKeyPem,
  formatFingerprint,
  keyIdOf,
  loadOrCreateSigningIdentity,
  parsePublicKeyPem,
  rawPublicKey,
  SIGNING_KEY_FILE,
} from './signing-keys';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'px-rounds-keys-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('signing identities', () => {
  it('uses the SHA-256 of the raw 32-byte public key as the key id, shown as 16 groups of 4', () => {
    const identity = createSigningIdentity();
    const raw = rawPublicKey(identity.publicKey);
    expect(raw).toHaveLength(32);
    expect(identity.keyId).toBe(createHash('sha256').update(raw).digest('hex'));
    const fingerprint = formatFingerprint(identity.keyId);
    expect(fingerprint.split(' ')).toHaveLength(16);
    expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });

  it('exports a public key PEM that imports back to the same key id', () => {
    const identity = createSigningIdentity();
    const pem = exportPublicKeyPem(identity);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keyIdOf(parsePublicKeyPem(pem))).toBe(identity.keyId);
    expect(keyIdOf(parsePublicKeyPem(`\r\n  ${pem.replace(/\n/g, '\r\n')}  `))).toBe(identity.keyId);
  });
});

describe('importing a colleague’s public key', () => {
  const identity = createSigningIdentity();

  it('refuses a private key and warns that it may have been exposed', () => {
    const pem = String(identity.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => parsePublicKeyPem(pem)).toThrow(/PRIVATE key.*exposed/s);
  });

  it('refuses RSA and elliptic-curve keys, naming the kind', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(() => parsePublicKeyPem(String(rsa))).toThrow(/RSA key; PX Rounds signatures use Ed25519/);
    expect(() => parsePublicKeyPem(String(ec))).toThrow(/EC key; PX Rounds signatures use Ed25519/);
  });

  it('refuses text that is not a PEM, a certificate, two keys at once and a damaged key', () => {
    const pem = identity.publicKeyPem;
    expect(() => parsePublicKeyPem('hello')).toThrow(/not a public key file/);
    expect(() => parsePublicKeyPem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).toThrow(
      /certificate, not a public key/,
    );
    expect(() => parsePublicKeyPem(pem + pem)).toThrow(/holds 2 keys/);
    expect(() => parsePublicKeyPem(pem.replace('MCowBQYDK2Vw', 'MCow!QYDK2Vw'))).toThrow(/damaged/);
    expect(() => parsePublicKeyPem(pem.replace('MCowBQYDK2Vw', 'MCowBQYDK2Vx'))).toThrow(/damaged/);
    const der = identity.publicKey.export({ type: 'spki', format: 'der' });
    const padded = Buffer.concat([der, Buffer.from([0])]).toString('base64');
    expect(() =>
      parsePublicKeyPem(`-----BEGIN PUBLIC KEY-----\n${padded}\n-----END PUBLIC KEY-----`),
    ).toThrow(/damaged|unusual/);
  });
});

describe('the stored signing key', () => {
  it('is made once, stored only wrapped, and read back as the same identity', () => {
    const dir = dataDir();
    const wrapper = createFileKeyWrapper(dir);
    const first = loadOrCreateSigningIdentity(dir, wrapper);
    const second = loadOrCreateSigningIdentity(dir, createFileKeyWrapper(dir));
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.identity.keyId).toBe(first.identity.keyId);

    const stored = readFileSync(join(dir, SIGNING_KEY_FILE));
    const pkcs8 = first.identity.privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(stored.toString('latin1')).not.toContain('PRIVATE KEY');
    expect(stored.includes(pkcs8.subarray(-32))).toBe(false);
  });

  it('cannot be unlocked with another data folder’s key', () => {
    const dir = dataDir();
    loadOrCreateSigningIdentity(dir, createFileKeyWrapper(dir));
    const other = dataDir();
    writeFileSync(join(other, SIGNING_KEY_FILE), readFileSync(join(dir, SIGNING_KEY_FILE)));
    expect(() => loadOrCreateSigningIdentity(other, createFileKeyWrapper(other))).toThrow(
      /could not be unlocked/,
    );
  });

  it('refuses to create a key when the key store is unavailable', () => {
    const unavailable: KeyWrapper = {
      isEncryptionAvailable: () => false,
      encryptString: () => Buffer.alloc(0),
      decryptString: () => '',
    };
    expect(() => loadOrCreateSigningIdentity(dataDir(), unavailable)).toThrow(/key store is not available/);
  });

  it('goes through the wrapper it is given (safeStorage in the app)', () => {
    const dir = dataDir();
    const calls: string[] = [];
    const inner = createFileKeyWrapper(dir);
    const spy: KeyWrapper = {
      isEncryptionAvailable: () => true,
      encryptString: (plain) => (calls.push('encrypt'), inner.encryptString(plain)),
      decryptString: (data) => (calls.push('decrypt'), inner.decryptString(data)),
    };
    loadOrCreateSigningIdentity(dir, spy);
    loadOrCreateSigningIdentity(dir, spy);
    expect(calls).toEqual(['encrypt', 'decrypt']);
  });
});
