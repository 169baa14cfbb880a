import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { createAppContext, type AppContext } from '../domain/app-context';
import { createFileKeyWrapper } from '../domain/signing/file-key-wrapper';

const root = resolve(import.meta.dirname, '..');

/** The app as the browser host runs it, over an encrypted database in `dataDir`. */
export function openBenchContext(
  dataDir: string,
  options: { key?: Buffer; now?: () => Date; deferIntegrityCheck?: boolean } = {},
): AppContext {
  return createAppContext({
    dataDir,
    key: options.key ?? randomBytes(32),
    migrationsFolder: join(root, 'db', 'migrations'),
    resourcesFolder: join(root, 'resources'),
    host: 'browser',
    version: 'bench',
    actor: 'bench',
    keyWrapper: createFileKeyWrapper(dataDir),
    ...(options.now ? { now: options.now } : {}),
    ...(options.deferIntegrityCheck ? { deferIntegrityCheck: true } : {}),
  });
}
