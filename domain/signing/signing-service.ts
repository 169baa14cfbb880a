import type { ParsedRequestOf, ResponseOf } from '../../ipc/contract';
import { notFoundError, validationError } from '../../ipc/errors';
import type { KeyWrapper } from '../../db/key-file';
import type { TrustedSignerRow } from '../../db/repositories/signing-repository';
import type { Store } from '../store';
import {
  formatFingerprint,
  loadOrCreateSigningIdentity,
  SigningKeyError,
  type SigningIdentity,
} from './signing-keys';
import { trustedSignerFromPem, type TrustedSigner } from './trusted-signers';

// The user's own signing key and the list of colleagues whose keys they trust. The key is made
// the first time it is needed (the key screen, a sign-off or an export), kept wrapped by the
// KeyWrapper the app was started with, and its creation is recorded in the audit log.

export type SigningIdentitySource = () => SigningIdentity;

export function createSigningIdentitySource(
  store: Store,
  dataDir: string,
  wrapper: KeyWrapper,
): SigningIdentitySource {
  let identity: SigningIdentity | null = null;
  return () => {
    if (identity) return identity;
    const loaded = loadOrCreateSigningIdentity(dataDir, wrapper);
    if (loaded.created) {
      store.transaction(() =>
        store.audit.append({
          action: 'create',
          entity: 'signing_key',
          entityId: loaded.identity.keyId,
          detail: { fingerprint: formatFingerprint(loaded.identity.keyId), algorithm: 'Ed25519' },
        }),
      );
    }
    identity = loaded.identity;
    return identity;
  };
}

export function identityInfo(identity: SigningIdentity): ResponseOf<'signing:identity'> {
  return {
    keyId: identity.keyId,
    fingerprint: formatFingerprint(identity.keyId),
    publicKeyPem: identity.publicKeyPem,
  };
}

const toInfo = (row: TrustedSignerRow): ResponseOf<'signing:trust'> => ({
  keyId: row.keyId,
  fingerprint: formatFingerprint(row.keyId),
  name: row.name,
  role: row.role,
  publicKeyPem: row.publicKeyPem,
  addedAt: row.addedAt,
});

export const trustedSignerList = (store: Store): ResponseOf<'signing:trusted-list'> => ({
  signers: store.trustedSigners.list().map(toInfo),
});

/** The trusted list in the shape verify-export.ts takes. */
export const trustedSignersForVerify = (store: Store): TrustedSigner[] =>
  store.trustedSigners
    .list()
    .map(({ name, role, keyId, publicKeyPem }) => ({ name, role, keyId, publicKeyPem }));

export function trustSigner(
  store: Store,
  identity: SigningIdentitySource,
  request: ParsedRequestOf<'signing:trust'>,
): ResponseOf<'signing:trust'> {
  // Parsing first: a private key or a certificate is refused before anything is written, and
  // the refusal names the form's field.
  let signer: TrustedSigner;
  try {
    signer = trustedSignerFromPem(request.name, request.role, request.publicKeyPem);
  } catch (error) {
    if (error instanceof SigningKeyError) throw validationError('publicKeyPem', error.message);
    throw error;
  }
  return store.transaction(() => {
    if (signer.keyId === identity().keyId) {
      throw validationError(
        'publicKeyPem',
        'This is your own public key. Your own signatures are recognised already; import a colleague’s key instead',
      );
    }
    const existing = store.trustedSigners.get(signer.keyId);
    const row: TrustedSignerRow = {
      ...signer,
      addedAt: existing?.addedAt ?? store.now().toISOString(),
    };
    store.trustedSigners.save(row);
    store.audit.append({
      action: existing ? 'update' : 'create',
      entity: 'trusted_signer',
      entityId: signer.keyId,
      detail: { name: signer.name, role: signer.role, fingerprint: formatFingerprint(signer.keyId) },
    });
    return toInfo(row);
  });
}

export function untrustSigner(store: Store, keyId: string): ResponseOf<'signing:untrust'> {
  return store.transaction(() => {
    const existing = store.trustedSigners.get(keyId);
    if (!existing) throw notFoundError('That trusted signer');
    store.trustedSigners.remove(keyId);
    store.audit.append({
      action: 'delete',
      entity: 'trusted_signer',
      entityId: keyId,
      detail: { name: existing.name, role: existing.role, fingerprint: formatFingerprint(keyId) },
    });
    return trustedSignerList(store);
  });
}
