import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler } from './app-protocol';

describe('the app:// protocol handler', () => {
  let root: string;
  let outside: string;
  const readFile = vi.fn(async (fileUrl: string) => new Response(readFileSync(fileURLToPath(fileUrl))));
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    outside = mkdtempSync(join(tmpdir(), 'pxr-protocol-'));
    root = join(outside, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>PX Rounds</title>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("hi")');
    writeFileSync(join(outside, 'secret.txt'), 'not for the page');
    handle = createAppProtocolHandler({
      rendererRoot: root,
      fetchFile: readFile,
      contentSecurityPolicy: "default-src 'self'",
    });
  });
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('serves the entry page with the CSP and a type the browser will not second-guess', async () => {
    const response = await handle(new Request('app://px-rounds/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>PX Rounds</title>');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves module scripts as JavaScript', async () => {
    const response = await handle(new Request('app://px-rounds/assets/index-abc.js'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await handle(new Request('app://px-rounds/assets/missing.js'))).status).toBe(404);
    expect((await handle(new Request('app://px-rounds/assets/'))).status).toBe(404);
  });

  it('never reads a file outside the renderer folder', async () => {
    readFile.mockClear();
    for (const url of [
      'app://px-rounds/..%2fsecret.txt',
      'app://px-rounds/%2e%2e/secret.txt',
      'app://other/secret.txt',
    ]) {
      expect((await handle(new Request(url))).status).toBe(404);
    }
    expect(readFile).not.toHaveBeenCalled();
  });

  it('refuses anything but reading', async () => {
    const response = await handle(new Request('app://px-rounds/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('answers 404 when the file loader fails', async () => {
    const failing = createAppProtocolHandler({
      rendererRoot: root,
      fetchFile: () => Promise.reject(new Error('net::ERR_FILE_NOT_FOUND')),
      contentSecurityPolicy: "default-src 'self'",
    });
    expect((await failing(new Request('app://px-rounds/index.html'))).status).toBe(404);
  });
});
