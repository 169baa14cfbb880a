import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from './app-paths';

describe('the app’s paths', () => {
  const mainFolder = join('/repo', 'out', 'main');

  it('in development come from the repository, with the Electron build of the database driver', () => {
    expect(
      resolveAppPaths({
        isPackaged: false,
        appPath: '/repo',
        resourcesPath: '/electron/resources',
        mainFolder,
      }),
    ).toEqual({
      preload: join('/repo', 'out', 'preload', 'index.cjs'),
      rendererRoot: join('/repo', 'out', 'renderer'),
      migrationsFolder: join('/repo', 'db', 'migrations'),
      resourcesFolder: join('/repo', 'resources'),
      nativeBinding: join('/repo', '.native', 'electron', 'better_sqlite3.node'),
    });
  });

  it('when packaged come from the extra resources beside the app archive', () => {
    const paths = resolveAppPaths({
      isPackaged: true,
      appPath: '/opt/PX Rounds/resources/app.asar',
      resourcesPath: '/opt/PX Rounds/resources',
      mainFolder: '/opt/PX Rounds/resources/app.asar/out/main',
    });
    expect(paths.migrationsFolder).toBe(join('/opt/PX Rounds/resources', 'migrations'));
    expect(paths.resourcesFolder).toBe(join('/opt/PX Rounds/resources', 'resources'));
    expect(paths.nativeBinding).toBe(join('/opt/PX Rounds/resources', 'native', 'better_sqlite3.node'));
    expect(paths.preload).toBe(join('/opt/PX Rounds/resources/app.asar/out', 'preload', 'index.cjs'));
  });
});
