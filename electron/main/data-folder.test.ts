import { describe, expect, it } from 'vitest';
import { allowInMemoryKeyStore, resolveDataFolder } from './data-folder';

const userDataFolder = '/home/ned/.config/PX Rounds';

describe('the data folder', () => {
  it('is the user’s app-data folder in normal use', () => {
    expect(resolveDataFolder({ env: {}, userDataFolder, isPackaged: false })).toEqual({
      ok: true,
      dataFolder: userDataFolder,
      testMode: false,
    });
  });

  it('ignores PXR_DATA_DIR outside test mode, so a stray variable cannot move someone’s data', () => {
    expect(
      resolveDataFolder({ env: { PXR_DATA_DIR: '/tmp/elsewhere' }, userDataFolder, isPackaged: false }),
    ).toEqual({
      ok: true,
      dataFolder: userDataFolder,
      testMode: false,
    });
    expect(
      resolveDataFolder({
        env: { PXR_TEST_MODE: 'true', PXR_DATA_DIR: '/tmp/elsewhere' },
        userDataFolder,
        isPackaged: false,
      }),
    ).toMatchObject({ dataFolder: userDataFolder, testMode: false });
  });

  it('ignores test mode in a packaged app, so its environment cannot move the data or weaken the key store', () => {
    const env = { PXR_TEST_MODE: '1', PXR_DATA_DIR: '/tmp/pxr-e2e-1' };
    const decision = resolveDataFolder({ env, userDataFolder, isPackaged: true });
    expect(decision).toEqual({ ok: true, dataFolder: userDataFolder, testMode: false });
    const testMode = decision.ok && decision.testMode;
    expect(allowInMemoryKeyStore({ testMode, platform: 'linux', keyStoreBackend: 'basic_text' })).toBe(false);
    expect(resolveDataFolder({ env: { PXR_TEST_MODE: '1' }, userDataFolder, isPackaged: true })).toEqual({
      ok: true,
      dataFolder: userDataFolder,
      testMode: false,
    });
  });

  it('is the test’s own folder in test mode', () => {
    expect(
      resolveDataFolder({
        env: { PXR_TEST_MODE: '1', PXR_DATA_DIR: '/tmp/pxr-e2e-1' },
        userDataFolder,
        isPackaged: false,
      }),
    ).toEqual({
      ok: true,
      dataFolder: '/tmp/pxr-e2e-1',
      testMode: true,
    });
  });

  it('refuses to start in test mode without a folder of its own', () => {
    for (const env of [{ PXR_TEST_MODE: '1' }, { PXR_TEST_MODE: '1', PXR_DATA_DIR: '  ' }]) {
      const decision = resolveDataFolder({ env, userDataFolder, isPackaged: false });
      expect(decision.ok).toBe(false);
      expect(decision.ok ? '' : decision.message).toContain('PXR_DATA_DIR is not set');
    }
  });

  it('refuses a relative folder in test mode', () => {
    const decision = resolveDataFolder({
      env: { PXR_TEST_MODE: '1', PXR_DATA_DIR: 'data' },
      userDataFolder,
      isPackaged: false,
    });
    expect(decision).toEqual({ ok: false, message: expect.stringContaining('not an absolute path') });
  });
});

describe('the in-memory key store fallback', () => {
  it('is used only in test mode on a Linux machine without a keyring', () => {
    expect(allowInMemoryKeyStore({ testMode: true, platform: 'linux', keyStoreBackend: 'basic_text' })).toBe(
      true,
    );
  });

  it('is never used for a real user, who gets a clear refusal instead', () => {
    expect(allowInMemoryKeyStore({ testMode: false, platform: 'linux', keyStoreBackend: 'basic_text' })).toBe(
      false,
    );
  });

  it('is not needed where a real key store exists', () => {
    expect(
      allowInMemoryKeyStore({ testMode: true, platform: 'linux', keyStoreBackend: 'gnome_libsecret' }),
    ).toBe(false);
    expect(allowInMemoryKeyStore({ testMode: true, platform: 'win32', keyStoreBackend: null })).toBe(false);
  });
});
