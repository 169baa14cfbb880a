import { useState } from 'react';
import type { RequestOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { navigate } from '../../router';

/**
 * Raising an action from an observation or a story in one step (its words, area and tags carry
 * over), then going to the action's page to give it an owner. A refusal is passed to `onError`.
 */
export function useRaiseAction(source: RequestOf<'actions:create-from'>, onError: (message: string) => void) {
  const [busy, setBusy] = useState(false);
  const raise = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api['actions:create-from'](source);
    setBusy(false);
    if (!result.ok) {
      onError(result.error.message);
      return;
    }
    navigate({ name: 'action', actionId: result.value.id });
  };
  return { raise, busy };
}
