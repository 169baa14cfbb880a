import { z } from 'zod';
import { SETTING_KEYS } from '../../db/repositories/settings-repository';
import type { ResponseOf } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { replacedKeyAuditDetail, setAsideLockedKeyFile, wrappedKeyState } from '../signing/locked-keys';
import { formatFingerprint } from '../signing/signing-keys';
import { collectionKeyInfo, type BundlesDeps } from './bundles-service';
import {
  COLLECTION_KEY_FILE,
  createCollectionIdentity,
  readKeptCollectionPublicKey,
} from './collection-keys';

// When this laptop's key store cannot open the PEIG lead's collection key (a re-imaged laptop,
// see domain/signing/locked-keys.ts), bundles sent to it can no longer be opened here. The lead
// can make a new one under the same name: the old wrapped file is kept aside, the old key stays
// on record, and contributors are asked for the new key file and to send again what was not
// imported yet.

const EarlierKeys = z.array(
  z.object({
    keyId: z.string(),
    fingerprint: z.string(),
    name: z.string(),
    replacedAt: z.string(),
    keptAs: z.string(),
  }),
);
type EarlierKey = z.infer<typeof EarlierKeys>[number];

export function earlierCollectionKeys(deps: BundlesDeps): EarlierKey[] {
  const parsed = EarlierKeys.safeParse(deps.store.settings.get(SETTING_KEYS.earlierCollectionKeys) ?? []);
  return parsed.success ? parsed.data : [];
}

export function collectionKeyState(deps: BundlesDeps): ResponseOf<'bundles:collection-key-state'> {
  return {
    state: wrappedKeyState(deps.dataDir, COLLECTION_KEY_FILE, deps.keyWrapper),
    earlierKeys: earlierCollectionKeys(deps),
  };
}

/** Fallback name when the old public file is gone too; the lead can tell contributors which it is. */
const UNNAMED = 'PEIG collection';

export function replaceLockedCollectionKey(
  deps: BundlesDeps,
): ResponseOf<'bundles:replace-locked-collection-key'> {
  const state = wrappedKeyState(deps.dataDir, COLLECTION_KEY_FILE, deps.keyWrapper);
  if (!deps.keyWrapper.isEncryptionAvailable() || state !== 'locked') {
    throw new AppError(
      'validation',
      state === 'ready'
        ? 'Your collection key opens on this computer, so it has not been replaced.'
        : state === 'none'
          ? 'This laptop has no collection key to replace. Set one up instead.'
          : 'This computer’s secure key store is not available, so no new key was made. Sign in to your desktop session and try again.',
      'confirm',
    );
  }
  const old = readKeptCollectionPublicKey(deps.dataDir);
  const keptAs = setAsideLockedKeyFile(deps.dataDir, COLLECTION_KEY_FILE, deps.store.now());
  const name = old?.name ?? UNNAMED;
  const made = createCollectionIdentity(deps.dataDir, deps.keyWrapper, name);
  const earlier: EarlierKey = {
    keyId: old?.keyId ?? '',
    fingerprint: old ? formatFingerprint(old.keyId) : '',
    name,
    replacedAt: deps.store.now().toISOString(),
    keptAs,
  };
  deps.store.transaction(() => {
    if (old) {
      deps.store.settings.set(
        SETTING_KEYS.earlierCollectionKeys,
        [...earlierCollectionKeys(deps), earlier],
        earlier.replacedAt,
      );
    }
    deps.store.audit.append({
      action: 'create',
      entity: 'collection_key',
      entityId: made.keyId,
      detail: {
        name,
        fingerprint: formatFingerprint(made.keyId),
        algorithm: 'X25519',
        ...replacedKeyAuditDetail(earlier),
      },
    });
  });
  return { key: collectionKeyInfo(deps), earlier };
}
