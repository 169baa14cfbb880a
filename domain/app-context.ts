import { join } from 'node:path';
import type { KeyWrapper } from '../db/key-file';
import { takeBackupIfDue } from '../db/backups';
import { checkIntegrity, openDatabase } from '../db/connection';
import type { AppErrorShape } from '../ipc/errors';
import { syncBuiltinTemplates, listTemplates } from '../db/repositories/templates-repository';
import { clearanceHandlers } from './clearance/clearance-handlers';
import type { Handlers, Dispatch } from './handler-registry';
import { createDispatcher, toErrorShape } from './handler-registry';
import { roundsHandlers } from './rounds/rounds-handlers';
import { createStore, type Store } from './store';
import { storiesHandlers } from './stories/stories-handlers';
import { taggingHandlers } from './tagging/tagging-handlers';
import { actionsHandlers } from './actions/actions-handlers';
import { exportHandlers } from './export/export-handlers';
import type { ExportJobs } from './export/export-jobs';
import { loadBuiltinTemplates } from './templates/builtin-templates';
import { bundlesHandlers } from './bundles/bundles-handlers';
import { createSigningIdentitySource } from './signing/signing-service';

export type AppContextOptions = {
  dataDir: string;
  key: Buffer;
  migrationsFolder: string;
  resourcesFolder: string;
  host: 'electron' | 'browser';
  version: string;
  actor: string;
  nativeBinding?: string;
  now?: () => Date;
  /** Run quick_check just after start-up instead of before it (the desktop app and browser host). */
  deferIntegrityCheck?: boolean;
  /**
   * Wraps the signing key before it touches disk: Electron safeStorage in the app, a key file in
   * the data folder for the browser host and tests (domain/signing/file-key-wrapper.ts).
   */
  keyWrapper: KeyWrapper;
  /** Where signed exports are saved; `<dataDir>/exports` when not given. */
  exportsDir?: string;
  /** The trust's name printed above the title of every export, until one is set in settings. */
  organisation?: string;
};

export type AppContext = {
  dispatch: Dispatch;
  store: Store;
  /** Running and recently finished exports. */
  exportJobs: ExportJobs;
  exportsDir: string;
  close: () => void;
  /** Settles once quick_check has run: null when the file is sound, the error otherwise. */
  integrity: Promise<AppErrorShape | null>;
};

export const DATABASE_FILE = 'px-rounds.db';
export const BACKUPS_FOLDER = 'backups';
export const EXPORTS_FOLDER = 'exports';
export const DEFAULT_ORGANISATION = 'NHS Foundation Trust';

export function createAppContext(options: AppContextOptions): AppContext {
  const now = options.now ?? (() => new Date());
  const backupsFolder = join(options.dataDir, BACKUPS_FOLDER);
  const opened = openDatabase({
    file: join(options.dataDir, DATABASE_FILE),
    key: options.key,
    migrationsFolder: options.migrationsFolder,
    backupsFolder,
    now,
    integrityCheck: options.deferIntegrityCheck ? 'deferred' : 'blocking',
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    syncBuiltinTemplates(opened.db, loadBuiltinTemplates(options.resourcesFolder), now());
  } catch (error) {
    opened.close();
    throw error;
  }
  const store = createStore(opened.sqlite, opened.db, { actor: options.actor, now });
  const exportsDir = options.exportsDir ?? join(options.dataDir, EXPORTS_FOLDER);
  const exporting = exportHandlers(store, {
    dataDir: options.dataDir,
    keyWrapper: options.keyWrapper,
    exportsDir,
    appVersion: options.version,
    defaultOrganisation: options.organisation ?? DEFAULT_ORGANISATION,
  });
  const bundles = bundlesHandlers(store, {
    dataDir: options.dataDir,
    keyWrapper: options.keyWrapper,
    identity: createSigningIdentitySource(store, options.dataDir, options.keyWrapper),
    exportsDir,
    appVersion: options.version,
  });
  const close = () => {
    // A running export must not write a file its audit entry can no longer accompany, nor an
    // import merge into a database that is closing.
    exporting.jobs.cancelAll();
    bundles.jobs.cancelAll();
    store.dispose();
    opened.close();
  };
  const handlers: Handlers = {
    'app:info': () => ({ version: options.version, dataFolder: options.dataDir, host: options.host }),
    'templates:list': () => listTemplates(store.db),
    'audit:verify': () => store.audit.verify(),
    ...roundsHandlers(store),
    ...taggingHandlers(store),
    ...actionsHandlers(store),
    ...storiesHandlers(store),
    ...clearanceHandlers(store),
    ...exporting.handlers,
    ...bundles.handlers,
  };
  const dispatch = createDispatcher(handlers);
  // Once the file has passed its check: the rolling daily backup (so a damaged file never
  // pushes a good backup out of the rotation), and indexing anything a crash left in the search
  // queue (saves made just before it).
  const afterCheck = () => {
    try {
      takeBackupIfDue(opened.sqlite, backupsFolder, now());
    } catch (error) {
      // A missed backup must not stop anyone working; the next start tries again.
      console.error('The daily backup could not be taken:', error);
    }
    try {
      store.searchIndex.catchUp();
    } catch (error) {
      // Searching tries again, and reports the problem if it persists.
      console.error('The search index could not be brought up to date:', error);
    }
  };
  if (opened.integrityChecked) {
    afterCheck();
    return {
      dispatch,
      store,
      exportJobs: exporting.jobs,
      exportsDir,
      close,
      integrity: Promise.resolve(null),
    };
  }

  // The check runs on the next turn of the event loop, once start-up has returned. Should it
  // fail, every later request answers with the "damaged" error instead of touching the file.
  let damaged: AppErrorShape | null = null;
  const integrity = new Promise<AppErrorShape | null>((resolveCheck) => {
    setImmediate(() => {
      try {
        checkIntegrity(opened.sqlite);
      } catch (error) {
        damaged = toErrorShape(error);
        resolveCheck(damaged);
        return;
      }
      afterCheck();
      resolveCheck(null);
    });
  });
  return {
    dispatch: async (channel, payload) =>
      damaged ? { ok: false, error: damaged } : dispatch(channel, payload),
    store,
    exportJobs: exporting.jobs,
    exportsDir,
    close,
    integrity,
  };
}
