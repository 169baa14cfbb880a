import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFolders, startBrowserHost } from '../../host/browser-host';

// The browser host as a process of its own, for the crash test (host/crash.test.ts) to kill
// with SIGKILL mid-write. It serves a one-line page instead of the built screens, so the test
// does not need a build; everything below the page is the real host.

const dataDir = process.env.PXR_DATA_DIR;
if (!dataDir) throw new Error('PXR_DATA_DIR is required');
const rendererFolder = join(dataDir, '..', 'renderer');
mkdirSync(rendererFolder, { recursive: true });
writeFileSync(join(rendererFolder, 'index.html'), '<!doctype html><title>PX Rounds</title>');

const host = await startBrowserHost({ ...defaultFolders, rendererFolder, dataDir, version: '0.0.0-crash' });
console.log(JSON.stringify({ port: host.port, token: host.token }));
