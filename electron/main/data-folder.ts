// Where the app keeps its data. Normally the per-user app-data folder; under test (and only
// then) a folder given by the test, so an end-to-end run can never touch a user's real rounds.
// A packaged app is never in test mode, whatever its environment says: test mode allows a
// plain-text key store on Linux, which no installed copy may use.
import { isAbsolute } from 'node:path';

export type DataFolderDecision =
  { ok: true; dataFolder: string; testMode: boolean } | { ok: false; message: string };

export function resolveDataFolder({
  env,
  userDataFolder,
  isPackaged,
}: {
  env: Record<string, string | undefined>;
  userDataFolder: string;
  /** app.isPackaged: true for an installed app, false when run from the repository. */
  isPackaged: boolean;
}): DataFolderDecision {
  if (isPackaged || env.PXR_TEST_MODE !== '1')
    return { ok: true, dataFolder: userDataFolder, testMode: false };
  const given = env.PXR_DATA_DIR?.trim() ?? '';
  if (given === '') {
    return {
      ok: false,
      message:
        'PX Rounds is in test mode (PXR_TEST_MODE=1) but PXR_DATA_DIR is not set. Each test run needs its own data folder, so the app will not start.',
    };
  }
  if (!isAbsolute(given)) {
    return {
      ok: false,
      message: `PX Rounds is in test mode but PXR_DATA_DIR is not an absolute path (${given}), so the app will not start.`,
    };
  }
  return { ok: true, dataFolder: given, testMode: true };
}

/**
 * Linux machines without a keyring (a CI box under Xvfb) leave safeStorage on its "basic_text"
 * backend, where encryption is unavailable. Only in test mode does the app accept Electron's
 * in-memory fallback password; a real user gets a clear refusal instead of weak protection.
 */
export function allowInMemoryKeyStore({
  testMode,
  platform,
  keyStoreBackend,
}: {
  testMode: boolean;
  platform: string;
  keyStoreBackend: string | null;
}): boolean {
  return testMode && platform === 'linux' && keyStoreBackend === 'basic_text';
}
