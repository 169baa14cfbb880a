import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { DESKTOP_UNAVAILABLE_MESSAGE, hostAddress } from '../../scripts/start-plan.mjs';

const projectRoot = join(import.meta.dirname, '..', '..');

describe('npm start', () => {
  it('without the Electron binary, serves the app in the browser, prints the address and opens it', async (context) => {
    context.skip(
      findElectronBinary({ projectRoot }).present,
      'Electron binary is installed here: npm start runs the desktop app instead',
    );
    const scratch = mkdtempSync(join(tmpdir(), 'pxr-npm-start-'));
    // Stands in for the system's xdg-open, recording the address it was asked to open.
    const opened = join(scratch, 'opened.txt');
    const opener = join(scratch, 'xdg-open');
    writeFileSync(opener, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
    chmodSync(opener, 0o755);
    const { ELECTRON_OVERRIDE_DIST_PATH: _ignored, ...env } = process.env;
    const start = spawn(process.execPath, [join(projectRoot, 'scripts', 'start-electron.mjs')], {
      cwd: projectRoot,
      env: { ...env, PATH: `${scratch}:${env.PATH ?? ''}`, PXR_DATA_DIR: join(scratch, 'data') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines: string[] = [];
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: start.stdout }).on('line', (line) => {
          lines.push(line);
          const found = hostAddress(line);
          if (found) resolve(found);
        });
        start.on('exit', (code) => reject(new Error(`npm start stopped (${code}): ${lines.join('\n')}`)));
      });
      expect(lines[0]).toBe(DESKTOP_UNAVAILABLE_MESSAGE);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      await expect
        .poll(() => existsSync(opened) && readFileSync(opened, 'utf8'), { timeout: 5_000 })
        .toBe(url);
    } finally {
      if (start.exitCode === null) {
        const exited = new Promise((resolve) => start.once('exit', resolve));
        start.kill('SIGTERM');
        await exited;
      }
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
