import type { ParsedRequestOf, ResponseOf } from '../../ipc/contract';
import { formatDateTime } from '../documents/document-labels';
import { auditAnchorSignatureValid, type CarriedAnchor } from '../signing/audit-anchor';
import { formatFingerprint } from '../signing/signing-keys';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';
import type { AuditAnchoring } from './audit-anchors';

// Someone who holds both the database key and the signing key can rebuild the log and sign new
// anchors for it. What they cannot change is a document or bundle that has been with PEIG since
// it was signed: its anchor still names the entry and hash the log had then. Bringing one back
// and checking it here shows whether this laptop's log still agrees.

type Outcome = ResponseOf<'audit:check-document'>;

/** Reads the anchor out of a signed export and out of a bundle (given by the app, which knows both). */
export type AnchorReaders = {
  docx: (bytes: Buffer) => CarriedAnchor;
  bundle: (bytes: Buffer) => CarriedAnchor;
};

const BUNDLE_START = 'PX-ROUNDS-BUNDLE';

export function checkDocumentAnchor(
  store: Store,
  options: { anchoring: AuditAnchoring; identity: SigningIdentitySource; readers: AnchorReaders },
  request: ParsedRequestOf<'audit:check-document'>,
): Outcome {
  const { fileName } = request;
  const bytes = Buffer.from(request.contentBase64, 'base64');
  const notCheckable = (message: string): Outcome => ({
    fileName,
    outcome: 'not_checkable',
    seq: null,
    message,
  });
  const isBundle = bytes.subarray(0, BUNDLE_START.length).toString('latin1') === BUNDLE_START;
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!isBundle && !isZip) {
    return notCheckable('This is neither a PX Rounds export (.docx) nor a PEIG bundle (.pxbundle).');
  }
  const what = isBundle ? 'bundle' : 'document';
  const carried = isBundle ? options.readers.bundle(bytes) : options.readers.docx(bytes);
  if ('problem' in carried) return notCheckable(carried.problem);
  const { anchor } = carried;
  if (anchor === null) {
    return notCheckable(
      `This ${what} was made before PX Rounds signed the audit log into what it sends, so it has nothing to compare.`,
    );
  }
  const own = options.anchoring.hasSigningKey() ? options.identity().keyId : null;
  if (carried.signerKeyId !== own || anchor.keyId !== own) {
    return notCheckable(
      `This ${what} was signed on another computer (key ${formatFingerprint(carried.signerKeyId)}): it speaks for that computer’s audit log, not this one’s.`,
    );
  }
  if (!auditAnchorSignatureValid(anchor, carried.publicKey)) {
    return notCheckable(`The audit log record in this ${what} does not carry a valid signature.`);
  }
  const when = formatDateTime(anchor.at);
  const head = store.audit.head();
  if (anchor.seq > head.seq) {
    return {
      fileName,
      outcome: 'truncated',
      seq: anchor.seq,
      message: `Entries have been deleted from the end of this computer’s audit log. When this ${what} was signed on ${when}, the log reached entry ${anchor.seq}; it now ends at entry ${head.seq}.`,
    };
  }
  if (store.audit.recomputedHashAt(anchor.seq) !== anchor.headHash) {
    return {
      fileName,
      outcome: 'rewritten',
      seq: anchor.seq,
      message: `This computer’s audit log has been changed since this ${what} was signed on ${when}: entry ${anchor.seq} is not the entry it was then, and the log was rebuilt to hide it.`,
    };
  }
  return {
    fileName,
    outcome: 'matches',
    seq: anchor.seq,
    message: `This computer’s audit log still holds, unchanged, all ${anchor.seq.toLocaleString('en-GB')} entries it held when this ${what} was signed on ${when}.`,
  };
}
