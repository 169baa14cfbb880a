import { basename, join } from 'node:path';
import type { DataFolderPaths } from '../db/data-folder-check';
import { KEY_FILE, RECOVERY_KEY_FILE, WRAPPED_KEY_FILE, type KeyWrapper } from '../db/key-file';
import { takeBackupIfDue } from '../db/backups';
import { readBackupContents, restoreBackup } from '../db/backup-restore';
import { checkIntegrity, openDatabase } from '../db/connection';
import { diskSpace } from '../db/write-ahead-log';
import type { AppErrorShape } from '../ipc/errors';
import { actionsHandlers } from './actions/actions-handlers';
import { actionTaggable } from './actions/actions-service';
import { appHandlers } from './app/app-handlers';
import { areasHandlers } from './areas/areas-handlers';
import { createAuditAnchoring, type AuditAnchoring } from './audit/audit-anchors';
import { auditHandlers } from './audit/audit-handlers';
import { backupsHandlers, type RestoreFromBackup } from './backups/backups-handlers';
import { findBackup } from './backups/backups-service';
import { clearanceHandlers } from './clearance/clearance-handlers';
import { createExportJobs, type ExportJobs } from './exports/export-jobs';
import { exportsHandlers } from './exports/exports-handlers';
import type { Handlers, Dispatch } from './handler-registry';
import { createDispatcher, toErrorShape } from './handler-registry';
import { insightsHandlers } from './insights/insights-handlers';
import { observationsHandlers } from './observations/observations-handlers';
import { observationTaggable } from './observations/observations-service';
import { listRoundObservationDtos } from './observations/observation-dto';
import { roundsHandlers } from './rounds/rounds-handlers';
import { searchHandlers } from './search/search-handlers';
import { settingsHandlers } from './settings/settings-handlers';
import { organisation } from './settings/organisation';
import { signOffHandlers } from './sign-off/sign-off-handlers';
import { signingHandlers } from './signing/signing-handlers';
import { createSigningIdentitySource } from './signing/signing-service';
import { createStore, type Store } from './store';
import { storiesHandlers } from './stories/stories-handlers';
import { storyTaggable } from './stories/stories-service';
import { taggingHandlers } from './tagging/tagging-handlers';
import { templatesHandlers } from './templates/templates-handlers';
import { loadSentimentSuggester } from './sentiment/sentiment-model-file';
import { loadBuiltinTemplates } from './templates/builtin-templates';
import { bundlesHandlers } from './bundles/bundles-handlers';
import { createImportJobs } from './bundles/import-jobs';
import { anchorInBundle } from './bundles/bundle-file';
import { anchorInSignedDocx } from './signing/audit-anchor';
import { recoveryHandlers } from './recovery/recovery-handlers';
import { createRecoveryKeys } from './recovery/recovery-service';
import { createBundlesDeps } from './bundles/bundles-service';
import { createHubDeps } from './hub/hub-connection';
import { hubHandlers } from './hub/hub-handlers';
import { createHubRuntime, type HubRuntime } from './hub/hub-runtime';
import type { RetryTimers } from './hub/outbox-retry';

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
  /** The timers the trust hub's outbox retry waits on; real ones when not given (tests pass their own). */
  timers?: RetryTimers;
};

export type AppContext = {
  dispatch: Dispatch;
  store: Store;
  /** Running and recently finished exports. */
  exportJobs: ExportJobs;
  /** The trust hub's publishes, pulls and outbox retry. */
  hub: HubRuntime;
  exportsDir: string;
  close: () => void;
  /** Settles once quick_check has run: null when the file is sound, the error otherwise. */
  integrity: Promise<AppErrorShape | null>;
  /** Signs the audit log's head into the anchors file (domain/audit/audit-anchors.ts). */
  anchoring: AuditAnchoring;
};

export const DATABASE_FILE = 'px-rounds.db';
export const BACKUPS_FOLDER = 'backups';
export const EXPORTS_FOLDER = 'exports';
export const DEFAULT_ORGANISATION = 'NHS Foundation Trust';

/** Where a data folder keeps what checkDataFolder looks at before anything is opened. */
export function dataFolderPaths(dataDir: string, ownKeyFile: string): DataFolderPaths {
  return {
    dataDir,
    databaseFile: join(dataDir, DATABASE_FILE),
    backupsFolder: join(dataDir, BACKUPS_FOLDER),
    keyFiles: [join(dataDir, KEY_FILE), join(dataDir, WRAPPED_KEY_FILE), join(dataDir, RECOVERY_KEY_FILE)],
    ownKeyFile: join(dataDir, ownKeyFile),
    exportsFolder: join(dataDir, EXPORTS_FOLDER),
  };
}

/**
 * The app's context over its data folder. Restoring a backup swaps the database under it: the
 * open one is closed, the backup put in its place (the current file kept as a backup first),
 * and the database opened again; every request after that reaches the restored data.
 */
export function createAppContext(options: AppContextOptions): AppContext {
  const backupsFolder = join(options.dataDir, BACKUPS_FOLDER);
  const databaseFile = join(options.dataDir, DATABASE_FILE);
  const nativeBinding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const restoreFromBackup: RestoreFromBackup = (name) => {
    const backupFile = findBackup(backupsFolder, name);
    // Checked before the open database is touched: a backup that cannot be read changes nothing.
    readBackupContents(backupFile, options.key, options.nativeBinding);
    current.close();
    const now = (options.now ?? (() => new Date()))();
    let keptAs: string | null = null;
    try {
      ({ keptAs } = restoreBackup({
        databaseFile,
        backupsFolder,
        backupFile,
        key: options.key,
        now,
        ...nativeBinding,
      }));
      current = openAppContext(options, restoreFromBackup);
      // The restored log is shorter than the one anchored since that backup; this anchor says the
      // older log was put back on purpose, so those later anchors are not read as a cut.
      current.anchoring.record('restore');
    } catch (error) {
      // Whatever failed, the data the app had is put back and opened again.
      if (keptAs)
        restoreBackup({
          databaseFile,
          backupsFolder,
          backupFile: keptAs,
          key: options.key,
          now,
          ...nativeBinding,
        });
      current = openAppContext(options, restoreFromBackup);
      throw error;
    }
    return { restored: name, keptAs: keptAs === null ? null : basename(keptAs) };
  };
  let current = openAppContext(options, restoreFromBackup);
  return {
    dispatch: (channel, payload) => current.dispatch(channel, payload),
    get store() {
      return current.store;
    },
    get exportJobs() {
      return current.exportJobs;
    },
    get hub() {
      return current.hub;
    },
    exportsDir: current.exportsDir,
    close: () => current.close(),
    get integrity() {
      return current.integrity;
    },
    get anchoring() {
      return current.anchoring;
    },
  };
}

function openAppContext(options: AppContextOptions, restoreFromBackup: RestoreFromBackup): AppContext {
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
  const store = createStore(opened.sqlite, opened.db, {
    actor: options.actor,
    now,
    sentiment: loadSentimentSuggester(options.resourcesFolder),
  });
  try {
    store.templates.syncBuiltin(loadBuiltinTemplates(options.resourcesFolder), now());
  } catch (error) {
    store.dispose();
    opened.close();
    throw error;
  }
  const exportsDir = options.exportsDir ?? join(options.dataDir, EXPORTS_FOLDER);
  const identity = createSigningIdentitySource(store, options.dataDir, options.keyWrapper);
  const anchoring = createAuditAnchoring(store, options.dataDir, identity);
  const jobs = createExportJobs({ now: store.now, toErrorShape });
  const defaultOrganisation = options.organisation ?? DEFAULT_ORGANISATION;
  const importJobs = createImportJobs({ now: store.now, toErrorShape });
  const bundles = bundlesHandlers(store, {
    jobs: importJobs,
    dataDir: options.dataDir,
    keyWrapper: options.keyWrapper,
    identity,
    exportsDir,
    appVersion: options.version,
    anchoring,
  });
  const hub = createHubRuntime({
    deps: createHubDeps(
      createBundlesDeps({
        store,
        identity,
        dataDir: options.dataDir,
        keyWrapper: options.keyWrapper,
        appVersion: options.version,
      }),
    ),
    now: store.now,
    toErrorShape,
    ...(options.timers ? { timers: options.timers } : {}),
  });
  const close = () => {
    // A running export must not write a file its audit entry can no longer accompany, nor an
    // import merge into a database that is closing.
    jobs.cancelAll();
    importJobs.cancelAll();
    hub.close();
    store.dispose();
    opened.close();
  };
  // One handler map per feature, named as the channels' prefix and the feature's folder.
  const handlers: Handlers = {
    ...appHandlers({ version: options.version, dataFolder: options.dataDir, host: options.host }, () =>
      diskSpace(options.dataDir),
    ),
    ...templatesHandlers(store),
    ...roundsHandlers(store, listRoundObservationDtos),
    ...areasHandlers(store),
    ...observationsHandlers(store),
    ...taggingHandlers(store, {
      observation: observationTaggable,
      story: storyTaggable,
      action: actionTaggable,
    }),
    ...searchHandlers(store),
    ...insightsHandlers(store),
    ...storiesHandlers(store),
    ...clearanceHandlers(store),
    ...settingsHandlers(store, defaultOrganisation),
    ...actionsHandlers(store),
    ...signingHandlers(store, identity, { dataDir: options.dataDir, wrapper: options.keyWrapper }),
    ...signOffHandlers(store, identity, anchoring),
    ...exportsHandlers(store, {
      identity,
      jobs,
      dataDir: options.dataDir,
      keyWrapper: options.keyWrapper,
      exportsDir,
      appVersion: options.version,
      organisation: () => organisation(store, defaultOrganisation).name,
      anchoring,
    }),
    ...auditHandlers(store, {
      dataDir: options.dataDir,
      anchoring,
      identity,
      readers: { docx: anchorInSignedDocx, bundle: anchorInBundle },
    }),
    ...bundles,
    ...hubHandlers(store, { runtime: hub }),
    ...backupsHandlers(
      store,
      {
        folder: backupsFolder,
        key: options.key,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      },
      restoreFromBackup,
      anchoring,
    ),
    ...recoveryHandlers(store, createRecoveryKeys(store, options.dataDir, options.key)),
  };
  const dispatch = createDispatcher(handlers);
  // Once the file has passed its check: the rolling daily backup (so a damaged file never
  // pushes a good backup out of the rotation), and indexing anything a crash left in the search
  // queue (saves made just before it).
  const afterCheck = () => {
    try {
      if (takeBackupIfDue(opened.sqlite, backupsFolder, now()) !== null) anchoring.record('backup');
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
      exportJobs: jobs,
      hub,
      exportsDir,
      close,
      integrity: Promise.resolve(null),
      anchoring,
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
    exportJobs: jobs,
    hub,
    exportsDir,
    close,
    integrity,
    anchoring,
  };
}
