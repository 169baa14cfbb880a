import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../ipc/contract';
import {
  createIpcListener,
  registerIpcHandlers,
  UNTRUSTED_SENDER_MESSAGE,
  type InvokeEvent,
} from './ipc-bridge';

const fromApp: InvokeEvent = { senderFrame: { url: 'app://px-rounds/index.html#/rounds' } };

describe('the IPC bridge', () => {
  it('registers every channel in the contract, once', () => {
    const handle = vi.fn();
    registerIpcHandlers(handle, vi.fn());
    expect(handle.mock.calls.map(([channel]) => channel)).toEqual(channelNames);
  });

  it('passes a request from the app’s own page to the handler registry under its channel', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: [] }));
    const listener = createIpcListener('rounds:list', dispatch);
    await expect(listener(fromApp, {})).resolves.toEqual({ ok: true, value: [] });
    expect(dispatch).toHaveBeenCalledWith('rounds:list', {});
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.com/' } }],
    ['a look-alike origin', { senderFrame: { url: 'app://px-rounds.evil.com/index.html' } }],
    ['a local file', { senderFrame: { url: 'file:///tmp/page.html' } }],
    ['a frame that has gone', { senderFrame: null }],
  ])('refuses a request from %s without reaching the handlers', async (_what, event: InvokeEvent) => {
    const dispatch = vi.fn();
    const result = await createIpcListener('observations:delete', dispatch)(event, { id: 'x' });
    expect(result).toEqual({ ok: false, error: { kind: 'validation', message: UNTRUSTED_SENDER_MESSAGE } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses when reading the sender frame throws (a disposed frame)', async () => {
    const event = {
      get senderFrame(): { url: string } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const dispatch = vi.fn();
    expect((await createIpcListener('rounds:list', dispatch)(event, {})).ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers with a storage error rather than throwing if the registry ever throws', async () => {
    const listener = createIpcListener('rounds:list', () => Promise.reject(new Error('boom')));
    await expect(listener(fromApp, {})).resolves.toMatchObject({ ok: false, error: { kind: 'storage' } });
  });
});
