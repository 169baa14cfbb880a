// Serves the built renderer on app://px-rounds. The desktop app passes Electron's net.fetch as
// `fetchFile`; tests pass a plain file reader, so the whole request path is tested under Node.
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveAppProtocolPath } from './security-guards';

export type FetchFile = (fileUrl: string) => Promise<Response>;

// Module scripts are refused unless served with a JavaScript type, and the responses say
// nosniff, so the type is set here rather than trusted to whatever the file loader guesses.
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function createAppProtocolHandler(options: {
  rendererRoot: string;
  fetchFile: FetchFile;
  contentSecurityPolicy: string;
}): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const path = resolveAppProtocolPath(request.url, options.rendererRoot);
    if (path === null || !(await isFile(path))) return plain(404, 'Not found');

    let file: Response;
    try {
      file = await options.fetchFile(pathToFileURL(path).href);
    } catch {
      return plain(404, 'Not found');
    }
    if (!file.ok) return plain(404, 'Not found');

    const headers = new Headers({
      'Content-Type': CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': options.contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      // A new version of the app must never run yesterday's scripts from a cache.
      'Cache-Control': 'no-cache',
    });
    return new Response(request.method === 'HEAD' ? null : file.body, { status: 200, headers });
  };
}
