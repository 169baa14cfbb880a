// `npm install`'s last step. Electron's own install script (a download of the Electron binary
// from GitHub) fails the whole install where that download is impossible, so package.json's
// `allowScripts` stops npm running it, and this runs it instead: where the download works the
// binary is installed exactly as before; where it fails, one line says the desktop shell is
// unavailable and the install carries on, because `npm start` then serves the app in a browser.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { installOutcome } from './install-outcome.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let installer = null;
try {
  const requireFromProject = createRequire(join(projectRoot, 'package.json'));
  installer = join(dirname(requireFromProject.resolve('electron/package.json')), 'install.js');
} catch {
  // electron is absent altogether (an install without dev dependencies): nothing to download.
}

const run = installer
  ? spawnSync(process.execPath, [installer], { cwd: dirname(installer), encoding: 'utf8' })
  : null;
const outcome = installOutcome({
  installerRan: run !== null,
  installerStatus: run?.status ?? null,
  installerError: run?.stderr ?? '',
  binaryPresent: findElectronBinary({ projectRoot }).present,
});
if (outcome.message) console.log(outcome.message);
