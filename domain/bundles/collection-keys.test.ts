import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileKeyWrapper } from '../signing/file-key-wrapper';
import { createSigningIdentity, formatFingerprint } from '../signing/signing-keys';
import { makeTempDir } from '../../test/helpers/test-context';
import {
  COLLECTION_KEY_FILE,
  collectionPublicKeyFile,
  createCollectionIdentity,
  loadCollectionIdentity,
  parseCollectionPublicKey,
} from './collection-keys';

let temp: { dir: string; remove: () => void };
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('the PEIG lead’s collection key', () => {
  it('is made once, kept only wrapped, and read back the same', () => {
    const wrapper = createFileKeyWrapper(temp.dir);
    expect(loadCollectionIdentity(temp.dir, wrapper)).toBeNull();
    const made = createCollectionIdentity(temp.dir, wrapper, 'PEIG, Example Trust');
    const onDisk = readFileSync(join(temp.dir, COLLECTION_KEY_FILE));
    expect(onDisk.toString('latin1')).not.toContain('PRIVATE KEY');
    const loaded = loadCollectionIdentity(temp.dir, wrapper)!;
    expect(loaded.keyId).toBe(made.keyId);
    expect(loaded.name).toBe('PEIG, Example Trust');
    expect(() => createCollectionIdentity(temp.dir, wrapper, 'Again')).toThrow(
      /already has a collection key/,
    );
  });

  it('cannot be opened from a copied file with another folder’s key store', () => {
    createCollectionIdentity(temp.dir, createFileKeyWrapper(temp.dir), 'PEIG');
    const other = makeTempDir();
    try {
      const copy = readFileSync(join(temp.dir, COLLECTION_KEY_FILE));
      writeFileSync(join(other.dir, COLLECTION_KEY_FILE), copy);
      expect(() => loadCollectionIdentity(other.dir, createFileKeyWrapper(other.dir))).toThrow(
        /could not be unlocked/,
      );
    } finally {
      other.remove();
    }
  });

  it('says it is damaged when its file unwraps but holds no X25519 key', () => {
    const wrapper = createFileKeyWrapper(temp.dir);
    const notX25519 = createSigningIdentity().privateKey.export({ type: 'pkcs8', format: 'pem' });
    const file = join(temp.dir, COLLECTION_KEY_FILE);
    writeFileSync(file, wrapper.encryptString(JSON.stringify({ name: 'PEIG', privateKeyPem: notX25519 })));
    expect(() => loadCollectionIdentity(temp.dir, wrapper)).toThrow(
      `The collection key (${COLLECTION_KEY_FILE}) is damaged.`,
    );
    writeFileSync(file, wrapper.encryptString('not json'));
    expect(() => loadCollectionIdentity(temp.dir, wrapper)).toThrow(/is damaged/);
  });

  it('shares its public half as a file with the same fingerprint on both sides', () => {
    const made = createCollectionIdentity(temp.dir, createFileKeyWrapper(temp.dir), 'PEIG');
    const file = collectionPublicKeyFile(made);
    expect(file).toContain(formatFingerprint(made.keyId));
    expect(file).not.toContain('PRIVATE');
    const added = parseCollectionPublicKey(file);
    expect(added.keyId).toBe(made.keyId);
    expect(added.name).toBe('PEIG');
  });

  it('refuses a file whose key does not match its fingerprint, a private key, a signing key, and other files', () => {
    const made = createCollectionIdentity(temp.dir, createFileKeyWrapper(temp.dir), 'PEIG');
    const elsewhere = makeTempDir();
    const other = createCollectionIdentity(elsewhere.dir, createFileKeyWrapper(elsewhere.dir), 'Other');
    elsewhere.remove();
    const swapped = JSON.parse(collectionPublicKeyFile(made)) as Record<string, string>;
    swapped.publicKeyPem = other.publicKeyPem;
    expect(() => parseCollectionPublicKey(JSON.stringify(swapped))).toThrow(/does not match its fingerprint/);
    const privatePem = String(made.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(() => parseCollectionPublicKey(privatePem)).toThrow(/PRIVATE key/);
    const signing = { ...swapped, publicKeyPem: createSigningIdentity().publicKeyPem };
    expect(() => parseCollectionPublicKey(JSON.stringify(signing))).toThrow(
      /ED25519 key, not a collection key/,
    );
    expect(() => parseCollectionPublicKey('hello')).toThrow(/not a collection key file/);
  });
});
