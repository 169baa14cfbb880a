import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_MISSING_MESSAGE, findElectronBinary } from '../../scripts/electron-binary.mjs';

const projectRoot = join(import.meta.dirname, '..', '..');

describe('npm start', () => {
  it('without the Electron binary, says so in one line and exits 1', (context) => {
    context.skip(
      findElectronBinary({ projectRoot }).present,
      'Electron binary is installed here: the missing-binary message cannot be seen',
    );
    const { ELECTRON_OVERRIDE_DIST_PATH: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'start-electron.mjs')], {
      cwd: projectRoot,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`${ELECTRON_MISSING_MESSAGE}\n`);
  });
});
