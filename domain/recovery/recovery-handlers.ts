import { validationError } from '../../ipc/errors';
import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import type { RecoveryKeys } from './recovery-service';

export type RecoveryHandlers = HandlerMap<
  'recovery:status' | 'recovery:create' | 'recovery:confirm' | 'recovery:unlock'
>;

/**
 * The channels while the data is open. While it is locked, the start-up gate answers them instead
 * (see recovery-gate.ts), where `recovery:unlock` does its work.
 */
export function recoveryHandlers(_store: Store, keys: RecoveryKeys): RecoveryHandlers {
  return {
    'recovery:status': () => keys.status(),
    'recovery:create': () => keys.create(),
    'recovery:confirm': ({ pendingId }) => keys.confirm(pendingId),
    'recovery:unlock': () => {
      throw validationError('recoveryKey', 'Your data is already open; there is nothing to unlock.');
    },
  };
}
