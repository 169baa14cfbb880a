import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  BUNDLE_FORMAT_VERSION,
  BUNDLE_FORMATS_READ,
  BundleBody,
  BundleHeader,
  type BundleHeaderDto,
} from '../../ipc/bundle-units-schemas';
import type { CarriedAnchor } from '../signing/audit-anchor';
import { formatFingerprint, keyIdOf, parsePublicKeyPem, type SigningIdentity } from '../signing/signing-keys';
import { canonical } from '../signing/signature-manifest';
import { BundleError } from './bundle-errors';
import { rawX25519PublicKey, type CollectionIdentity } from './collection-keys';

// The bundle file (docs/bundle-format.md has the same in prose, for trust IT):
//
//   PX-ROUNDS-BUNDLE 3\n                 magic and format version (1, 2 or 3), one line of ASCII
//   {header}\n                           canonical JSON, one line, in plain text (BundleHeader)
//   body                                 header.bodyBytes bytes: AES-256-GCM ciphertext + 16-byte tag
//   signature                            64 bytes: Ed25519 by the contributor over every byte above
//
// Encryption, composed from Node's primitives only: a fresh X25519 key pair per bundle; its
// Diffie-Hellman secret with the recipient's collection key goes through HKDF-SHA256 (salt: the
// bundle id; info: a label, the ephemeral and the recipient public keys) to a 32-byte AES key;
// the body is gzip of JSON {units}, sealed with AES-256-GCM under a random 12-byte nonce, with the
// magic line and header line as additional data, so the header cannot be swapped onto another
// body. The signature covers the ciphertext, so anyone with the contributor's public key (it is
// in the header; trust comes from comparing its fingerprint) can check a file without being able
// to open it. The key is used once, so the nonce never repeats under it.

export const BUNDLE_MAGIC = 'PX-ROUNDS-BUNDLE';
export const BUNDLE_EXTENSION = '.pxbundle';
const SIGNATURE_BYTES = 64;
const TAG_BYTES = 16;
const NONCE_BYTES = 12;
const HKDF_INFO = 'px-rounds bundle body v1';
/** Far above 50,000 observations (about 30 MB of JSON), and low enough that a crafted file cannot exhaust memory. */
export const MAX_BODY_PLAINTEXT_BYTES = 512 * 1024 * 1024;

export type BundleEnvelope = {
  header: BundleHeaderDto;
  /** Magic line and header line, the encryption's additional data. */
  headerBytes: Buffer;
  ciphertext: Buffer;
  contributorKey: KeyObject;
};

export type SealInput = {
  header: Omit<BundleHeaderDto, 'format' | 'encryption' | 'bodyBytes' | 'contributor' | 'recipientKeyId'> & {
    contributor: { name: string; role: string };
  };
  units: readonly unknown[];
  contributor: SigningIdentity;
  recipient: { keyId: string; publicKey: KeyObject };
  /** The format to write: the current one unless an older reader's is asked for (format 1 holds no tag labels). */
  format?: BundleHeaderDto['format'];
};

function bodyKey(shared: Buffer, bundleId: string, ephemeral: Buffer, recipient: Buffer): Buffer {
  const info = Buffer.concat([Buffer.from(HKDF_INFO, 'utf8'), ephemeral, recipient]);
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(bundleId, 'utf8'), info, 32));
}

/** Builds the signed, encrypted bundle file for `recipient`. */
export function sealBundle(input: SealInput): Buffer {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawX25519PublicKey(ephemeral.publicKey);
  const recipientRaw = rawX25519PublicKey(input.recipient.publicKey);
  const key = bodyKey(
    diffieHellman({ privateKey: ephemeral.privateKey, publicKey: input.recipient.publicKey }),
    input.header.bundleId,
    ephemeralRaw,
    recipientRaw,
  );
  const nonce = randomBytes(NONCE_BYTES);
  const plaintext = gzipSync(Buffer.from(JSON.stringify({ units: input.units }), 'utf8'));
  const format = input.format ?? BUNDLE_FORMAT_VERSION;
  const header: BundleHeaderDto = {
    ...input.header,
    format,
    contributor: {
      keyId: input.contributor.keyId,
      name: input.header.contributor.name,
      role: input.header.contributor.role,
      publicKeyPem: input.contributor.publicKeyPem,
    },
    recipientKeyId: input.recipient.keyId,
    encryption: {
      cipher: 'aes-256-gcm',
      kdf: 'hkdf-sha256',
      ephemeralPublicKey: ephemeralRaw.toString('base64'),
      nonce: nonce.toString('base64'),
    },
    bodyBytes: plaintext.length + TAG_BYTES,
  };
  const headerBytes = Buffer.from(`${BUNDLE_MAGIC} ${format}\n${canonical(header)}\n`, 'utf8');
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(headerBytes);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  const signed = Buffer.concat([headerBytes, ciphertext]);
  return Buffer.concat([signed, sign(null, signed, input.contributor.privateKey)]);
}

function lineEnd(bytes: Buffer, from: number, limit: number): number {
  const end = bytes.indexOf(0x0a, from);
  return end === -1 || end - from > limit ? -1 : end;
}

/**
 * Reads and checks everything that can be checked without the collection key: the magic line,
 * the format version, the header, the length, and the contributor's signature over the file.
 * Throws a BundleError naming what is wrong; returns the parts otherwise.
 */
export function readBundleEnvelope(bytes: Buffer): BundleEnvelope {
  const firstEnd = lineEnd(bytes, 0, 64);
  const first = firstEnd === -1 ? '' : bytes.subarray(0, firstEnd).toString('latin1');
  const magic = /^PX-ROUNDS-BUNDLE (\d{1,6})$/.exec(first);
  if (!magic) {
    throw new BundleError(
      'not_bundle',
      'This is not a PX Rounds bundle: it does not start as one. Check you chose the .pxbundle file the contributor sent, not another file renamed.',
    );
  }
  const version = Number(magic[1]);
  if (version > BUNDLE_FORMAT_VERSION) {
    throw new BundleError(
      'newer_format',
      `This bundle was made by a newer version of PX Rounds (bundle format ${version}; this version reads up to ${BUNDLE_FORMAT_VERSION}). Update PX Rounds, then import it again.`,
    );
  }
  if (!(BUNDLE_FORMATS_READ as readonly number[]).includes(version)) throw damaged();
  const headerEnd = lineEnd(bytes, firstEnd + 1, 64 * 1024);
  if (headerEnd === -1) throw truncatedOrDamaged(bytes.length, firstEnd + 1 + 64 * 1024);
  let header: BundleHeaderDto;
  try {
    const parsed = BundleHeader.safeParse(
      JSON.parse(bytes.subarray(firstEnd + 1, headerEnd).toString('utf8')),
    );
    if (!parsed.success) throw damaged();
    header = parsed.data;
  } catch {
    throw damaged();
  }
  if (header.format !== version) throw damaged();
  const headerBytes = bytes.subarray(0, headerEnd + 1);
  if (!headerBytes.equals(Buffer.from(`${first}\n${canonical(header)}\n`, 'utf8'))) throw damaged();
  const expected = headerBytes.length + header.bodyBytes + SIGNATURE_BYTES;
  if (bytes.length < expected) {
    throw new BundleError(
      'truncated',
      `This bundle is incomplete: it should be ${expected.toLocaleString('en-GB')} bytes and is ${bytes.length.toLocaleString('en-GB')}. It was probably cut short while being copied or attached; ask for it again.`,
    );
  }
  if (bytes.length > expected) {
    throw new BundleError(
      'damaged',
      'This bundle has extra data after its signature, so it is not as it was signed. Ask for it again.',
    );
  }
  let contributorKey: KeyObject;
  try {
    contributorKey = parsePublicKeyPem(header.contributor.publicKeyPem);
  } catch {
    throw damaged();
  }
  if (keyIdOf(contributorKey) !== header.contributor.keyId) throw badSignature();
  const signedEnd = bytes.length - SIGNATURE_BYTES;
  if (!verify(null, bytes.subarray(0, signedEnd), contributorKey, bytes.subarray(signedEnd)))
    throw badSignature();
  return { header, headerBytes, ciphertext: bytes.subarray(headerBytes.length, signedEnd), contributorKey };
}

/** Decrypts the body with this laptop's collection key; the units come back unvalidated. */
export function openBundleBody(envelope: BundleEnvelope, collection: CollectionIdentity): unknown[] {
  const { header } = envelope;
  if (header.recipientKeyId !== collection.keyId) {
    throw new BundleError(
      'wrong_recipient',
      `This bundle was made for another collection key (${formatFingerprint(header.recipientKeyId)}), not this laptop’s (${formatFingerprint(collection.keyId)}). Ask ${header.contributor.name || 'the contributor'} to add your collection key and send it again.`,
    );
  }
  const ephemeralRaw = Buffer.from(header.encryption.ephemeralPublicKey, 'base64');
  const nonce = Buffer.from(header.encryption.nonce, 'base64');
  if (ephemeralRaw.length !== 32 || nonce.length !== NONCE_BYTES) throw damaged();
  let plaintext: Buffer;
  try {
    const ephemeral = createPublicKey({
      key: { kty: 'OKP', crv: 'X25519', x: ephemeralRaw.toString('base64url') },
      format: 'jwk',
    });
    const key = bodyKey(
      diffieHellman({ privateKey: collection.privateKey, publicKey: ephemeral }),
      header.bundleId,
      ephemeralRaw,
      rawX25519PublicKey(collection.publicKey),
    );
    const body = envelope.ciphertext;
    const decipher = createDecipheriv('aes-256-gcm', key, nonce);
    decipher.setAAD(envelope.headerBytes);
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const compressed = Buffer.concat([
      decipher.update(body.subarray(0, body.length - TAG_BYTES)),
      decipher.final(),
    ]);
    plaintext = gunzipSync(compressed, { maxOutputLength: MAX_BODY_PLAINTEXT_BYTES });
  } catch {
    throw new BundleError(
      'damaged',
      'This bundle could not be opened with this laptop’s collection key: its contents are damaged. Ask for it again.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw damaged();
  }
  const body = BundleBody.safeParse(json);
  if (!body.success) throw damaged();
  return body.data.units;
}

/** SHA-256 of the whole file, to name a bundle in messages and logs. */
export const bundleFileSha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function damaged(): BundleError {
  return new BundleError('damaged', 'This bundle is damaged: its header cannot be read. Ask for it again.');
}

function truncatedOrDamaged(length: number, needed: number): BundleError {
  return length < needed
    ? new BundleError(
        'truncated',
        'This bundle is incomplete: it ends in the middle of its header. It was probably cut short while being copied; ask for it again.',
      )
    : damaged();
}

function badSignature(): BundleError {
  return new BundleError(
    'bad_signature',
    'This bundle has been changed since it was signed (its signature does not match its contents), so nothing in it can be trusted. Ask for it again.',
  );
}

/** The audit anchor in a bundle's header, once the contributor's signature over the file checks out. */
export function anchorInBundle(bytes: Buffer): CarriedAnchor {
  try {
    const envelope = readBundleEnvelope(bytes);
    return {
      anchor: envelope.header.auditAnchor ?? null,
      publicKey: envelope.contributorKey,
      signerKeyId: envelope.header.contributor.keyId,
    };
  } catch (error) {
    if (error instanceof BundleError) return { problem: error.message };
    throw error;
  }
}
