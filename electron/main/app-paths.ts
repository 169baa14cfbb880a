// Where the app finds its parts, in development (`electron .` from the repository) and when
// packaged (electron-builder's extraResources, see electron.builder.yml).
import { join } from 'node:path';

export type AppPaths = {
  preload: string;
  rendererRoot: string;
  migrationsFolder: string;
  resourcesFolder: string;
  /** The better-sqlite3-multiple-ciphers binary built for Electron's ABI, not Node's. */
  nativeBinding: string;
};

export function resolveAppPaths({
  isPackaged,
  appPath,
  resourcesPath,
  mainFolder,
}: {
  isPackaged: boolean;
  /** app.getAppPath(): the repository in development, the asar archive when packaged. */
  appPath: string;
  /** process.resourcesPath: the folder beside the asar holding extraResources. */
  resourcesPath: string;
  /** The folder of the built main script, out/main. */
  mainFolder: string;
}): AppPaths {
  const built = {
    preload: join(mainFolder, '..', 'preload', 'index.cjs'),
    rendererRoot: join(mainFolder, '..', 'renderer'),
  };
  if (isPackaged) {
    return {
      ...built,
      migrationsFolder: join(resourcesPath, 'migrations'),
      resourcesFolder: join(resourcesPath, 'resources'),
      nativeBinding: join(resourcesPath, 'native', 'better_sqlite3.node'),
    };
  }
  return {
    ...built,
    migrationsFolder: join(appPath, 'db', 'migrations'),
    resourcesFolder: join(appPath, 'resources'),
    // Written by scripts/prepare-electron-native.mjs, which `npm start` runs first.
    nativeBinding: join(appPath, '.native', 'electron', 'better_sqlite3.node'),
  };
}
