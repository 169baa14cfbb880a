import { AppError } from '../../ipc/errors';
import { exportPublicKeyPem, keyIdOf, parsePublicKeyPem } from './signing-keys';

// The people whose signatures a PEIG member trusts: colleagues' public keys, imported from
// the .pem files they exported. Plain data and pure functions; where the list is kept (the
// database) is the caller's business. Trust is by key id, never by name: anyone can type a
// name into a manifest, only the holder of the private key can sign with it.

export type TrustedSigner = {
  name: string;
  role: string;
  /** SHA-256 of the raw public key (see signing-keys.ts), 64 lower-case hex digits. */
  keyId: string;
  /** The public key as imported, normalised to a single SPKI PEM block. */
  publicKeyPem: string;
};

/** Parses a colleague's PEM (refusing anything but an Ed25519 public key) into a list entry. */
export function trustedSignerFromPem(name: string, role: string, pem: string): TrustedSigner {
  const trimmedName = name.trim();
  if (trimmedName.length === 0) {
    throw new AppError('validation', 'Enter the name of the person this key belongs to.', 'name');
  }
  const key = parsePublicKeyPem(pem);
  return { name: trimmedName, role: role.trim(), keyId: keyIdOf(key), publicKeyPem: exportPublicKeyPem(key) };
}

/** Adds a signer, or replaces the entry with the same key (a corrected name or role). */
export function addTrustedSigner(list: readonly TrustedSigner[], signer: TrustedSigner): TrustedSigner[] {
  return [...list.filter((s) => s.keyId !== signer.keyId), signer];
}

export function removeTrustedSigner(list: readonly TrustedSigner[], keyId: string): TrustedSigner[] {
  return list.filter((s) => s.keyId !== keyId.toLowerCase());
}

/**
 * The entry for `keyId`, checking the entry's key really has that id, so a hand-edited list
 * cannot vouch for a key it does not hold.
 */
export function findTrustedSigner(list: readonly TrustedSigner[], keyId: string): TrustedSigner | null {
  for (const signer of list) {
    if (signer.keyId !== keyId.toLowerCase()) continue;
    try {
      if (keyIdOf(parsePublicKeyPem(signer.publicKeyPem)) === signer.keyId) return signer;
    } catch {
      // A damaged entry vouches for nobody.
    }
  }
  return null;
}
