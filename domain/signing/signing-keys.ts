import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from './atomic-file';
import type { KeyWrapper } from '../../db/key-file';
import { AppError } from '../../ipc/errors';
import { wrappedKeyFile, type KeyPairIdentity, type WrappedKeyFile } from './wrapped-key-file';

// Each person who signs has one Ed25519 key pair, made on first use. The private key is only
// ever written wrapped by a KeyWrapper (Electron safeStorage in the app: the operating system's
// key store, tied to the user's login), so a copied data folder cannot sign in their name.
//
// The key id is the SHA-256 of the raw 32-byte public key: short enough to read aloud in
// groups, and the same whatever encoding (PEM, JWK, raw) the key travels in.

export const SIGNING_KEY_FILE = 'signing-key.wrapped';
/**
 * The public half, in plain text beside the wrapped private key: if the key store that wraps
 * the private half is ever lost, this says which key was this person's (see locked-keys.ts).
 */
export const SIGNING_PUBLIC_KEY_FILE = 'signing-key.public.pem';

/** The signer's key pair; its publicKeyPem is what colleagues import. */
export type SigningIdentity = KeyPairIdentity;

export class SigningKeyError extends AppError {
  constructor(message: string) {
    super('validation', message, 'publicKey');
    this.name = 'SigningKeyError';
  }
}

/**
 * The raw 32 bytes of an Ed25519 or X25519 public key (the collection keys are X25519); `refuse`
 * makes the error for a key of any other kind.
 */
export function rawCurvePublicKey(
  publicKey: KeyObject,
  curve: 'Ed25519' | 'X25519',
  refuse: () => Error,
): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== curve || typeof jwk.x !== 'string') throw refuse();
  return Buffer.from(jwk.x, 'base64url');
}

/** The raw 32 bytes of an Ed25519 public key. */
export const rawPublicKey = (publicKey: KeyObject): Buffer =>
  rawCurvePublicKey(publicKey, 'Ed25519', () => new SigningKeyError('This is not an Ed25519 public key.'));

/** A key id from the raw bytes of a public key, for signing and collection keys alike. */
export const keyIdOfRaw = (raw: Buffer): string => createHash('sha256').update(raw).digest('hex');

export const keyIdOf = (publicKey: KeyObject): string => keyIdOfRaw(rawPublicKey(publicKey));

/** "1A2B 3C4D …": the key id as 16 groups of 4 hex digits, for comparing by eye or over the phone. */
export function formatFingerprint(keyId: string): string {
  if (!/^[0-9a-f]{64}$/i.test(keyId)) return keyId;
  return (keyId.toUpperCase().match(/.{4}/g) ?? []).join(' ');
}

export function exportPublicKeyPem(key: KeyObject | SigningIdentity): string {
  const publicKey = 'publicKeyPem' in key ? key.publicKey : key;
  return String(publicKey.export({ type: 'spki', format: 'pem' }));
}

/** The identity of an existing Ed25519 private key (from the key store, or a test seed). */
export function identityFromPrivateKey(privateKey: KeyObject): SigningIdentity {
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new SigningKeyError('The signing key is not Ed25519.');
  const publicKey = createPublicKey(privateKey);
  return { keyId: keyIdOf(publicKey), publicKey, privateKey, publicKeyPem: exportPublicKeyPem(publicKey) };
}

export function createSigningIdentity(): SigningIdentity {
  return identityFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Reads a colleague's public key. Only an Ed25519 public key in SPKI PEM form is accepted;
 * anything else gets a message saying what it is and what to ask for instead.
 */
export function parsePublicKeyPem(pem: string): KeyObject {
  const blocks = [...pem.matchAll(PEM_BLOCK)];
  const ask = 'Ask the signer to export their public key from PX Rounds (a .pem file).';
  if (blocks.length === 0) {
    throw new SigningKeyError(`This is not a public key file: it has no "BEGIN PUBLIC KEY" block. ${ask}`);
  }
  if (blocks.length > 1)
    throw new SigningKeyError(`This file holds ${blocks.length} keys; import one at a time.`);
  const [, label, body] = blocks[0] as RegExpMatchArray;
  if (label?.includes('PRIVATE')) {
    throw new SigningKeyError(
      'This is a PRIVATE key. Never share or import a private key: tell its owner it may have been exposed. ' +
        ask,
    );
  }
  if (label === 'CERTIFICATE') throw new SigningKeyError(`This is a certificate, not a public key. ${ask}`);
  if (label !== 'PUBLIC KEY')
    throw new SigningKeyError(`This is a "${label}" block, not a public key. ${ask}`);
  const base64 = (body ?? '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new SigningKeyError(`The public key is damaged. ${ask}`);
  const der = Buffer.from(base64, 'base64');
  let key: KeyObject;
  try {
    key = createPublicKey({ key: der, format: 'der', type: 'spki' });
  } catch {
    throw new SigningKeyError(`The public key is damaged. ${ask}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new SigningKeyError(
      `This is ${(key.asymmetricKeyType ?? 'an unknown').toUpperCase()} key; PX Rounds signatures use Ed25519 keys. ${ask}`,
    );
  }
  // One key, one encoding: trailing bytes or an odd encoding would make two "different" files
  // for the same key, which confuses anyone comparing them.
  if (!key.export({ type: 'spki', format: 'der' }).equals(der)) {
    throw new SigningKeyError(`The public key has extra or unusual content. ${ask}`);
  }
  return key;
}

const SIGNING_KEY = {
  fileName: SIGNING_KEY_FILE,
  subject: 'Your signing key',
  object: 'your signing key',
  page: 'Signing key',
};

function unwrapIdentity(file: WrappedKeyFile): SigningIdentity {
  const pem = file.read();
  try {
    return identityFromPrivateKey(createPrivateKey({ key: pem, format: 'pem' }));
  } catch {
    throw file.damaged();
  }
}

function keepPublicKey(dataDir: string, identity: SigningIdentity): void {
  const file = join(dataDir, SIGNING_PUBLIC_KEY_FILE);
  if (existsSync(file) && readFileSync(file, 'utf8') === identity.publicKeyPem) return;
  writeFileAtomically(file, Buffer.from(identity.publicKeyPem, 'utf8'), { mode: 0o644, overwrite: true });
}

/** The public key kept beside the wrapped one, or null when there is none or it is damaged. */
export function readKeptPublicKey(dataDir: string): { keyId: string; publicKeyPem: string } | null {
  const file = join(dataDir, SIGNING_PUBLIC_KEY_FILE);
  if (!existsSync(file)) return null;
  try {
    const key = parsePublicKeyPem(readFileSync(file, 'utf8'));
    return { keyId: keyIdOf(key), publicKeyPem: exportPublicKeyPem(key) };
  } catch {
    return null;
  }
}

/**
 * The user's signing identity: read from `dataDir`, or made and saved (wrapped) on first use.
 * `created` tells the caller to show the new fingerprint and record it in the audit log.
 */
export function loadOrCreateSigningIdentity(
  dataDir: string,
  wrapper: KeyWrapper,
): { identity: SigningIdentity; created: boolean } {
  const file = wrappedKeyFile(dataDir, wrapper, SIGNING_KEY);
  file.requireKeyStore();
  if (file.exists()) {
    const identity = unwrapIdentity(file);
    keepPublicKey(dataDir, identity);
    return { identity, created: false };
  }
  const identity = createSigningIdentity();
  // No overwrite: if two windows race on first run, the loser reads the winner's key.
  try {
    file.write(String(identity.privateKey.export({ type: 'pkcs8', format: 'pem' })));
  } catch (error) {
    if (error instanceof AppError && file.exists()) {
      return { identity: unwrapIdentity(file), created: false };
    }
    throw error;
  }
  keepPublicKey(dataDir, identity);
  return { identity, created: true };
}
