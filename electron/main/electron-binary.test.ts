import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

// A throwaway project with node_modules/electron laid out the way electron's installer leaves it.
function fakeProject({ pathTxt, binary }: { pathTxt?: string; binary?: string }): string {
  const root = mkdtempSync(join(tmpdir(), 'pxr-electron-binary-'));
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(join(electron, 'dist'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"name":"fake"}');
  writeFileSync(join(electron, 'package.json'), '{"name":"electron","version":"41.7.1"}');
  if (pathTxt !== undefined) writeFileSync(join(electron, 'path.txt'), pathTxt);
  if (binary !== undefined) writeFileSync(join(electron, 'dist', binary), '');
  return root;
}

describe('finding the Electron binary', () => {
  const made: string[] = [];
  const project = (layout: { pathTxt?: string; binary?: string }) => {
    const root = fakeProject(layout);
    made.push(root);
    return root;
  };
  afterEach(() => {
    for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('reports it present when the installer downloaded it', () => {
    const root = project({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronBinary({ projectRoot: root, env: {} })).toEqual({
      present: true,
      executablePath: join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
  });

  it('reports it absent when the download was skipped (no path.txt)', () => {
    expect(findElectronBinary({ projectRoot: project({}), env: {} })).toEqual({
      present: false,
      executablePath: null,
    });
  });

  it('reports it absent when path.txt names a file that is not there', () => {
    const root = project({ pathTxt: 'electron' });
    expect(findElectronBinary({ projectRoot: root, env: {} }).present).toBe(false);
  });

  it('reports it absent when electron is not installed at all', () => {
    const root = mkdtempSync(join(tmpdir(), 'pxr-electron-binary-'));
    made.push(root);
    writeFileSync(join(root, 'package.json'), '{"name":"fake"}');
    expect(findElectronBinary({ projectRoot: root, env: {} }).present).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', () => {
    const root = project({});
    const dist = join(root, 'custom-dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'electron'), '');
    expect(findElectronBinary({ projectRoot: root, env: { ELECTRON_OVERRIDE_DIST_PATH: dist } })).toEqual({
      present: true,
      executablePath: join(dist, 'electron'),
    });
  });
});
