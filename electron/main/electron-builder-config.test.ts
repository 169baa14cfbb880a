import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Configuration, TargetConfigType } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveAppPaths } from './app-paths';

const projectRoot = join(import.meta.dirname, '..', '..');
const CONFIG_FILE = 'electron.builder.yml';

// electron-builder's own loader and schema check, reached through electron-builder (a direct
// dependency) so the file is read exactly as `electron-builder --config` reads it. They are
// internal modules without published types, hence the narrow type written out here.
type ConfigModule = {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<Configuration>;
  validateConfiguration(config: Configuration, debugLogger: unknown): Promise<void>;
};
const requireFromBuilder = createRequire(
  createRequire(join(projectRoot, 'package.json')).resolve('electron-builder/package.json'),
);
const configModule = requireFromBuilder('app-builder-lib/out/util/config/config') as ConfigModule;
const { DebugLogger } = requireFromBuilder('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown;
};

function targetNames(target: TargetConfigType | undefined): string[] {
  if (target === null || target === undefined) return [];
  const list = Array.isArray(target) ? target : [target];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.target));
}

describe('the packaging configuration', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await configModule.getConfig(projectRoot, CONFIG_FILE, null);
  });

  it('is valid by electron-builder’s own schema (no misspelt options)', async () => {
    await expect(configModule.validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is the one `npm run dist` uses (electron-builder only finds electron-builder.yml by itself)', () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(manifest.scripts.dist).toMatch(
      new RegExp(`electron-builder (.* )?(--config|-c) ${CONFIG_FILE.replaceAll('.', '\\.')}`),
    );
  });

  it('names the app', () => {
    expect(config.appId).toBe('uk.nhs.pxrounds');
    expect(config.productName).toBe('PX Rounds');
  });

  it('builds a Windows installer, a macOS disk image and a Linux AppImage', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
    expect(targetNames(config.mac?.target)).toContain('dmg');
    expect(targetNames(config.linux?.target)).toEqual(['AppImage']);
  });

  it('installs on Windows per user with a wizard, for 64-bit machines', () => {
    const [windowsTarget] = Array.isArray(config.win?.target) ? config.win.target : [];
    expect(windowsTarget).toEqual({ target: 'nsis', arch: ['x64'] });
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('signs macOS builds with the hardened runtime and only the entitlements it needs', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    const entitlements = config.mac?.entitlements ?? '';
    expect(existsSync(join(projectRoot, entitlements))).toBe(true);
    expect(readFileSync(join(projectRoot, entitlements), 'utf8')).not.toMatch(
      /disable-library-validation|allow-dyld/,
    );
  });

  it('sets every Electron fuse the security checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the migrations, the reference data and the Electron database module where the app looks for them', () => {
    expect(config.npmRebuild).toBe(false);
    const resources = (Array.isArray(config.extraResources) ? config.extraResources : []).map((entry) =>
      typeof entry === 'string' ? { from: entry, to: entry } : { from: entry.from, to: entry.to },
    );
    const packaged = resolveAppPaths({
      isPackaged: true,
      appPath: '/app.asar',
      resourcesPath: '/R',
      mainFolder: '/m',
    });
    expect(resources).toEqual([
      { from: 'db/migrations', to: 'migrations' },
      { from: 'resources', to: 'resources' },
      { from: '.native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' },
    ]);
    expect(resources.map(({ to }) => join('/R', to ?? ''))).toEqual([
      packaged.migrationsFolder,
      packaged.resourcesFolder,
      packaged.nativeBinding,
    ]);
  });

  it('checks the code signature of every Windows update against the publisher named', () => {
    expect(config.win).toMatchObject({
      verifyUpdateCodeSignature: true,
      signtoolOptions: { publisherName: [expect.any(String)] },
    });
  });

  it('says in the file that the feed URL and publisher name are placeholders a trust must change', () => {
    const text = readFileSync(join(projectRoot, CONFIG_FILE), 'utf8');
    expect(text).toContain('PLACEHOLDER: publisherName must be changed');
    expect(text).toContain('PLACEHOLDER: updates.example.nhs.uk is not a');
  });

  it('publishes updates to a generic https feed the trust controls', () => {
    expect(config.publish).toMatchObject({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) });
  });
});
