import { describe, expect, it } from 'vitest';
import { createSigningIdentity } from './signing-keys';
import {
  addTrustedSigner,
  findTrustedSigner,
  removeTrustedSigner,
  trustedSignerFromPem,
  type TrustedSigner,
} from './trusted-signers';

describe('trusted signers', () => {
  const alice = createSigningIdentity();
  const bob = createSigningIdentity();

  it('imports a colleague’s PEM as a list entry keyed by its key id', () => {
    const entry = trustedSignerFromPem('  Alice Grant ', 'Governor', alice.publicKeyPem);
    expect(entry).toEqual({
      name: 'Alice Grant',
      role: 'Governor',
      keyId: alice.keyId,
      publicKeyPem: alice.publicKeyPem,
    });
    expect(() => trustedSignerFromPem(' ', 'Governor', alice.publicKeyPem)).toThrow(/name of the person/);
  });

  it('replaces the entry for the same key instead of listing it twice, and removes by key id', () => {
    let list: TrustedSigner[] = [];
    list = addTrustedSigner(list, trustedSignerFromPem('Alice', 'Governor', alice.publicKeyPem));
    list = addTrustedSigner(list, trustedSignerFromPem('Bob', 'NED', bob.publicKeyPem));
    list = addTrustedSigner(list, trustedSignerFromPem('Alice Grant', 'Lead governor', alice.publicKeyPem));
    expect(list.map((s) => s.name)).toEqual(['Bob', 'Alice Grant']);
    expect(removeTrustedSigner(list, bob.keyId.toUpperCase()).map((s) => s.name)).toEqual(['Alice Grant']);
  });

  it('finds a signer only when the entry’s key really has that id', () => {
    const entry = trustedSignerFromPem('Alice', 'Governor', alice.publicKeyPem);
    expect(findTrustedSigner([entry], alice.keyId)?.name).toBe('Alice');
    expect(findTrustedSigner([entry], bob.keyId)).toBeNull();
    const forged: TrustedSigner = { ...entry, keyId: bob.keyId };
    expect(findTrustedSigner([forged], bob.keyId)).toBeNull();
    expect(findTrustedSigner([{ ...entry, publicKeyPem: 'damaged' }], alice.keyId)).toBeNull();
  });
});
