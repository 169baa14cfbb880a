import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ENTRY_URL,
  cancelDeviceChooser,
  cancelSerialPortChooser,
  createWindowOpenHandler,
  denyDevicePermission,
  denyPermissionCheck,
  denyPermissionRequest,
  guardFrameNavigation,
  isAllowedNavigation,
  isTrustedIpcSender,
  openExternalUrl,
  resolveAppProtocolPath,
} from './security-guards';

const MISLEADING_URLS = [
  'app://px-rounds.evil.com/index.html',
  'app://evil.com/px-rounds/index.html',
  'app://px-rounds@evil.com/index.html',
  'app://evil@px-rounds/index.html',
  'app://px-rounds:8080/index.html',
  'app:///index.html',
  'https://px-rounds@evil.com/',
  'http://px-rounds/index.html',
  'file:///etc/passwd',
  'file://px-rounds/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
  '',
  'not a url',
];

describe('navigation', () => {
  it('is allowed within the app', () => {
    expect(isAllowedNavigation(APP_ENTRY_URL)).toBe(true);
    expect(isAllowedNavigation('app://px-rounds/index.html#/rounds/42')).toBe(true);
  });

  it.each(MISLEADING_URLS)('is refused to misleading or foreign URL %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it('is refused for values that are not strings', () => {
    expect(isAllowedNavigation(undefined)).toBe(false);
    expect(isAllowedNavigation({ toString: () => APP_ENTRY_URL })).toBe(false);
  });
});

describe('IPC senders', () => {
  it('are trusted when the frame shows an app page', () => {
    expect(isTrustedIpcSender('app://px-rounds/index.html#/')).toBe(true);
  });

  it.each(MISLEADING_URLS)('are not trusted from %s', (url) => {
    expect(isTrustedIpcSender(url)).toBe(false);
  });

  it('are not trusted when the frame is gone', () => {
    expect(isTrustedIpcSender(null)).toBe(false);
    expect(isTrustedIpcSender(undefined)).toBe(false);
  });
});

describe('opening links in the browser', () => {
  it('opens a plain https link, normalised', () => {
    const open = vi.fn();
    expect(openExternalUrl('HTTPS://www.nhs.uk/conditions/', open)).toBe(true);
    expect(open).toHaveBeenCalledWith('https://www.nhs.uk/conditions/');
  });

  it.each([
    'http://www.nhs.uk/',
    'https://user:pass@evil.com/',
    'https://www.nhs.uk@evil.com/',
    'javascript:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'smb://server/share',
    'app://px-rounds/index.html',
    `https://example.com/${'a'.repeat(3000)}`,
  ])('refuses %s without opening anything', (url) => {
    const open = vi.fn();
    expect(openExternalUrl(url, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('refuses values that are not strings', () => {
    const open = vi.fn();
    expect(openExternalUrl(42, open)).toBe(false);
    expect(openExternalUrl(null, open)).toBe(false);
    expect(open).not.toHaveBeenCalled();
  });

  it('does not surface a failure to open the browser as an unhandled error', async () => {
    const open = vi.fn(() => Promise.reject(new Error('no browser')));
    expect(openExternalUrl('https://www.nhs.uk/', open)).toBe(true);
    await new Promise((resolveTick) => setTimeout(resolveTick, 0));
  });
});

describe('new windows', () => {
  it('are always denied, and a safe https link goes to the browser instead', () => {
    const open = vi.fn();
    const handler = createWindowOpenHandler(open);
    expect(handler({ url: 'https://www.nhs.uk/' })).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledWith('https://www.nhs.uk/');
  });

  it('are denied for app pages and unsafe links without opening anything', () => {
    const open = vi.fn();
    const handler = createWindowOpenHandler(open);
    expect(handler({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open).not.toHaveBeenCalled();
  });
});

describe('permission requests', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'deny %s',
    (permission) => {
      const callback = vi.fn();
      denyPermissionRequest({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it('deny permission checks too', () => {
    expect(denyPermissionCheck()).toBe(false);
  });
});

describe('the app:// protocol resolver', () => {
  const root = resolve('/srv/px-rounds/out/renderer');

  it('serves index.html for the entry URL and for the bare origin', () => {
    expect(resolveAppProtocolPath('app://px-rounds/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppProtocolPath('app://px-rounds/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppProtocolPath('app://px-rounds', root)).toBe(join(root, 'index.html'));
  });

  it('serves built assets, ignoring query strings and fragments', () => {
    expect(resolveAppProtocolPath('app://px-rounds/assets/index-Bx1.js?v=2#x', root)).toBe(
      join(root, 'assets', 'index-Bx1.js'),
    );
    expect(resolveAppProtocolPath('app://px-rounds/assets/NHS%20logo.svg', root)).toBe(
      join(root, 'assets', 'NHS logo.svg'),
    );
  });

  it.each([
    'app://px-rounds/../../etc/passwd',
    'app://px-rounds/assets/../../../etc/passwd',
    'app://px-rounds/%2e%2e/%2e%2e/etc/passwd',
    'app://px-rounds/%2E%2E/secret',
    'app://px-rounds/..%2f..%2fetc/passwd',
    'app://px-rounds/..%5c..%5cwindows/win.ini',
    'app://px-rounds/assets\\..\\..\\secret',
    'app://px-rounds//etc/passwd',
    'app://px-rounds/C:/Windows/win.ini',
    'app://px-rounds/index.html%00.js',
    'app://px-rounds/%E0%A4%A',
  ])('refuses the path traversal or absolute path in %s', (url) => {
    expect(resolveAppProtocolPath(url, root)).toBeNull();
  });

  it.each(MISLEADING_URLS)('refuses requests for other origins and schemes: %s', (url) => {
    expect(resolveAppProtocolPath(url, root)).toBeNull();
  });
});

describe('frames and devices', () => {
  it.each(MISLEADING_URLS)('stops any frame navigating off the app: %s', (url) => {
    const preventDefault = vi.fn();
    expect(guardFrameNavigation({ url, preventDefault })).toBe(false);
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it("lets a frame move within the app's own pages", () => {
    const preventDefault = vi.fn();
    expect(guardFrameNavigation({ url: APP_ENTRY_URL, preventDefault })).toBe(true);
    expect(preventDefault).not.toHaveBeenCalled();
  });

  it('grants no HID, serial or USB device', () => {
    expect(denyDevicePermission()).toBe(false);
  });

  it('cancels the HID and USB choosers rather than letting Electron pick the first device', () => {
    const preventDefault = vi.fn();
    const callback = vi.fn();
    cancelDeviceChooser({ preventDefault }, { deviceList: [{ deviceId: 'keyboard' }] }, callback);
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(callback).toHaveBeenCalledWith();
  });

  it('cancels the serial port chooser with an empty port id', () => {
    const preventDefault = vi.fn();
    const callback = vi.fn();
    cancelSerialPortChooser({ preventDefault }, [{ portId: 'COM1' }], null, callback);
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(callback).toHaveBeenCalledWith('');
  });
});
