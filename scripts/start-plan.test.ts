import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installOutcome } from './install-outcome.mjs';
import {
  DESKTOP_UNAVAILABLE_MESSAGE,
  browserDataFolder,
  browserOpener,
  chooseStartMode,
  hostAddress,
} from './start-plan.mjs';

describe('npm start chooses how to run', () => {
  it('runs the desktop app when the Electron binary is installed, the browser host otherwise', () => {
    expect(chooseStartMode({ electronPresent: true })).toBe('desktop');
    expect(chooseStartMode({ electronPresent: false })).toBe('browser');
  });

  it("opens the address with each system's own opener", () => {
    const url = 'http://127.0.0.1:4000/?token=abc';
    expect(browserOpener('linux', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserOpener('darwin', url)).toEqual({ command: 'open', args: [url] });
    expect(browserOpener('win32', url)).toEqual({ command: 'cmd', args: ['/c', 'start', '""', url] });
  });

  it("reads the address from the browser host's first line and nothing else", () => {
    expect(hostAddress('PX Rounds is running at http://127.0.0.1:43121/#token=x-Y_z')).toBe(
      'http://127.0.0.1:43121/#token=x-Y_z',
    );
    expect(hostAddress('Data folder: /tmp/x')).toBeNull();
    expect(hostAddress('PX Rounds is running at http://evil.example/')).toBeNull();
  });

  it('keeps browser data in a folder of its own, or the one PXR_DATA_DIR names', () => {
    const home = '/home/ward';
    expect(browserDataFolder({ platform: 'linux', env: {}, home })).toBe(
      join(home, '.local', 'share', 'px-rounds-browser'),
    );
    expect(browserDataFolder({ platform: 'linux', env: { XDG_DATA_HOME: '/data' }, home })).toBe(
      join('/data', 'px-rounds-browser'),
    );
    expect(browserDataFolder({ platform: 'darwin', env: {}, home })).toBe(
      join(home, 'Library', 'Application Support', 'PX Rounds (browser)'),
    );
    expect(browserDataFolder({ platform: 'win32', env: { APPDATA: 'C:\\Roaming' }, home })).toBe(
      join('C:\\Roaming', 'PX Rounds (browser)'),
    );
    expect(browserDataFolder({ platform: 'linux', env: { PXR_DATA_DIR: ' /given ' }, home })).toBe('/given');
  });
});

describe('npm install reports the desktop shell', () => {
  it('says nothing when the binary is installed', () => {
    expect(
      installOutcome({ installerRan: true, installerStatus: 0, installerError: '', binaryPresent: true }),
    ).toEqual({ message: null });
  });

  it('says in one line that the shell is unavailable, with the first line of the reason', () => {
    const { message } = installOutcome({
      installerRan: true,
      installerStatus: 1,
      installerError:
        '\nRequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous> (got)\n',
      binaryPresent: false,
    });
    expect(message).toBe(
      `${DESKTOP_UNAVAILABLE_MESSAGE} (its download failed: RequestError: getaddrinfo ENOTFOUND github.com)`,
    );
    expect(message).not.toContain('\n');
  });

  it('says the download was skipped when the installer chose not to download', () => {
    expect(
      installOutcome({ installerRan: true, installerStatus: 0, installerError: '', binaryPresent: false })
        .message,
    ).toBe(`${DESKTOP_UNAVAILABLE_MESSAGE} (its download was skipped)`);
  });
});
