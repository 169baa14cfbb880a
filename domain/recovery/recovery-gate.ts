import { existsSync, statSync } from 'node:fs';
import { checkDataFolder, type DataFolderPaths } from '../../db/data-folder-check';
import type { DatabaseKeyStore } from '../../db/key-file';
import { channelNames } from '../../ipc/contract';
import { AppError } from '../../ipc/errors';
import { createDispatcher, type Dispatch, type Handlers } from '../handler-registry';
import type { Store } from '../store';
import { unlockWithRecoveryKey } from './recovery-service';
import { readRecoveryFile } from './recovery-wrap';

// Start-up of a data folder. Where this computer can read the database key (or the folder is new)
// the app opens as it always has. Where it cannot (the folder came from another computer, or the
// key store was reset by a re-imaged laptop or a new profile) and a recovery file is there, the
// app starts locked: only the recovery channels answer, and the start-up screen asks for the
// recovery key. Every other case keeps the refusals of checkDataFolder and the key store.

export type Openable = { dispatch: Dispatch; close: () => void; store: Store };

export type RecoveryGate<C extends Openable> = {
  dispatch: Dispatch;
  /** The open app, or null while the data is locked. */
  readonly context: C | null;
  close: () => void;
};

export const LOCKED_MESSAGE =
  'Your data is locked on this computer until it is opened with its recovery key.';

const hasDatabase = (file: string) => existsSync(file) && statSync(file).size > 0;

export function openThroughRecoveryGate<C extends Openable>(options: {
  paths: DataFolderPaths;
  keyStore: DatabaseKeyStore;
  nativeBinding?: string;
  /** Opens the app over the data folder with its database key. */
  open: (key: Buffer) => C;
}): RecoveryGate<C> {
  const { paths, keyStore } = options;
  const stored = hasDatabase(paths.databaseFile) ? keyStore.read() : null;
  if (stored === null || stored.ok || readRecoveryFile(paths.dataDir) === null) {
    checkDataFolder(paths);
    const context = options.open(stored?.ok ? stored.key : keyStore.loadOrCreate());
    return { dispatch: context.dispatch, context, close: () => context.close() };
  }

  const reason = stored.reason;
  let current: C | null = null;
  const refuse = () => {
    throw new AppError('missing_data', LOCKED_MESSAGE);
  };
  // Every channel refuses while locked, except the two the start-up screen needs.
  const handlers = {
    ...(Object.fromEntries(channelNames.map((channel) => [channel, refuse])) as unknown as Handlers),
    'recovery:status': () => ({ state: 'locked', reason, dataFolder: paths.dataDir }) as const,
    'recovery:unlock': ({ recoveryKey }) => {
      const key = unlockWithRecoveryKey({
        dataDir: paths.dataDir,
        databaseFile: paths.databaseFile,
        keyStore,
        typed: recoveryKey,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      const context = options.open(key);
      context.store.transaction(() =>
        context.store.audit.append({
          action: 'update',
          entity: 'database_key',
          entityId: keyStore.fileName,
          detail: { openedWith: 'recovery key', keyStoredFor: 'this computer', previously: reason },
        }),
      );
      current = context;
      return { opened: true } as const;
    },
  } satisfies Handlers;
  const locked = createDispatcher(handlers);
  return {
    dispatch: (channel, payload) => (current ? current.dispatch(channel, payload) : locked(channel, payload)),
    get context() {
      return current;
    },
    close: () => current?.close(),
  };
}
