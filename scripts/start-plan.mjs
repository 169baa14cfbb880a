// What `npm start` does, as plain decisions kept apart from the processes it runs, so they can be
// tested under Node: the desktop app where the Electron binary is installed, otherwise the same
// app served by the browser host, with its address printed and a browser opened where one exists.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DESKTOP_UNAVAILABLE_MESSAGE =
  'PX Rounds: the desktop shell (Electron) is not installed on this machine, so `npm start` opens the app in your browser instead.';

/**
 * @param {{ electronPresent: boolean }} facts
 * @returns {'desktop' | 'browser'}
 */
export function chooseStartMode({ electronPresent }) {
  return electronPresent ? 'desktop' : 'browser';
}

/**
 * The command that asks the operating system to open an address in the default browser.
 * @param {string} platform process.platform
 * @param {string} url
 * @returns {{ command: string, args: string[] }}
 */
export function browserOpener(platform, url) {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd.exe built-in; its first quoted argument is a window title, hence the "".
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

const RUNNING_AT = /^PX Rounds is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/;

/**
 * The browser host's first line names its address (see host/start-web.ts).
 * @param {string} line
 * @returns {string | null}
 */
export function hostAddress(line) {
  return RUNNING_AT.exec(line.trim())?.[1] ?? null;
}

/**
 * Where the browser-served app keeps its data when PXR_DATA_DIR is not given: a folder of its
 * own, apart from the desktop app's, because the browser host keeps its key in a file there
 * while the desktop app wraps its key with the operating system's key store.
 * @param {{ platform: string, env: Record<string, string | undefined>, home?: string }} facts
 * @returns {string}
 */
export function browserDataFolder({ platform, env, home = homedir() }) {
  const given = env.PXR_DATA_DIR?.trim();
  if (given) return given;
  if (platform === 'win32')
    return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'PX Rounds (browser)');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'PX Rounds (browser)');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'px-rounds-browser');
}
