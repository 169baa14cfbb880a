// Connects ipcMain to the one handler registry. Every channel in the contract is registered,
// and each call is answered only for the app's own page; anything else gets a refusal in the
// same Result shape as every other error, because a throw would lose its kind on the way.
import { channelNames, type ChannelName } from '../../ipc/contract';
import type { Result } from '../../ipc/errors';
import { isTrustedIpcSender } from './security-guards';

export type Dispatch = (channel: unknown, payload: unknown) => Promise<Result<unknown>>;

/** The part of Electron's IpcMainInvokeEvent the bridge reads. */
export type InvokeEvent = { readonly senderFrame: { readonly url: string } | null };

export type IpcListener = (event: InvokeEvent, payload: unknown) => Promise<Result<unknown>>;

export const UNTRUSTED_SENDER_MESSAGE =
  'This request did not come from the PX Rounds window, so it was refused.';

function senderUrl(event: InvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    // Electron throws when the frame has been disposed mid-call; such a sender is not trusted.
    return null;
  }
}

export function createIpcListener(channel: ChannelName, dispatch: Dispatch): IpcListener {
  return async (event, payload) => {
    if (!isTrustedIpcSender(senderUrl(event))) {
      return { ok: false, error: { kind: 'validation', message: UNTRUSTED_SENDER_MESSAGE } };
    }
    try {
      return await dispatch(channel, payload);
    } catch {
      return {
        ok: false,
        error: {
          kind: 'storage',
          message: 'Something went wrong and the change may not have been saved. Please try again.',
        },
      };
    }
  };
}

export function registerIpcHandlers(
  handle: (channel: ChannelName, listener: IpcListener) => void,
  dispatch: Dispatch,
): void {
  for (const channel of channelNames) handle(channel, createIpcListener(channel, dispatch));
}
