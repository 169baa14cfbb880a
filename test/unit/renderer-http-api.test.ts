import { describe, expect, it } from 'vitest';
import { channelNames } from '../../ipc/contract';
import { createHttpApi, type FetchLike } from '../../renderer/src/lib/http-api';

const respond =
  (status: number, body: unknown): FetchLike =>
  async () => ({ status, json: async () => body });

describe('the browser host client', () => {
  it('has a method for every channel in the contract', () => {
    const api = createHttpApi({ token: 't', fetch: respond(200, { ok: true, value: [] }) });
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
  });

  it('posts the request to /api/<channel> with the bearer token and returns the parsed value', async () => {
    const seen: { url: string; auth: string | undefined; body: string }[] = [];
    const api = createHttpApi({
      token: 'secret',
      fetch: async (url, init) => {
        seen.push({ url, auth: init.headers.Authorization, body: init.body });
        return { status: 200, json: async () => ({ ok: true, value: ['Ward 3'] }) };
      },
    });
    const result = await api['areas:names-for-site']({ site: 'Chelsea' });
    expect(result).toEqual({ ok: true, value: ['Ward 3'] });
    expect(seen).toEqual([
      { url: '/api/areas:names-for-site', auth: 'Bearer secret', body: JSON.stringify({ site: 'Chelsea' }) },
    ]);
  });

  it('passes typed errors through unchanged', async () => {
    const error = { kind: 'validation', message: 'Enter the site', field: 'site' };
    const api = createHttpApi({ token: 't', fetch: respond(200, { ok: false, error }) });
    expect(await api['areas:names-for-site']({ site: '' })).toEqual({ ok: false, error });
  });

  it('turns a network failure, a refused token or a garbled answer into a storage error, never a throw', async () => {
    const offline = createHttpApi({
      token: 't',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const refused = createHttpApi({ token: 't', fetch: respond(401, null) });
    const garbled = createHttpApi({ token: 't', fetch: respond(200, { ok: true, value: [42] }) });
    for (const api of [offline, refused, garbled]) {
      const result = await api['areas:names-for-site']({ site: 'Chelsea' });
      expect(result).toMatchObject({ ok: false, error: { kind: 'storage' } });
    }
  });
});
