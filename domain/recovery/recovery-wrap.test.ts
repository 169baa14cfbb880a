import { randomBytes, webcrypto } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test/helpers/test-context';
import {
  readRecoveryFile,
  recoveryFilePath,
  unwrapDatabaseKey,
  wrapDatabaseKey,
  writeRecoveryFile,
  type RecoveryFileContent,
} from './recovery-wrap';

const secret = Buffer.from('00112233445566778899aabbccddeeff01234567', 'hex');
const databaseKey = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const salt = Buffer.from('a0a1a2a3a4a5a6a7a8a9aaabacadaeaf', 'hex');
const nonce = Buffer.from('b0b1b2b3b4b5b6b7b8b9babb', 'hex');
const madeAt = new Date('2026-12-07T22:00:00Z');
// scrypt(secret, salt, N=2^15, r=8, p=1, 32 bytes), as Python's hashlib.scrypt computes it.
const SCRYPT_KAT = '69bf1e020862f5e29b129e3f7d9e125195cef6f5f2aa33ab0278df74bdb98f67';

const known: RecoveryFileContent = {
  format: 'px-rounds recovery key wrap v1',
  kdf: { name: 'scrypt', N: 32768, r: 8, p: 1, salt: 'oKGio6SlpqeoqaqrrK2urw==' },
  cipher: { name: 'AES-256-GCM', nonce: 'sLGys7S1tre4ubq7', tag: '3oHSQrzEAHYp2XoXKJJApw==' },
  wrappedKey: '8O8eoj8zAgDcFDPZqf7fj1B+Q2YolVLUbxvga3O5h3k=',
  madeAt: '2026-12-07T22:00:00.000Z',
};

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

const flipFirstByte = (value: string) => {
  const bytes = Buffer.from(value, 'base64');
  bytes[0]! ^= 1;
  return bytes.toString('base64');
};

describe('the recovery wrap of the database key', () => {
  it('gives the known answer for a fixed secret, salt and nonce', () => {
    expect(wrapDatabaseKey(databaseKey, secret, madeAt, { salt, nonce })).toEqual(known);
  });

  it('is plain scrypt then AES-256-GCM: Web Crypto opens it with the scrypt output', async () => {
    const wrapping = await webcrypto.subtle.importKey(
      'raw',
      Buffer.from(SCRYPT_KAT, 'hex'),
      'AES-GCM',
      false,
      ['decrypt'],
    );
    const opened = await webcrypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: nonce,
        additionalData: Buffer.from(known.format, 'utf8'),
        tagLength: 128,
      },
      wrapping,
      Buffer.concat([Buffer.from(known.wrappedKey, 'base64'), Buffer.from(known.cipher.tag, 'base64')]),
    );
    expect(Buffer.from(opened).equals(databaseKey)).toBe(true);
  });

  it('unwraps with the right secret only', () => {
    expect(unwrapDatabaseKey(known, secret)?.equals(databaseKey)).toBe(true);
    const other = Buffer.from(secret);
    other[19]! ^= 1;
    expect(unwrapDatabaseKey(known, other)).toBeNull();
  });

  it('refuses a file changed in any part: the wrapped key, its tag, the nonce or the salt', () => {
    const tampered: RecoveryFileContent[] = [
      { ...known, wrappedKey: flipFirstByte(known.wrappedKey) },
      { ...known, cipher: { ...known.cipher, tag: flipFirstByte(known.cipher.tag) } },
      { ...known, cipher: { ...known.cipher, nonce: flipFirstByte(known.cipher.nonce) } },
      { ...known, kdf: { ...known.kdf, salt: flipFirstByte(known.kdf.salt) } },
    ];
    for (const content of tampered) expect(unwrapDatabaseKey(content, secret)).toBeNull();
  });

  it('makes a new salt and nonce each time, so two recovery keys never share a wrap', () => {
    const a = wrapDatabaseKey(databaseKey, randomBytes(20), madeAt);
    const b = wrapDatabaseKey(databaseKey, randomBytes(20), madeAt);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.nonce).not.toBe(b.cipher.nonce);
  });

  it('writes the file for its owner only, without the database key in it, and reads it back', () => {
    const temp = makeTempDir();
    temps.push(temp);
    writeRecoveryFile(temp.dir, known);
    const text = readFileSync(recoveryFilePath(temp.dir), 'utf8');
    expect(text).not.toContain(databaseKey.toString('hex'));
    expect(text).not.toContain(databaseKey.toString('base64'));
    if (process.platform !== 'win32') expect(statSync(recoveryFilePath(temp.dir)).mode & 0o777).toBe(0o600);
    expect(readRecoveryFile(temp.dir)).toEqual(known);
  });

  it('reports a damaged recovery file in plain words, and no file as none', () => {
    const temp = makeTempDir();
    temps.push(temp);
    expect(readRecoveryFile(temp.dir)).toBeNull();
    writeFileSync(recoveryFilePath(temp.dir), JSON.stringify({ ...known, kdf: { ...known.kdf, N: 2 } }));
    expect(() => readRecoveryFile(temp.dir)).toThrow(
      /recovery file in the data folder \(px-rounds.key.recovery\) is damaged/,
    );
    writeFileSync(recoveryFilePath(temp.dir), '{');
    expect(() => readRecoveryFile(temp.dir)).toThrow(/is damaged/);
  });
});
