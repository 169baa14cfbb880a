import { createHash, verify, type KeyObject } from 'node:crypto';
import type { AuditAnchorDto } from '../../ipc/audit-schemas';
import { MANIFEST_PART, SIGNATURE_PART } from './opc-package';
import { parseManifest, type SignatureManifest } from './signature-manifest';
import { keyIdOf, parsePublicKeyPem } from './signing-keys';
import { findTrustedSigner, type TrustedSigner } from './trusted-signers';
import { entryContent, readZip, writeZip, ZipFormatError, type ReadZipEntry } from './zip-container';

// Verification answers two separate questions, and the app and the command line show both:
// - valid: is this file, byte for byte, what the key in its manifest signed? Any change at all
//   (a flipped bit, edited text, a part added, removed or re-compressed, a different manifest,
//   a signature from another key, a cut-short file) makes it invalid;
// - trusted: is that key one the reader has imported as a colleague's? A valid file from an
//   unknown key proves only that somebody signed it, whatever name they typed.

export type VerificationResult = {
  valid: boolean;
  trusted: boolean;
  /** Who the manifest says signed, when it could be read (even if the file is invalid). */
  signer: { name: string; role: string } | null;
  keyId: string | null;
  /** The signer's public key as carried in the manifest, e.g. to check the sidecar .sig. */
  publicKeyPem: string | null;
  signedAt: string | null;
  documentType: string | null;
  title: string | null;
  appVersion: string | null;
  /** The signer's audit log head when they signed, in files signed since anchors were added. */
  auditAnchor: AuditAnchorDto | null;
  /**
   * The reader's own entry for the key that signed the manifest, their name for the signer
   * winning; set for a changed file too when its manifest's signature still checks out.
   */
  trustedSigner: TrustedSigner | null;
  /** Why the file is not valid, in plain words; empty when valid. */
  problems: string[];
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const SIGNATURE_BYTES = 64;

function result(manifest: SignatureManifest | null, problems: string[]): VerificationResult {
  return {
    valid: false,
    trusted: false,
    signer: manifest ? { ...manifest.signer } : null,
    keyId: manifest?.keyId ?? null,
    publicKeyPem: manifest?.publicKeyPem ?? null,
    signedAt: manifest?.signedAt ?? null,
    documentType: manifest?.documentType ?? null,
    title: manifest?.title ?? null,
    appVersion: manifest?.appVersion ?? null,
    auditAnchor: manifest?.auditAnchor ?? null,
    trustedSigner: null,
    problems,
  };
}

function checkSignature(manifest: SignatureManifest, manifestBytes: Buffer, signature: Buffer): string[] {
  let key: KeyObject;
  try {
    key = parsePublicKeyPem(manifest.publicKeyPem);
  } catch {
    return ['The public key in the signature manifest is damaged.'];
  }
  const problems: string[] = [];
  if (keyIdOf(key) !== manifest.keyId) {
    problems.push('The key id in the signature manifest does not belong to the public key it carries.');
  }
  if (signature.length !== SIGNATURE_BYTES || !verify(null, manifestBytes, key, signature)) {
    problems.push(
      'The signature does not match the signature manifest: the manifest was changed, or the signature was made with another key.',
    );
  }
  return problems;
}

function checkParts(manifest: SignatureManifest, content: readonly ReadZipEntry[]): string[] {
  const problems: string[] = [];
  const expected = new Map(manifest.parts.map((p) => [p.name, p]));
  const present = new Set(content.map((e) => e.name));
  for (const entry of content) {
    const part = expected.get(entry.name);
    if (!part) {
      problems.push(`${entry.name} was added after signing.`);
      continue;
    }
    try {
      const bytes = entryContent(entry);
      if (bytes.length !== part.size || sha256(bytes) !== part.sha256)
        problems.push(`${entry.name} was changed after signing.`);
    } catch (error) {
      problems.push(error instanceof ZipFormatError ? `${error.message}.` : `${entry.name} cannot be read.`);
    }
  }
  for (const name of expected.keys())
    if (!present.has(name)) problems.push(`${name} was removed after signing.`);
  return problems;
}

/**
 * Byte-exactness: the zip must be exactly the canonical layout of its entries (see
 * zip-container.ts), with the manifest and signature last, and the bytes before the manifest
 * must hash to what the manifest says. Together with the signature this covers every byte.
 */
function checkLayout(bytes: Buffer, entries: readonly ReadZipEntry[], manifest: SignatureManifest): string[] {
  const problems: string[] = [];
  const names = entries.map((e) => e.name);
  const manifestEntry = entries[entries.length - 2];
  if (names[names.length - 2] !== MANIFEST_PART || names[names.length - 1] !== SIGNATURE_PART) {
    problems.push(
      'The signature parts are not where PX Rounds put them: the file was rearranged after signing.',
    );
  }
  if (!writeZip(entries).equals(bytes)) {
    problems.push(
      'The file’s zip structure was changed after signing (for example, it was re-saved or re-zipped by another program).',
    );
  }
  const prefixLength = manifestEntry?.offset ?? 0;
  if (
    prefixLength !== manifest.packageBytes.length ||
    sha256(bytes.subarray(0, prefixLength)) !== manifest.packageBytes.sha256
  ) {
    problems.push('The document’s bytes were changed after signing.');
  }
  return problems;
}

export function verifySignedDocx(
  input: Uint8Array,
  trustedSigners: readonly TrustedSigner[],
): VerificationResult {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let entries: ReadZipEntry[];
  try {
    entries = readZip(bytes);
  } catch (error) {
    const why = error instanceof ZipFormatError ? error.message : 'it is not a zip file';
    return result(null, [`The file cannot be read as a Word document: ${why}.`]);
  }
  const manifestEntry = entries.find((e) => e.name === MANIFEST_PART);
  const signatureEntry = entries.find((e) => e.name === SIGNATURE_PART);
  if (!manifestEntry || !signatureEntry) {
    const missing =
      !manifestEntry && !signatureEntry ? 'carries no PX Rounds signature' : 'has only part of its signature';
    return result(null, [`This Word document ${missing}.`]);
  }

  let manifestBytes: Buffer;
  let signature: Buffer;
  try {
    manifestBytes = entryContent(manifestEntry);
    signature = entryContent(signatureEntry);
  } catch (error) {
    return result(null, [
      error instanceof ZipFormatError
        ? `The signature is damaged: ${error.message}.`
        : 'The signature is damaged.',
    ]);
  }
  const parsed = parseManifest(manifestBytes);
  if ('error' in parsed) return result(null, [parsed.error]);
  const { manifest } = parsed;

  const problems = checkSignature(manifest, manifestBytes, signature);
  // The manifest is the key holder's own when its signature checks out, even if the parts were
  // changed since: the reader is told whose key signed it (their own, a colleague's), beside
  // the verdict that the file was changed. A manifest that fails its own check names nobody.
  const genuineManifest = problems.length === 0 && parsed.canonical;
  if (!parsed.canonical) problems.push('The signature manifest was reformatted or edited after signing.');
  const content = entries.filter((e) => e !== manifestEntry && e !== signatureEntry);
  problems.push(...checkParts(manifest, content), ...checkLayout(bytes, entries, manifest));

  const verdict = result(manifest, problems);
  const trustedSigner = genuineManifest ? findTrustedSigner(trustedSigners, manifest.keyId) : null;
  if (problems.length > 0) return { ...verdict, trustedSigner };
  return { ...verdict, valid: true, trusted: trustedSigner !== null, trustedSigner };
}

/** Checks the sidecar FILE.docx.sig: a raw Ed25519 signature over the whole file. */
export function verifySidecarSignature(docx: Uint8Array, sidecar: Uint8Array, publicKeyPem: string): boolean {
  try {
    return sidecar.length === SIGNATURE_BYTES && verify(null, docx, parsePublicKeyPem(publicKeyPem), sidecar);
  } catch {
    return false;
  }
}
