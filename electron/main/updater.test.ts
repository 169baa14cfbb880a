import { describe, expect, it, vi } from 'vitest';
import { shouldCheckForUpdates, startUpdateCheck } from './updater';

describe('update checks', () => {
  it('happen in a packaged app', () => {
    expect(shouldCheckForUpdates({ isPackaged: true, env: {} })).toBe(true);
  });

  it('never happen in development', () => {
    expect(shouldCheckForUpdates({ isPackaged: false, env: {} })).toBe(false);
  });

  it('can be switched off by the trust with PXR_DISABLE_UPDATES=1', () => {
    expect(shouldCheckForUpdates({ isPackaged: true, env: { PXR_DISABLE_UPDATES: '1' } })).toBe(false);
  });

  it('never happen in test mode', () => {
    expect(shouldCheckForUpdates({ isPackaged: true, env: { PXR_TEST_MODE: '1' } })).toBe(false);
  });

  it('call the updater only when allowed', () => {
    const updater = { checkForUpdatesAndNotify: vi.fn(() => Promise.resolve(null)) };
    expect(startUpdateCheck({ isPackaged: false, env: {}, updater, log: () => undefined })).toBe(false);
    expect(updater.checkForUpdatesAndNotify).not.toHaveBeenCalled();
    expect(startUpdateCheck({ isPackaged: true, env: {}, updater, log: () => undefined })).toBe(true);
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledOnce();
  });

  it('log a failed check (an offline laptop) instead of interrupting anyone', async () => {
    const updater = {
      checkForUpdatesAndNotify: () => Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED')),
    };
    const log = vi.fn();
    startUpdateCheck({ isPackaged: true, env: {}, updater, log });
    await vi.waitFor(() =>
      expect(log).toHaveBeenCalledWith('Update check failed: net::ERR_INTERNET_DISCONNECTED'),
    );
  });
});
