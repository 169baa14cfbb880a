// Picks how the renderer reaches the app: Electron's preload exposes `window.api`; in a plain
// browser (the test and development host) the same `Api` is spoken over HTTP with a token.
import type { Api } from '../../ipc/api';
import { createHttpApi, tokenFromHash } from './lib/http-api';

declare global {
  // Declaration merging onto the DOM's Window needs an interface; a type alias cannot merge.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    readonly api?: Api;
  }
}

const TOKEN_KEY = 'pxr:host-token';

/**
 * The host prints `…/#token=TOKEN`. Keep the token for this tab only (sessionStorage survives a
 * reload but not a new window), then swap the hash for the home route so the token does not
 * linger in the address bar, history or screenshots.
 */
function takeHostToken(): string {
  const fromHash = tokenFromHash(window.location.hash);
  if (fromHash !== null) {
    window.sessionStorage.setItem(TOKEN_KEY, fromHash);
    window.history.replaceState(null, '', '#/');
    return fromHash;
  }
  return window.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function chooseApi(): Api {
  if (window.api !== undefined) return window.api;
  const token = takeHostToken();
  return createHttpApi({
    token,
    fetch: (url, init) => window.fetch(url, { ...init, cache: 'no-store', credentials: 'omit' }),
  });
}

export const api: Api = chooseApi();
