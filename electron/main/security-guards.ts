// The guards between the app's own page and everything else. Each is a pure function (side
// effects such as shell.openExternal are passed in) so the rules are tested under plain Node.
//
// The app's origin is app://px-rounds: a registered standard scheme with a fixed host, so the
// page has a real origin for CSP 'self' and storage, and no file:// privileges at all.
import { isAbsolute, relative, resolve } from 'node:path';
import type { Session, WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'px-rounds';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const MAX_URL_LENGTH = 2048;

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * The URL if it is on the app's own origin, else null. User info and ports are refused, so
 * `app://px-rounds@evil.com/` (host evil.com) and `app://evil@px-rounds/` both fail.
 */
function parseAppUrl(value: unknown): URL | null {
  const url = parseUrl(value);
  if (url === null) return null;
  const isOwnOrigin =
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === '';
  return isOwnOrigin ? url : null;
}

/** The page may only navigate within the app; everything else is refused. */
export function isAllowedNavigation(url: unknown): boolean {
  return parseAppUrl(url) !== null;
}

/** IPC is answered only for frames showing the app's own pages. */
export function isTrustedIpcSender(frameUrl: string | null | undefined): boolean {
  return parseAppUrl(frameUrl) !== null;
}

/**
 * Opens a link in the user's browser if, and only if, it is a plain https URL. Anything else
 * (javascript:, file:, http:, URLs with user info that disguise their host) is ignored.
 * Returns whether it was opened. The normalised URL is what gets opened, never the raw input.
 */
export function openExternalUrl(value: unknown, open: (url: string) => unknown): boolean {
  const url = parseUrl(value);
  if (url === null || url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  void Promise.resolve(open(url.href)).catch(() => undefined);
  return true;
}

export type WindowOpenDecision = { action: 'deny' };

/** For setWindowOpenHandler: no new windows ever; safe https links go to the browser instead. */
export function createWindowOpenHandler(
  open: (url: string) => unknown,
): (details: { url: string }) => WindowOpenDecision {
  return ({ url }) => {
    openExternalUrl(url, open);
    return { action: 'deny' };
  };
}

/** For setPermissionRequestHandler: the app needs no camera, location, notifications or the like. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** For setPermissionCheckHandler, the synchronous counterpart. */
export function denyPermissionCheck(): boolean {
  return false;
}

// Vite's output never has dot segments, encoded separators or backslashes in its file names,
// so a request with any of them is an attack or a bug, and is refused before decoding.
const SUSPICIOUS_IN_RAW_URL = /\.\.|%2e|%2f|%5c|%00|\\/i;

/**
 * Maps an app:// request to a file inside the built renderer folder, or null if the request
 * is not for this origin or would leave that folder. `app://px-rounds/` serves index.html.
 */
export function resolveAppProtocolPath(requestUrl: string, rendererRoot: string): string | null {
  if (SUSPICIOUS_IN_RAW_URL.test(requestUrl)) return null;
  const url = parseAppUrl(requestUrl);
  if (url === null) return null;

  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // Empty segments ("//etc") and drive letters ("/C:/Windows") are how absolute paths sneak in.
  if (path.includes('//') || path.includes(':') || path.includes('\0')) return null;

  const root = resolve(rendererRoot);
  // Chromium reports the bare origin's path as "/", Node's URL parser as "".
  const wanted = path === '/' || path === '' ? 'index.html' : path.slice(1);
  const file = resolve(root, wanted);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return file;
}

type Preventable = { url: string; preventDefault: () => void };

/**
 * For `will-frame-navigate`, which fires for every frame (an iframe in pasted content, say),
 * where `will-navigate` fires only for the main frame: anything off the app's origin is stopped.
 * Returns whether the navigation was allowed.
 */
export function guardFrameNavigation(event: Preventable): boolean {
  if (isAllowedNavigation(event.url)) return true;
  event.preventDefault();
  return false;
}

/** For setDevicePermissionHandler: no HID, serial or USB device is ever granted to the page. */
export function denyDevicePermission(): boolean {
  return false;
}

/**
 * For the session's `select-hid-device` and `select-usb-device` events: Electron's default picks
 * the first device offered, so the chooser is cancelled instead (a callback with no device).
 */
export function cancelDeviceChooser(
  event: { preventDefault: () => void },
  _details: unknown,
  callback: (deviceId?: string) => void,
): void {
  event.preventDefault();
  callback();
}

/** For `select-serial-port`, whose callback cancels with an empty port id. */
export function cancelSerialPortChooser(
  event: { preventDefault: () => void },
  _ports: unknown,
  _webContents: unknown,
  callback: (portId: string) => void,
): void {
  event.preventDefault();
  callback('');
}

/** Every guard above on the app's session: no permission, device or port is granted to the page. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyDevicePermission);
  session.on('select-hid-device', cancelDeviceChooser);
  session.on('select-usb-device', cancelDeviceChooser);
  session.on('select-serial-port', cancelSerialPortChooser);
}

/**
 * Every navigation guard above on a page's contents: off-origin links open in the browser through
 * `openExternal` (when they are web links), redirects, frames and webviews off the origin stop.
 */
export function hardenContents(contents: WebContents, openExternal: (url: string) => unknown): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    openExternalUrl(event.url, openExternal);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => guardFrameNavigation(event));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(createWindowOpenHandler(openExternal));
}
