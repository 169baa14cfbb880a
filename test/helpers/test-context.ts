import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createAppContext, type AppContext } from '../../domain/app-context';
import type { KeyWrapper } from '../../db/key-file';
import type { RetryTimers } from '../../domain/hub/outbox-retry';
import { createFileKeyWrapper } from '../../domain/signing/file-key-wrapper';
import type { ChannelName, RequestOf, ResponseOf } from '../../ipc/contract';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const migrationsFolder = join(repoRoot, 'db', 'migrations');
export const resourcesFolder = join(repoRoot, 'resources');

export function makeTempDir(prefix = 'pxr-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Makes a new temporary folder each call; every one is removed after each test. */
export function tempFoldersForEachTest(prefix?: string): () => string {
  const temps: { remove: () => void }[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));
  return () => {
    const temp = makeTempDir(prefix);
    temps.push(temp);
    return temp.dir;
  };
}

/** The app over `dataDir` as the tests open it: the shipped migrations and resources, the browser host. */
export function openTestApp(
  dataDir: string,
  key: Buffer,
  options: { keyWrapper?: KeyWrapper; now?: () => Date; timers?: RetryTimers } = {},
): AppContext {
  return createAppContext({
    dataDir,
    key,
    migrationsFolder,
    resourcesFolder,
    host: 'browser',
    version: '0.0.0-test',
    actor: 'test-user',
    keyWrapper: options.keyWrapper ?? createFileKeyWrapper(dataDir),
    ...(options.now ? { now: options.now } : {}),
    ...(options.timers ? { timers: options.timers } : {}),
  });
}

export type TestContext = AppContext & {
  dataDir: string;
  key: Buffer;
  /** Calls a channel and returns its value, failing the test with the error if it fails. */
  call: <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;
  /** Closes the database and opens it again from disk, as a restart of the app would. */
  reopen: () => TestContext;
  dispose: () => void;
};

/** A real app context over a real encrypted database in its own temporary folder. */
export function createTestContext(
  options: {
    now?: () => Date;
    dataDir?: string;
    key?: Buffer;
    remove?: () => void;
    timers?: RetryTimers;
    /** This computer's key store for the signing and collection keys (default: the data folder's key file). */
    keyWrapper?: KeyWrapper;
  } = {},
): TestContext {
  const temp = options.dataDir
    ? { dir: options.dataDir, remove: options.remove ?? (() => {}) }
    : makeTempDir();
  const key = options.key ?? randomBytes(32);
  const context = openTestApp(temp.dir, key, options);
  return {
    ...context,
    dataDir: temp.dir,
    key,
    call: async (channel, request) => {
      const result = await context.dispatch(channel, request);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value as ResponseOf<typeof channel>;
    },
    reopen: () => {
      context.close();
      return createTestContext({ ...options, dataDir: temp.dir, key, remove: temp.remove });
    },
    dispose: () => {
      context.close();
      temp.remove();
    },
  };
}

/**
 * A fresh context for each test of a file, disposed after it. Either `use` receives each one
 * (for tests that keep it in their own `let ctx` and replace it, after a reopen or a tamper), or,
 * without `use`, the returned view stands for the current one: `const ctx = contextForEachTest()`.
 * The view's `reopen` reopens the current context in place and returns the view.
 */
export function contextForEachTest(
  use?: (ctx: TestContext) => void,
  options: { now?: () => Date } = {},
): TestContext {
  let current: TestContext | undefined;
  beforeEach(() => {
    current = createTestContext(options);
    use?.(current);
  });
  afterEach(() => {
    current?.dispose();
    current = undefined;
  });
  const live = (): TestContext => {
    if (!current) throw new Error('The test context exists only while a test, or its hooks, run.');
    return current;
  };
  const view: TestContext = new Proxy({} as TestContext, {
    get: (_target, property) =>
      property === 'reopen'
        ? () => {
            current = live().reopen();
            return view;
          }
        : Reflect.get(live(), property),
  });
  return view;
}
