import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomically } from '../signing/atomic-file';
import type { KeyWrapper } from '../../db/key-file';
import { AppError } from '../../ipc/errors';
import { formatFingerprint, keyIdOfRaw, rawCurvePublicKey } from '../signing/signing-keys';
import { wrappedKeyFile, type KeyPairIdentity, type WrappedKeyFile } from '../signing/wrapped-key-file';

// The PEIG lead's collection key: an X25519 key pair that bundles are encrypted to, so that only
// the lead's app can open them. It is made when the lead first sets collecting up, and its
// private half is written only wrapped by the same KeyWrapper as the signing key (Electron
// safeStorage in the app), so a copied data folder cannot open anyone's bundles.
//
// The public half travels as a small JSON file that contributors add in their app. Its key id,
// as for signing keys, is the SHA-256 of the raw 32-byte public key, shown on both sides as a
// fingerprint to compare by eye or over the phone.

export const COLLECTION_KEY_FILE = 'collection-key.wrapped';
export const COLLECTION_KEY_FORMAT = 'px-rounds-collection-key/1';
/**
 * The public file (the one shared with contributors), kept beside the wrapped key: if the key
 * store that wraps the private half is lost, it says which key and name were this laptop's.
 */
export const COLLECTION_PUBLIC_KEY_FILE = 'collection-key.public.json';

export type CollectionIdentity = KeyPairIdentity & {
  /** Whose collection this is, as the lead named it ("PEIG, Example NHS Foundation Trust"). */
  name: string;
};

export type CollectionPublicKey = { keyId: string; name: string; publicKey: KeyObject; publicKeyPem: string };

export class CollectionKeyError extends AppError {
  constructor(message: string) {
    super('validation', message, 'collectionKey');
    this.name = 'CollectionKeyError';
  }
}

export const rawX25519PublicKey = (publicKey: KeyObject): Buffer =>
  rawCurvePublicKey(
    publicKey,
    'X25519',
    () => new CollectionKeyError('This is not an X25519 collection key.'),
  );

export const collectionKeyIdOf = (publicKey: KeyObject): string => keyIdOfRaw(rawX25519PublicKey(publicKey));

const pemOf = (publicKey: KeyObject) => String(publicKey.export({ type: 'spki', format: 'pem' }));

const WrappedFile = z.object({ name: z.string(), privateKeyPem: z.string() });

const COLLECTION_KEY = {
  fileName: COLLECTION_KEY_FILE,
  subject: 'The collection key',
  object: 'a collection key',
  page: 'Collection key',
};

function unwrap(file: WrappedKeyFile): CollectionIdentity {
  const text = file.read();
  let parsed: z.infer<typeof WrappedFile>;
  let privateKey: KeyObject;
  try {
    parsed = WrappedFile.parse(JSON.parse(text));
    privateKey = createPrivateKey({ key: parsed.privateKeyPem, format: 'pem' });
  } catch {
    throw file.damaged();
  }
  if (privateKey.asymmetricKeyType !== 'x25519') throw file.damaged();
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: collectionKeyIdOf(publicKey),
    name: parsed.name,
    publicKey,
    privateKey,
    publicKeyPem: pemOf(publicKey),
  };
}

function keepPublicFile(dataDir: string, identity: CollectionIdentity): CollectionIdentity {
  const file = join(dataDir, COLLECTION_PUBLIC_KEY_FILE);
  const text = collectionPublicKeyFile(identity);
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
    writeFileAtomically(file, Buffer.from(text, 'utf8'), { overwrite: true });
  }
  return identity;
}

/** The public file kept beside the wrapped key, or null when there is none or it is damaged. */
export function readKeptCollectionPublicKey(dataDir: string): CollectionPublicKey | null {
  const file = join(dataDir, COLLECTION_PUBLIC_KEY_FILE);
  if (!existsSync(file)) return null;
  try {
    return parseCollectionPublicKey(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The collection key kept in `dataDir`, or null when this laptop does not collect. */
export function loadCollectionIdentity(dataDir: string, wrapper: KeyWrapper): CollectionIdentity | null {
  const file = wrappedKeyFile(dataDir, wrapper, COLLECTION_KEY);
  return file.exists() ? keepPublicFile(dataDir, unwrap(file)) : null;
}

/** Makes this laptop's collection key. Refuses if there is one already: replacing it would lock out every bundle sent to it. */
export function createCollectionIdentity(
  dataDir: string,
  wrapper: KeyWrapper,
  name: string,
): CollectionIdentity {
  const file = wrappedKeyFile(dataDir, wrapper, COLLECTION_KEY);
  file.requireKeyStore();
  if (file.exists()) {
    throw new AppError(
      'validation',
      'This laptop already has a collection key. Bundles sent to it could not be opened with a new one.',
      'name',
    );
  }
  const { privateKey } = generateKeyPairSync('x25519');
  const privateKeyPem = String(privateKey.export({ type: 'pkcs8', format: 'pem' }));
  file.write(JSON.stringify({ name, privateKeyPem }));
  return keepPublicFile(dataDir, unwrap(file));
}

const PublicFile = z.object({
  format: z.literal(COLLECTION_KEY_FORMAT),
  name: z.string().trim().min(1).max(200),
  keyId: z.string().regex(/^[0-9a-f]{64}$/),
  fingerprint: z.string(),
  publicKeyPem: z.string().max(1000),
});

/** The file the lead shares with contributors: the public half, its key id and fingerprint. */
export function collectionPublicKeyFile(
  identity: Pick<CollectionIdentity, 'keyId' | 'name' | 'publicKeyPem'>,
): string {
  const file: z.infer<typeof PublicFile> = {
    format: COLLECTION_KEY_FORMAT,
    name: identity.name,
    keyId: identity.keyId,
    fingerprint: formatFingerprint(identity.keyId),
    publicKeyPem: identity.publicKeyPem,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const ASK = 'Ask the PEIG lead for the collection key file PX Rounds saved for them (a .json file).';

/** Reads a collection key file, refusing anything but an X25519 public key whose id matches. */
export function parseCollectionPublicKey(text: string): CollectionPublicKey {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text) || /privateKeyPem/.test(text)) {
    throw new CollectionKeyError(
      'This file holds a PRIVATE key. Never share or add a private key: tell the PEIG lead it may have been exposed.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CollectionKeyError(`This is not a collection key file. ${ASK}`);
  }
  const parsed = PublicFile.safeParse(json);
  if (!parsed.success)
    throw new CollectionKeyError(`This is not a collection key file, or it is damaged. ${ASK}`);
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: parsed.data.publicKeyPem, format: 'pem' });
  } catch {
    throw new CollectionKeyError(`The collection key in this file is damaged. ${ASK}`);
  }
  if (publicKey.asymmetricKeyType !== 'x25519') {
    throw new CollectionKeyError(
      `This file holds a ${String(publicKey.asymmetricKeyType).toUpperCase()} key, not a collection key. ${ASK}`,
    );
  }
  if (collectionKeyIdOf(publicKey) !== parsed.data.keyId) {
    throw new CollectionKeyError(
      `The key in this file does not match its fingerprint: it has been changed. ${ASK}`,
    );
  }
  return { keyId: parsed.data.keyId, name: parsed.data.name, publicKey, publicKeyPem: pemOf(publicKey) };
}

/** A collection key kept in the database, as a KeyObject again (checked against its id). */
export function collectionPublicKeyFromPem(keyId: string, pem: string): KeyObject {
  const key = createPublicKey({ key: pem, format: 'pem' });
  if (key.asymmetricKeyType !== 'x25519' || collectionKeyIdOf(key) !== keyId) {
    throw new AppError(
      'corrupt',
      'A collection key kept on this laptop is damaged. Add it again from the PEIG lead’s file.',
    );
  }
  return key;
}
