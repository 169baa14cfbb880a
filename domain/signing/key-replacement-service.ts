import { z } from 'zod';
import type { KeyWrapper } from '../../db/key-file';
import { SETTING_KEYS } from '../../db/repositories/settings-repository';
import type { ResponseOf } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import type { Store } from '../store';
import { replacedKeyAuditDetail, setAsideLockedKeyFile, wrappedKeyState } from './locked-keys';
import {
  formatFingerprint,
  loadOrCreateSigningIdentity,
  readKeptPublicKey,
  SIGNING_KEY_FILE,
} from './signing-keys';
import { identityInfo, type SigningIdentitySource } from './signing-service';
import type { TrustedSigner } from './trusted-signers';

// When this computer's key store cannot open the person's signing key (see locked-keys.ts),
// they can make a new one. The old public key is kept on record as their earlier key, so
// documents they signed before still verify as their own; the old wrapped file is kept aside.

export const EARLIER_KEY_NAME = 'You (your earlier signing key)';

const EarlierKeys = z.array(
  z.object({
    keyId: z.string(),
    fingerprint: z.string(),
    publicKeyPem: z.string(),
    replacedAt: z.string(),
    keptAs: z.string(),
  }),
);
type EarlierKey = z.infer<typeof EarlierKeys>[number];

export function earlierSigningKeys(store: Store): EarlierKey[] {
  const parsed = EarlierKeys.safeParse(store.settings.get(SETTING_KEYS.earlierSigningKeys) ?? []);
  return parsed.success ? parsed.data : [];
}

/** The person's earlier keys, in the shape verify-export.ts takes. */
export const earlierKeysForVerify = (store: Store): TrustedSigner[] =>
  earlierSigningKeys(store).map(({ keyId, publicKeyPem }) => ({
    name: EARLIER_KEY_NAME,
    role: '',
    keyId,
    publicKeyPem,
  }));

export function signingKeyState(
  store: Store,
  dataDir: string,
  wrapper: KeyWrapper,
): ResponseOf<'signing:key-state'> {
  return {
    state: wrappedKeyState(dataDir, SIGNING_KEY_FILE, wrapper),
    earlierKeys: earlierSigningKeys(store),
  };
}

export function replaceLockedSigningKey(
  store: Store,
  dataDir: string,
  wrapper: KeyWrapper,
  identity: SigningIdentitySource,
): ResponseOf<'signing:replace-locked-key'> {
  if (!wrapper.isEncryptionAvailable()) {
    throw new AppError(
      'storage',
      'This computer’s secure key store is not available, so no new key was made. Sign in to your desktop session and try again.',
    );
  }
  const state = wrappedKeyState(dataDir, SIGNING_KEY_FILE, wrapper);
  if (state !== 'locked') {
    throw new AppError(
      'validation',
      state === 'ready'
        ? 'Your signing key opens on this computer, so it has not been replaced.'
        : 'You have no signing key yet: one is made the first time you sign.',
      'confirm',
    );
  }
  // Without the public file (keys made before it was kept) the old key id is still recorded in
  // the audit log's entry for that key; only its public key cannot be put on record here.
  const old = readKeptPublicKey(dataDir);
  const keptAs = setAsideLockedKeyFile(dataDir, SIGNING_KEY_FILE, store.now());
  // Made here rather than through `identity`, so the one audit entry below says it replaced a key.
  const made = loadOrCreateSigningIdentity(dataDir, wrapper).identity;
  const earlier: EarlierKey = {
    keyId: old?.keyId ?? '',
    fingerprint: old ? formatFingerprint(old.keyId) : '',
    publicKeyPem: old?.publicKeyPem ?? '',
    replacedAt: store.now().toISOString(),
    keptAs,
  };
  store.transaction(() => {
    if (old)
      store.settings.set(
        SETTING_KEYS.earlierSigningKeys,
        [...earlierSigningKeys(store), earlier],
        earlier.replacedAt,
      );
    store.audit.append({
      action: 'create',
      entity: 'signing_key',
      entityId: made.keyId,
      detail: {
        fingerprint: formatFingerprint(made.keyId),
        algorithm: 'Ed25519',
        ...replacedKeyAuditDetail(earlier),
      },
    });
  });
  return { identity: identityInfo(identity()), earlier };
}
