import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DESKTOP_UNAVAILABLE_MESSAGE } from './start-plan.mjs';

const scriptsFolder = import.meta.dirname;

// A throwaway project holding this repository's scripts and an electron package whose install
// script behaves as given: electron's real one downloads from GitHub, which a test must not do.
function project(installScript: string): string {
  const root = mkdtempSync(join(tmpdir(), 'pxr-install-electron-'));
  cpSync(scriptsFolder, join(root, 'scripts'), { recursive: true });
  writeFileSync(join(root, 'package.json'), '{"name":"fake","type":"module"}');
  const electron = join(root, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  writeFileSync(join(electron, 'package.json'), '{"name":"electron","version":"41.7.1"}');
  writeFileSync(join(electron, 'install.js'), installScript);
  return root;
}

const failingDownload = `console.error('RequestError: getaddrinfo ENOTFOUND github.com');
console.error('    at ClientRequest.<anonymous> (node_modules/got/dist/source/core/index.js:970:111)');
process.exit(1);`;

const workingDownload = `const fs = require('node:fs');
fs.mkdirSync('dist', { recursive: true });
fs.writeFileSync('dist/electron', '');
fs.writeFileSync('path.txt', 'electron');`;

describe("npm install's Electron step", () => {
  const made: string[] = [];
  afterEach(() => {
    for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
  });
  const install = (script: string) => {
    const root = project(script);
    made.push(root);
    const { ELECTRON_OVERRIDE_DIST_PATH: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(root, 'scripts', 'install-electron.mjs')], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    return { root, run };
  };

  it('succeeds where the download fails, saying so in one line without a stack trace', () => {
    const { run } = install(failingDownload);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `${DESKTOP_UNAVAILABLE_MESSAGE} (its download failed: RequestError: getaddrinfo ENOTFOUND github.com)\n`,
    );
  });

  it("installs the binary through electron's own installer where the download works, silently", () => {
    const { root, run } = install(workingDownload);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(existsSync(join(root, 'node_modules', 'electron', 'dist', 'electron'))).toBe(true);
  });
});
