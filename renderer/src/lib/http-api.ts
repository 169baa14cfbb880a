// The browser host's side of `Api`: each channel is a POST to /api/<channel> with the bearer
// token. Whatever happens on the wire, callers get a Result, never a thrown error, so screens
// handle "the host went away" exactly like any other storage problem. Methods are made from the
// contract's channel list, so a channel added there is reachable here without an edit, and
// every answer is parsed with that channel's response schema.
import { z } from 'zod';
import type { Api } from '../../../ipc/api';
import {
  channelNames,
  channels,
  type ChannelName,
  type RequestOf,
  type ResponseOf,
} from '../../../ipc/contract';
import { ERROR_KINDS, type Result } from '../../../ipc/errors';

export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json: () => Promise<unknown> }>;

const Envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ kind: z.enum(ERROR_KINDS), message: z.string(), field: z.string().optional() }),
  }),
]);

const storageFailure = <T>(message: string): Result<T> => ({
  ok: false,
  error: { kind: 'storage', message },
});

const DISCONNECTED =
  'PX Rounds could not be reached. Check it is still running, then try again. What you typed is kept on this computer.';
const NOT_AUTHORISED =
  'This browser tab is not connected to PX Rounds. Open the link PX Rounds printed when it started.';
const GARBLED = 'PX Rounds sent back an answer this page did not understand. Try again.';

export function createHttpApi(options: { fetch: FetchLike; token: string; baseUrl?: string }): Api {
  const base = options.baseUrl ?? '';

  async function call<C extends ChannelName>(
    channel: C,
    request: RequestOf<C>,
  ): Promise<Result<ResponseOf<C>>> {
    let status: number;
    let body: unknown;
    try {
      const response = await options.fetch(`${base}/api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body: JSON.stringify(request),
      });
      status = response.status;
      body = status === 200 ? await response.json() : null;
    } catch {
      return storageFailure(DISCONNECTED);
    }
    if (status === 401 || status === 403) return storageFailure(NOT_AUTHORISED);
    if (status !== 200) return storageFailure(DISCONNECTED);

    const envelope = Envelope.safeParse(body);
    if (!envelope.success) return storageFailure(GARBLED);
    if (!envelope.data.ok) return { ok: false, error: envelope.data.error };
    const schema: z.ZodType = channels[channel].response;
    const value = schema.safeParse(envelope.data.value);
    // The data was just parsed by this channel's own response schema; TypeScript cannot follow a
    // generic key into the union of all channels' schemas, hence the one assertion.
    return value.success ? { ok: true, value: value.data as ResponseOf<C> } : storageFailure(GARBLED);
  }

  const api: Partial<Record<ChannelName, unknown>> = {};
  for (const channel of channelNames) api[channel] = method(channel);
  // Every channel name in the contract was assigned just above, each with its own typed method.
  return api as Api;

  function method<C extends ChannelName>(
    channel: C,
  ): (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> {
    return (request: RequestOf<C>) => call(channel, request);
  }
}

/** Reads `#token=…` from a location hash; null when the hash carries no token. */
export function tokenFromHash(hash: string): string | null {
  const match = /^#token=([A-Za-z0-9._~-]+)$/.exec(hash);
  return match?.[1] ?? null;
}
