// Builds better-sqlite3-multiple-ciphers for Electron's ABI into .native/electron/, leaving
// node_modules alone. node_modules keeps the Node-ABI build that vitest, the CLI and the browser
// host load; the desktop app loads this one through the driver's `nativeBinding` option (and a
// packaged app ships it as resources/native/better_sqlite3.node). So `npm test` and `npm start`
// never fight over one binary, whichever runs first after `npm install`.
//
// Usage: node scripts/prepare-electron-native.mjs [--arch=x64|arm64] [--force]
// Environment: PXR_ELECTRON_HEADERS_URL overrides where Electron's headers come from (a mirror).
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const DRIVER = 'better-sqlite3-multiple-ciphers';
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(projectRoot, '.native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');
const logFile = join(outDir, 'build.log');

function option(name) {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length);
}

class PrepareError extends Error {}
const fail = (sentence) => {
  throw new PrepareError(sentence);
};

const requireFromProject = createRequire(join(projectRoot, 'package.json'));
const electronVersion = requireFromProject('electron/package.json').version;
const driverDir = dirname(requireFromProject.resolve(`${DRIVER}/package.json`));
const driverVersion = JSON.parse(readFileSync(join(driverDir, 'package.json'), 'utf8')).version;
const arch = option('arch') ?? process.arch;

// The stamp records what the binary was built for; any change (an Electron or driver upgrade,
// another architecture) rebuilds it, and nothing else does.
const wanted = {
  electron: electronVersion,
  driver: `${DRIVER}@${driverVersion}`,
  platform: process.platform,
  arch,
};
const stampMatches = () => {
  try {
    return JSON.stringify(JSON.parse(readFileSync(stampFile, 'utf8'))) === JSON.stringify(wanted);
  } catch {
    return false;
  }
};

if (!process.argv.includes('--force') && existsSync(outFile) && stampMatches()) process.exit(0);

// A stale binary is removed first: if this build fails, the app then says the module is
// missing instead of crashing on a binary built for another Electron.
rmSync(outFile, { force: true });
rmSync(stampFile, { force: true });
mkdirSync(outDir, { recursive: true });
console.error(
  `Preparing the database module for Electron ${electronVersion} (${process.platform}-${arch}); this happens once and can take a few minutes.`,
);

// A private copy, so neither a download nor a compile can replace the Node-ABI binary in
// node_modules. build/ is left behind so the Node-ABI binary cannot be mistaken for the result.
const work = mkdtempSync(join(tmpdir(), 'pxr-native-'));
const log = openSync(logFile, 'w');
const run = (command, args) =>
  spawnSync(process.execPath, [command, ...args], {
    cwd: work,
    stdio: ['ignore', log, log],
  }).status === 0;

try {
  cpSync(driverDir, work, {
    recursive: true,
    filter: (source) => {
      const inside = relative(driverDir, source);
      return inside !== 'build' && !inside.startsWith(`build${sep}`);
    },
  });
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  const requireFromDriver = createRequire(join(driverDir, 'package.json'));

  // First choice: the driver's published prebuilt binary for this Electron (a download, seconds).
  const prebuildInstall = requireFromDriver.resolve('prebuild-install/bin.js');
  const downloaded = run(prebuildInstall, [
    '--runtime=electron',
    `--target=${electronVersion}`,
    `--arch=${arch}`,
    `--platform=${process.platform}`,
  ]);

  // Otherwise compile against Electron's headers (needs a C++ toolchain and Python).
  if (!downloaded || !existsSync(built)) {
    let nodeGyp;
    try {
      nodeGyp = requireFromProject.resolve('node-gyp/bin/node-gyp.js');
    } catch {
      nodeGyp = process.env.npm_config_node_gyp;
    }
    if (!nodeGyp) fail('node-gyp was not found to build it from source.');
    const compiled = run(nodeGyp, [
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--dist-url=${process.env.PXR_ELECTRON_HEADERS_URL ?? 'https://electronjs.org/headers'}`,
      // Electron's headers get their own cache so they never shadow Node's.
      `--devdir=${join(homedir(), '.electron-gyp')}`,
    ]);
    if (!compiled || !existsSync(built)) {
      fail(
        `no prebuilt binary could be downloaded and building from source failed (it needs internet access to electronjs.org and a C++ toolchain). Details: ${relative(projectRoot, logFile)}`,
      );
    }
  }

  cpSync(built, outFile);
  writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
  console.error(`Database module ready: ${relative(projectRoot, outFile)}`);
} catch (error) {
  if (!(error instanceof PrepareError)) throw error;
  console.error(`PX Rounds could not prepare its database module for Electron: ${error.message}`);
  process.exitCode = 1;
} finally {
  closeSync(log);
  rmSync(work, { recursive: true, force: true });
}
