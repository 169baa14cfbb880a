// Launching the real desktop app for the Playwright `_electron` specs. Where the Electron binary
// is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 machines) the specs skip with one line,
// using the same check as `npm start`, so the two never disagree about "installed".
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

export const projectRoot = join(import.meta.dirname, '..', '..');
export const electronBinary = findElectronBinary({ projectRoot });
export const ELECTRON_SKIP_REASON = 'Electron binary not installed here: skipping Electron specs';

/** The environment every test launch runs in: test mode, its own data folder, no updates. */
export function testEnvironment(dataFolder: string | null): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE' && name !== 'PXR_DATA_DIR') env[name] = value;
  }
  return {
    ...env,
    PXR_TEST_MODE: '1',
    PXR_DISABLE_UPDATES: '1',
    ...(dataFolder === null ? {} : { PXR_DATA_DIR: dataFolder }),
  };
}

// Chromium refuses to run as root with its OS sandbox (CI containers run as root). Only then is
// the OS sandbox switched off; the page's own isolation (contextIsolation, sandboxed preload)
// still applies.
export const chromiumArgs: string[] = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** Builds the Electron-ABI database module if it is not there yet (a no-op when it is). */
export function prepareNativeModule(): void {
  const run = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'prepare-electron-native.mjs')], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error('The Electron database module could not be prepared (see above).');
}

export async function launchApp(dataFolder: string): Promise<ElectronApplication> {
  if (!electronBinary.present) throw new Error(ELECTRON_SKIP_REASON);
  return electron.launch({
    executablePath: electronBinary.executablePath,
    args: [...chromiumArgs, projectRoot],
    cwd: projectRoot,
    env: testEnvironment(dataFolder),
  });
}
