// `npm start`: check Electron is really installed, prepare the Electron-ABI database module,
// build, then run the desktop app. Without the Electron binary it says so in one line and
// exits 1, rather than letting electron's own loader throw a stack trace at the user.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELECTRON_MISSING_MESSAGE, findElectronBinary } from './electron-binary.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const electron = findElectronBinary({ projectRoot });
if (!electron.present) {
  console.error(ELECTRON_MISSING_MESSAGE);
  process.exit(1);
}

// electron-vite's package exports hide its bin file, so find it through its package.json.
const requireFromProject = createRequire(join(projectRoot, 'package.json'));
const electronViteManifest = requireFromProject.resolve('electron-vite/package.json');
const electronViteBin = join(
  dirname(electronViteManifest),
  requireFromProject(electronViteManifest).bin['electron-vite'],
);
const run = (command, args, env = process.env) =>
  spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env }).status ?? 1;

const steps = [
  [process.execPath, [join(projectRoot, 'scripts', 'prepare-electron-native.mjs')]],
  [process.execPath, [electronViteBin, 'build']],
];
for (const [command, args] of steps) {
  const status = run(command, args);
  if (status !== 0) process.exit(status);
}

// ELECTRON_RUN_AS_NODE left over in a shell would start a bare Node instead of the app.
const { ELECTRON_RUN_AS_NODE: _ignored, ...appEnv } = process.env;
process.exit(run(electron.executablePath, ['.'], appEnv));
