import { describe, expect, it } from 'vitest';
import { channelNames } from '../../ipc/contract';
import { createApi, type Invoke } from './create-api';

// A stand-in for ipcRenderer.invoke that records each call and answers with the channel it
// was sent on, so a function wired to the wrong channel shows up even when two channels
// share request and response types (which the type check alone cannot catch).
function recordingInvoke() {
  const calls: Array<[string, unknown]> = [];
  const invoke: Invoke = async (channel, request) => {
    calls.push([channel, request]);
    return { ok: false, error: { kind: 'not_found', message: channel } };
  };
  return { calls, invoke };
}

describe('the preload API', () => {
  it('has exactly one function per channel and nothing else', () => {
    const api = createApi(recordingInvoke().invoke);
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it.each(channelNames)('sends %s on its own channel, with the request unchanged', async (channel) => {
    const { calls, invoke } = recordingInvoke();
    const request = { marker: channel };
    // Indexed by a union of channels, the function's parameter is the intersection of every
    // request type; this test deliberately sends an arbitrary object through each one.
    const call = createApi(invoke)[channel] as (request: unknown) => Promise<unknown>;
    await expect(call(request)).resolves.toEqual({
      ok: false,
      error: { kind: 'not_found', message: channel },
    });
    expect(calls).toEqual([[channel, request]]);
  });
});
