import { randomBytes, randomUUID } from 'node:crypto';
import { readBackupContents } from '../../db/backup-restore';
import type { DatabaseKeyStore } from '../../db/key-file';
import { AppError, validationError } from '../../ipc/errors';
import type { ResponseOf } from '../../ipc/contract';
import type { Store } from '../store';
import { encodeRecoveryGroups, parseRecoveryKey, SECRET_BYTES } from './recovery-code';
import {
  readRecoveryFile,
  unwrapDatabaseKey,
  type RecoveryFileContent,
  wrapDatabaseKey,
  writeRecoveryFile,
  WRONG_RECOVERY_KEY_MESSAGE,
} from './recovery-wrap';

// Making a recovery key: a new secret is shown, and only once the person says they have printed
// or stored it is the database key wrapped under it and written to the data folder (replacing
// any earlier recovery file, whose key then stops working). Until then nothing is written, so a
// key nobody saw can never be the only one that works.

export type RecoveryKeys = {
  status: () => ResponseOf<'recovery:status'>;
  create: () => ResponseOf<'recovery:create'>;
  confirm: (pendingId: string) => ResponseOf<'recovery:confirm'>;
};

/** The recovery file, or 'damaged' when it cannot be read: then it is no use, and can only be replaced. */
function currentRecoveryFile(dataDir: string): RecoveryFileContent | 'damaged' | null {
  try {
    return readRecoveryFile(dataDir);
  } catch {
    return 'damaged';
  }
}

export function createRecoveryKeys(store: Store, dataDir: string, databaseKey: Buffer): RecoveryKeys {
  let pending: { id: string; secret: Buffer } | null = null;
  return {
    status: () => {
      const current = currentRecoveryFile(dataDir);
      // A damaged file opens nothing, so the person is asked to make a recovery key as if none.
      return { state: 'open', madeAt: current === null || current === 'damaged' ? null : current.madeAt };
    },
    create: () => {
      pending?.secret.fill(0);
      pending = { id: randomUUID(), secret: randomBytes(SECRET_BYTES) };
      return { pendingId: pending.id, groups: encodeRecoveryGroups(pending.secret) };
    },
    confirm: (pendingId) => {
      if (pending === null || pending.id !== pendingId) {
        throw validationError(
          'pendingId',
          'This recovery key is no longer the one waiting to be kept (a newer one was made, or PX Rounds was restarted). Make a new recovery key.',
        );
      }
      const made = pending;
      const replaced = currentRecoveryFile(dataDir) !== null;
      const content = wrapDatabaseKey(databaseKey, made.secret, store.now());
      store.transaction(() => {
        store.audit.append({
          action: replaced ? 'update' : 'create',
          entity: 'recovery_key',
          entityId: made.id,
          detail: { kdf: 'scrypt', cipher: 'AES-256-GCM', replacedEarlierKey: replaced },
        });
        // Last in the transaction: a write that fails takes the audit entry back with it.
        writeRecoveryFile(dataDir, content);
      });
      made.secret.fill(0);
      pending = null;
      return { madeAt: content.madeAt };
    },
  };
}

const DIFFERENT_DATABASE_MESSAGE =
  'This recovery key fits the recovery file in this data folder, but the data file beside it was saved with a different key, so it cannot be opened with it. The data file may have been replaced by one from another computer. Nothing has been changed.';

/**
 * Opens a data folder with its recovery key: the key as typed is read (a typo is named by its
 * group), the database key unwrapped from the recovery file and tried on the data file, read-only,
 * and only then stored for this computer's key store. A key that fails any step changes nothing
 * on disk. Returns the database key.
 */
export function unlockWithRecoveryKey(options: {
  dataDir: string;
  databaseFile: string;
  keyStore: DatabaseKeyStore;
  typed: string;
  nativeBinding?: string;
}): Buffer {
  const parsed = parseRecoveryKey(options.typed);
  if (!parsed.ok) throw validationError('recoveryKey', parsed.message);
  const content = readRecoveryFile(options.dataDir);
  if (content === null) {
    throw new AppError(
      'missing_data',
      'There is no recovery file in this data folder, so a recovery key cannot open it. Nothing has been changed.',
    );
  }
  const key = unwrapDatabaseKey(content, parsed.secret);
  if (key === null) throw validationError('recoveryKey', WRONG_RECOVERY_KEY_MESSAGE);
  try {
    readBackupContents(options.databaseFile, key, options.nativeBinding);
  } catch (error) {
    throw new AppError(
      'corrupt',
      DIFFERENT_DATABASE_MESSAGE,
      undefined,
      error instanceof Error ? error.message : String(error),
    );
  }
  options.keyStore.replace(key);
  return key;
}
