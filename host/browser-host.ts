import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { plainKeyStore } from '../db/key-file';
import { createAppContext, dataFolderPaths, type AppContext } from '../domain/app-context';
import { openThroughRecoveryGate } from '../domain/recovery/recovery-gate';
import { createFileKeyWrapper } from '../domain/signing/file-key-wrapper';
import { contentSecurityPolicy } from '../electron/main/content-security-policy';

// The browser host serves the built renderer and answers the same channels as Electron's main
// process, through the same handler registry, on 127.0.0.1 only. It exists so the real UI can
// be used and tested in a browser against a real database where Electron cannot run. It is
// never part of the packaged app.

export type BrowserHostOptions = {
  dataDir: string;
  rendererFolder: string;
  migrationsFolder: string;
  resourcesFolder: string;
  version: string;
  port?: number;
  /** The app's clock; the real one unless a test moves it (see start-web.ts). */
  now?: () => Date;
};

export type BrowserHost = {
  url: string;
  token: string;
  port: number;
  /** The open app; null while the data folder waits for its recovery key. */
  readonly context: AppContext | null;
  close: () => Promise<void>;
};

// Large enough for a file sent to be verified (base64, see verifyRequest in ipc/exports-schemas.ts).
const MAX_BODY_BYTES = 72 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': contentType });
  response.end(body);
}

/** Maps a URL path to a file inside `root`, or null when it would step outside it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = resolve(root, normalize(relative));
  const rootWithSep = resolve(root) + sep;
  return full.startsWith(rootWithSep) ? full : null;
}

/** A channel name from the request path, or null when its percent-encoding is malformed. */
export function decodeChannel(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function tokensMatch(expected: string, header: string | undefined): boolean {
  const presented = header?.startsWith('Bearer ') ? header.slice(7) : '';
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url');
  // The browser host's key store is the key file in its data folder: a folder copied without it
  // is a folder on a computer whose key store cannot open it.
  const keyStore = plainKeyStore(options.dataDir);
  const gate = openThroughRecoveryGate({
    paths: dataFolderPaths(options.dataDir, keyStore.fileName),
    keyStore,
    open: (key) =>
      createAppContext({
        dataDir: options.dataDir,
        key,
        migrationsFolder: options.migrationsFolder,
        resourcesFolder: options.resourcesFolder,
        host: 'browser',
        version: options.version,
        actor: userInfo().username,
        deferIntegrityCheck: true,
        ...(options.now ? { now: options.now } : {}),
        // Made only once the key file is in place: it derives the signing key's wrap from it.
        keyWrapper: createFileKeyWrapper(options.dataDir),
      }),
  });
  let port = 0;

  const server = createServer((request, response) => {
    void (async () => {
      // Only this machine's loopback name is accepted, so a web page cannot reach the host
      // through a DNS name it controls.
      if (request.headers.host !== `127.0.0.1:${port}`)
        return send(response, 421, 'Wrong host', 'text/plain');
      const url = request.url ?? '/';
      if (url.startsWith('/api/')) {
        if (request.method !== 'POST') return send(response, 405, 'Method not allowed', 'text/plain');
        if (!tokensMatch(token, request.headers.authorization))
          return send(response, 401, 'Not authorised', 'text/plain');
        const channel = decodeChannel(url.slice(5));
        if (channel === null) {
          const error = { kind: 'validation', message: 'This request could not be read.', field: 'channel' };
          return send(response, 400, JSON.stringify({ ok: false, error }), 'application/json; charset=utf-8');
        }
        const body = await readBody(request);
        let payload: unknown;
        try {
          payload = body === null ? undefined : JSON.parse(body || '{}');
        } catch {
          payload = undefined;
        }
        const result =
          body === null
            ? {
                ok: false,
                error: { kind: 'validation', message: 'This request is too large.', field: 'request' },
              }
            : payload === undefined
              ? {
                  ok: false,
                  error: { kind: 'validation', message: 'This request could not be read.', field: 'request' },
                }
              : await gate.dispatch(channel, payload);
        return send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return send(response, 405, 'Method not allowed', 'text/plain');
      const file = resolveStaticPath(options.rendererFolder, url);
      if (!file) return send(response, 404, 'Not found', 'text/plain');
      try {
        const content = await readFile(file);
        return send(response, 200, content, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
      } catch {
        return send(response, 404, 'Not found', 'text/plain');
      }
    })().catch((error: unknown) => {
      console.error('Browser host error:', error);
      if (!response.headersSent) send(response, 500, 'Internal error', 'text/plain');
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    get context() {
      return gate.context;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => {
          gate.close();
          resolveClose();
        });
      }),
  };
}

export const repositoryRoot = resolve(import.meta.dirname, '..');
export const defaultFolders = {
  rendererFolder: join(repositoryRoot, 'out', 'renderer'),
  migrationsFolder: join(repositoryRoot, 'db', 'migrations'),
  resourcesFolder: join(repositoryRoot, 'resources'),
};
