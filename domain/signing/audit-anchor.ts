import { sign, verify, type KeyObject } from 'node:crypto';
import { AUDIT_ANCHOR_FORMAT, type AuditAnchorDto, type AuditAnchorEvent } from '../../ipc/audit-schemas';
import { canonical } from './signature-manifest';
import { parsePublicKeyPem, type SigningIdentity } from './signing-keys';
import { verifySignedDocx } from './verify-export';

// An audit anchor is the audit log's head (last sequence number and hash) at a moment, signed
// with the person's Ed25519 key. The signature covers the canonical JSON of every field but the
// signature itself, so there is one way to write a given anchor and nothing to reformat.

export type AuditHead = { seq: number; hash: string };

type Unsigned = Omit<AuditAnchorDto, 'signature'>;

const signedBytes = (anchor: Unsigned): Buffer => {
  const { format, seq, headHash, at, event, keyId } = anchor;
  return Buffer.from(canonical({ format, seq, headHash, at, event, keyId }), 'utf8');
};

export function signAuditAnchor(
  identity: SigningIdentity,
  head: AuditHead,
  event: AuditAnchorEvent,
  at: Date,
): AuditAnchorDto {
  const unsigned: Unsigned = {
    format: AUDIT_ANCHOR_FORMAT,
    seq: head.seq,
    headHash: head.hash,
    at: at.toISOString(),
    event,
    keyId: identity.keyId,
  };
  return {
    ...unsigned,
    signature: sign(null, signedBytes(unsigned), identity.privateKey).toString('base64'),
  };
}

/** Whether `publicKey` signed exactly this anchor. Any changed field makes it false. */
export function auditAnchorSignatureValid(anchor: AuditAnchorDto, publicKey: KeyObject): boolean {
  try {
    return verify(null, signedBytes(anchor), publicKey, Buffer.from(anchor.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The anchor a signed document or bundle carries, with the key that signed the file. */
export type CarriedAnchor =
  { anchor: AuditAnchorDto | null; publicKey: KeyObject; signerKeyId: string } | { problem: string };

/** The anchor in a signed export's manifest, if the file is exactly as it was signed. */
export function anchorInSignedDocx(bytes: Uint8Array): CarriedAnchor {
  const verified = verifySignedDocx(bytes, []);
  if (!verified.valid || verified.publicKeyPem === null || verified.keyId === null) {
    return {
      problem:
        `This document is not as it was signed, so what it says about the audit log cannot be relied on. ${verified.problems[0] ?? ''}`.trim(),
    };
  }
  return {
    anchor: verified.auditAnchor,
    publicKey: parsePublicKeyPem(verified.publicKeyPem),
    signerKeyId: verified.keyId,
  };
}
