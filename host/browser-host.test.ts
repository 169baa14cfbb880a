import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir, migrationsFolder, resourcesFolder } from '../test/helpers/test-context';
import { resolveStaticPath, startBrowserHost, type BrowserHost } from './browser-host';

let host: BrowserHost;
let temp: { dir: string; remove: () => void };

beforeEach(async () => {
  temp = makeTempDir();
  const rendererFolder = join(temp.dir, 'renderer');
  mkdirSync(rendererFolder);
  writeFileSync(join(rendererFolder, 'index.html'), '<!doctype html><title>PX Rounds</title>');
  writeFileSync(join(temp.dir, 'secret.txt'), 'not for the browser');
  host = await startBrowserHost({
    dataDir: join(temp.dir, 'data'),
    rendererFolder,
    migrationsFolder,
    resourcesFolder,
    version: '0.0.0-test',
  });
});
afterEach(async () => {
  await host.close();
  temp.remove();
});

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(
  path: string,
  options: { method?: string; token?: string; body?: string; hostHeader?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          host: options.hostHeader ?? `127.0.0.1:${host.port}`,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          'content-type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 at a random port with a random token in the address', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('serves the renderer with a strict content security policy', async () => {
    const reply = await send('/');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('PX Rounds');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers the same channels as the app, given the token', async () => {
    const reply = await send('/api/templates:list', { method: 'POST', token: host.token, body: '{}' });
    const result = JSON.parse(reply.body);
    expect(result.ok).toBe(true);
    expect(result.value).toHaveLength(3);
  });

  it('refuses API calls without the right token', async () => {
    expect((await send('/api/rounds:list', { method: 'POST', body: '{}' })).status).toBe(401);
    expect(
      (await send('/api/rounds:list', { method: 'POST', token: 'x'.repeat(32), body: '{}' })).status,
    ).toBe(401);
  });

  it('refuses requests addressed to another host name', async () => {
    const reply = await send('/api/rounds:list', {
      method: 'POST',
      token: host.token,
      body: '{}',
      hostHeader: 'evil.example:80',
    });
    expect(reply.status).toBe(421);
  });

  it('turns unreadable JSON into a validation error', async () => {
    const reply = await send('/api/rounds:list', { method: 'POST', token: host.token, body: '{not json' });
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('answers a malformed percent-encoding in the channel with a typed 400, and no stack on stderr', async () => {
    const errors = vi.spyOn(console, 'error');
    const reply = await send('/api/%E0%A4%A', { method: 'POST', token: host.token, body: '{}' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toEqual({
      ok: false,
      error: { kind: 'validation', message: 'This request could not be read.', field: 'channel' },
    });
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const reply = await send(path);
      expect(reply.body).not.toContain('not for the browser');
    }
    expect(resolveStaticPath('/srv/renderer', '/../secret.txt')).toBeNull();
    expect(resolveStaticPath('/srv/renderer', '/%2e%2e/secret.txt')).toBeNull();
    expect(resolveStaticPath('/srv/renderer', '/assets/app.js')).toBe('/srv/renderer/assets/app.js');
  });
});
