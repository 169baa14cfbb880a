import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../ipc/errors';
import { defaultFolders, repositoryRoot, startBrowserHost } from './browser-host';

// `npm run start:web`: the real UI in a browser, against a real (encrypted) database in its
// own data folder. The first line printed is the address, token included.

const dataDir = process.env.PXR_DATA_DIR || mkdtempSync(join(tmpdir(), 'px-rounds-'));
const { version } = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
  version: string;
};

if (!existsSync(join(defaultFolders.rendererFolder, 'index.html'))) {
  console.error(
    "PX Rounds' screens have not been built yet: run 'npm run start:web' (it builds first) or 'npx electron-vite build'.",
  );
  process.exit(1);
}

// End-to-end tests of what happens as days pass (an action falling overdue) move the app's clock
// forward by writing a number of milliseconds to this file; the host reads it at every tick.
const clockFile = process.env.PXR_CLOCK_OFFSET_FILE;
const now = clockFile
  ? () => {
      const offset = existsSync(clockFile) ? Number(readFileSync(clockFile, 'utf8')) : 0;
      return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0));
    }
  : undefined;

try {
  const host = await startBrowserHost({ ...defaultFolders, dataDir, version, ...(now ? { now } : {}) });
  console.log(`PX Rounds is running at ${host.url}`);
  console.log(`Data folder: ${dataDir}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => {
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(`PX Rounds could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (error instanceof AppError && error.detail) console.error(`Technical details: ${error.detail}`);
  process.exit(1);
}
