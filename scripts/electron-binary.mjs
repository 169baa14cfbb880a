// Finds the Electron executable the way node_modules/electron/index.js does, without loading
// that file: it throws when the binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1,
// or no internet during `npm install`), and callers want a plain yes/no instead.
// Shared by `npm install`, `npm start`, their tests and the Playwright Electron specs, so they
// agree on "absent".
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * @param {{ projectRoot?: string, env?: NodeJS.ProcessEnv }} [options]
 * @returns {{ present: true, executablePath: string } | { present: false, executablePath: null }}
 */
export function findElectronBinary({ projectRoot = process.cwd(), env = process.env } = {}) {
  let packageDir;
  try {
    const requireFromProject = createRequire(join(projectRoot, 'package.json'));
    packageDir = dirname(requireFromProject.resolve('electron/package.json'));
  } catch {
    return { present: false, executablePath: null };
  }
  // electron's install script writes path.txt (the executable's path inside dist/) only after
  // a successful download, so its absence is the most direct sign the binary is not there.
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && relative === '') return { present: false, executablePath: null };
  const executablePath = override
    ? join(override, relative || 'electron')
    : join(packageDir, 'dist', relative);
  return existsSync(executablePath)
    ? { present: true, executablePath }
    : { present: false, executablePath: null };
}
