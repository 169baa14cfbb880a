import { createHash, sign } from 'node:crypto';
import {
  CONTENT_TYPES_PART,
  MANIFEST_PART,
  PACKAGE_RELATIONSHIPS_PART,
  PackageError,
  SIGNATURE_PART,
  withSignatureParts,
} from './opc-package';
import {
  canonicalManifestBytes,
  manifestSchema,
  SIGNATURE_FORMAT,
  type SignatureManifest,
} from './signature-manifest';
import type { SigningIdentity } from './signing-keys';
import type { AuditAnchorDto } from '../../ipc/audit-schemas';
import { entryContent, entryFor, localRecords, readZip, writeZip, type ZipEntry } from './zip-container';

// Signing a .docx: declare the two signature parts in the package (so the manifest can hash
// the final [Content_Types].xml and _rels/.rels), lay the zip out canonically, hash every part
// and the bytes before the manifest, sign the manifest, and append it and its signature as the
// last two entries. The sidecar signature is over the finished file, for people who would
// rather check it with openssl than with PX Rounds.

export type SignDocxOptions = {
  identity: SigningIdentity;
  /** The kind of export, e.g. "round_summary" (EXPORT_KINDS in ipc/vocabulary.ts). */
  documentType: string;
  title: string;
  appVersion: string;
  signer: { name: string; role: string };
  signedAt: Date;
  /** The signer's audit log head, signed, carried in the manifest. */
  auditAnchor?: AuditAnchorDto;
};

export type SignedDocx = {
  /** The signed .docx, ready to write. */
  bytes: Buffer;
  /** The raw 64-byte Ed25519 signature over `bytes`, written beside it as FILE.docx.sig. */
  sidecar: Buffer;
  manifest: SignatureManifest;
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function replaceText(entry: ZipEntry, text: string): ZipEntry {
  return entryFor(entry.name, Buffer.from(text, 'utf8'));
}

export function signDocx(unsigned: Uint8Array, options: SignDocxOptions): SignedDocx {
  const entries = readZip(unsigned).map(({ offset: _offset, ...entry }) => entry);
  if (entries.some((e) => e.name.toLowerCase().startsWith('px-rounds/'))) {
    throw new PackageError('This document has already been signed; sign the original export instead.');
  }
  const contentTypes = entries.find((e) => e.name === CONTENT_TYPES_PART);
  const rels = entries.find((e) => e.name === PACKAGE_RELATIONSHIPS_PART);
  if (!contentTypes || !rels)
    throw new PackageError('This is not a Word document: its package parts are missing.');

  const declared = withSignatureParts(
    entryContent(contentTypes).toString('utf8'),
    entryContent(rels).toString('utf8'),
  );
  // [Content_Types].xml first, as Office writes it; the rest in the order the builder made them.
  const content: ZipEntry[] = [
    replaceText(contentTypes, declared.contentTypes),
    ...entries.filter((e) => e !== contentTypes).map((e) => (e === rels ? replaceText(e, declared.rels) : e)),
  ];

  const prefix = localRecords(content);
  const manifest: SignatureManifest = {
    format: SIGNATURE_FORMAT,
    documentType: options.documentType,
    title: options.title,
    appVersion: options.appVersion,
    signer: { name: options.signer.name, role: options.signer.role },
    keyId: options.identity.keyId,
    publicKeyPem: options.identity.publicKeyPem,
    signedAt: options.signedAt.toISOString(),
    parts: content
      .map((e) => {
        const bytes = entryContent(e);
        return { name: e.name, size: bytes.length, sha256: sha256(bytes) };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    packageBytes: { length: prefix.length, sha256: sha256(prefix) },
    ...(options.auditAnchor ? { auditAnchor: options.auditAnchor } : {}),
  };
  // Checked against the schema the verifier uses, so a title or name too long for it is refused
  // here rather than producing a file that can never verify.
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) {
    throw new PackageError(
      `The document cannot be signed: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}.`,
    );
  }
  const manifestBytes = canonicalManifestBytes(manifest);
  const signature = sign(null, manifestBytes, options.identity.privateKey);

  // Stored, not deflated: the manifest is small, and a reader can see it with any zip tool.
  const bytes = writeZip([
    ...content,
    entryFor(MANIFEST_PART, manifestBytes, 0),
    entryFor(SIGNATURE_PART, signature, 0),
  ]);
  if (!bytes.subarray(0, prefix.length).equals(prefix)) throw new Error('zip layout changed while signing');
  return { bytes, sidecar: sign(null, bytes, options.identity.privateKey), manifest };
}
