// `npm start`: the desktop app where the Electron binary is installed (prepare the Electron-ABI
// database module, build, run). Where it is not (its download failed or was skipped), the same
// app is built and served by the browser host: its address is printed and a browser opened
// where the system has one, rather than stopping with an error.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import * as plan from './start-plan.mjs';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromProject = createRequire(join(projectRoot, 'package.json'));

// Package exports hide bin files, so find each through its package.json.
function binOf(packageName, binName) {
  const manifestPath = requireFromProject.resolve(`${packageName}/package.json`);
  const { bin } = requireFromProject(manifestPath);
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin[binName]);
}

const run = (command, args, env = process.env) =>
  spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env }).status ?? 1;

function runSteps(steps) {
  for (const [command, args] of steps) {
    const status = run(command, args);
    if (status !== 0) process.exit(status);
  }
}

const buildStep = [process.execPath, [binOf('electron-vite', 'electron-vite'), 'build']];

function startDesktop(executablePath) {
  runSteps([[process.execPath, [join(projectRoot, 'scripts', 'prepare-electron-native.mjs')]], buildStep]);
  // ELECTRON_RUN_AS_NODE left over in a shell would start a bare Node instead of the app.
  const { ELECTRON_RUN_AS_NODE: _ignored, ...appEnv } = process.env;
  process.exit(run(executablePath, ['.'], appEnv));
}

function openBrowser(url) {
  const { command, args } = plan.browserOpener(process.platform, url);
  // A machine without a browser (a server, a container) still has the address printed above.
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true });
    opener.on('error', () => {});
    opener.unref();
  } catch {
    // Nothing to open with: the printed address is enough.
  }
}

function startBrowser() {
  console.log(plan.DESKTOP_UNAVAILABLE_MESSAGE);
  runSteps([buildStep]);
  const dataDir = plan.browserDataFolder({ platform: process.platform, env: process.env });
  mkdirSync(dataDir, { recursive: true });
  const host = spawn(process.execPath, [binOf('tsx', 'tsx'), join(projectRoot, 'host', 'start-web.ts')], {
    cwd: projectRoot,
    env: { ...process.env, PXR_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let opened = false;
  createInterface({ input: host.stdout }).on('line', (line) => {
    console.log(line);
    const url = plan.hostAddress(line);
    if (url && !opened) {
      opened = true;
      openBrowser(url);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
  host.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = findElectronBinary({ projectRoot });
if (plan.chooseStartMode({ electronPresent: electron.present }) === 'desktop') {
  startDesktop(electron.executablePath);
} else {
  startBrowser();
}
