import type { ParsedRequestOf, ResponseOf } from '../../ipc/contract';
import { formatFingerprint, type SigningIdentity } from '../signing/signing-keys';
import { earlierKeysForVerify } from '../signing/key-replacement-service';
import { trustedSignersForVerify } from '../signing/signing-service';
import type { TrustedSigner } from '../signing/trusted-signers';
import { verifySignedDocx } from '../signing/verify-export';
import type { Store } from '../store';

// "Is this file what its signer signed, and do I trust the signer?", for a file the person
// chose in the app. The trusted list is the database's, plus the person's own key: their own
// exports are theirs, and their own key cannot be added to the list. Keys they had to replace
// (made on a computer whose key store is gone) still count as theirs, named as earlier keys.

export const OWN_KEY_NAME = 'You (this computer’s signing key)';

export function verifyExport(
  store: Store,
  ownIdentity: SigningIdentity | null,
  request: ParsedRequestOf<'exports:verify'>,
): ResponseOf<'exports:verify'> {
  const bytes = Buffer.from(request.contentBase64, 'base64');
  const trusted: TrustedSigner[] = [...trustedSignersForVerify(store), ...earlierKeysForVerify(store)];
  if (ownIdentity) {
    trusted.push({
      name: OWN_KEY_NAME,
      role: '',
      keyId: ownIdentity.keyId,
      publicKeyPem: ownIdentity.publicKeyPem,
    });
  }
  const result = verifySignedDocx(bytes, trusted);
  return {
    fileName: request.fileName,
    valid: result.valid,
    trusted: result.trusted,
    signer: result.signer,
    trustedAs: result.trustedSigner
      ? { name: result.trustedSigner.name, role: result.trustedSigner.role }
      : null,
    keyId: result.keyId,
    fingerprint: result.keyId ? formatFingerprint(result.keyId) : null,
    signedAt: result.signedAt,
    documentType: result.documentType,
    title: result.title,
    appVersion: result.appVersion,
    problems: result.problems,
  };
}
