import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createAuditLog, type AuditLog } from '../db/audit-log';
import type { AppDatabase } from '../db/drizzle-client';
import { createSearchIndexer, type SearchIndexer } from '../db/search-indexer';
import { reserveLogSpace } from '../db/write-ahead-log';
import { areasRepository, type AreasRepository } from '../db/repositories/areas-repository';
import { clearanceRepository, type ClearanceRepository } from '../db/repositories/clearance-repository';
import {
  observationsRepository,
  type ObservationsRepository,
} from '../db/repositories/observations-repository';
import { roundsRepository, type RoundsRepository } from '../db/repositories/rounds-repository';
import { settingsRepository, type SettingsRepository } from '../db/repositories/settings-repository';
import {
  signOffRepository,
  trustedSignersRepository,
  type SignOffRepository,
  type TrustedSignersRepository,
} from '../db/repositories/sign-off-repository';
import { storiesRepository, type StoriesRepository } from '../db/repositories/stories-repository';
import { tagsRepository, type TagsRepository } from '../db/repositories/tagging-repository';
import { actionsRepository, type ActionsRepository } from '../db/repositories/actions-repository';
import { reportingRepository, type ReportingRepository } from '../db/repositories/reporting-repository';
import { templatesRepository, type TemplatesRepository } from '../db/repositories/templates-repository';

// What every domain service needs: the database, the audit log and the clock, passed in so
// tests can fix time and so nothing here reaches for Electron or globals.
export type Store = {
  sqlite: Database;
  db: AppDatabase;
  templates: TemplatesRepository;
  rounds: RoundsRepository;
  areas: AreasRepository;
  observations: ObservationsRepository;
  tags: TagsRepository;
  actions: ActionsRepository;
  stories: StoriesRepository;
  clearance: ClearanceRepository;
  settings: SettingsRepository;
  signOffs: SignOffRepository;
  trustedSigners: TrustedSignersRepository;
  /** The cross-feature reads that documents are built from. */
  reporting: ReportingRepository;
  audit: AuditLog;
  /**
   * The full-text index, brought up to date from the queue saves leave (migration 0010). It runs
   * by itself just after each write; searches call it first so they always see every save.
   */
  searchIndex: SearchIndexer;
  /** Who is making changes: the name the audit log records, and "who decided" on records. */
  actor: string;
  now: () => Date;
  newId: () => string;
  /** Runs `work` in one transaction: the change and its audit entry land together or not at all. */
  transaction: <T>(work: () => T) => T;
  /** Stops the timers and indexes anything still queued; call before closing the connection. */
  dispose: () => void;
};

// Checkpointing copies the write-ahead log into the database file and, with synchronous=FULL,
// waits for the disk twice. Left to SQLite it happens inside whichever save crosses the
// threshold, so an autosave now and then would stall. Instead it runs just after a save has
// answered, once every CHECKPOINT_EVERY_WRITES writes, or once writes have been quiet for a
// moment; SQLite's own automatic checkpoint is kept only as a far backstop. Checkpointing this
// often keeps the log within the space reserved for it (db/write-ahead-log.ts), so saves
// overwrite allocated space instead of growing the file.
export const IDLE_CHECKPOINT_MS = 1_000;
export const CHECKPOINT_EVERY_WRITES = 100;
export const AUTOCHECKPOINT_PAGES = 10_000;

export function createStore(
  sqlite: Database,
  db: AppDatabase,
  options: { actor: string; now?: () => Date },
): Store {
  const now = options.now ?? (() => new Date());
  sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  const logFile = `${sqlite.name}-wal`;
  let logReserved = false;
  let writesSinceCheckpoint = 0;
  const markCheckpoint = sqlite.prepare('UPDATE last_checkpoint SET at = ? WHERE id = 1');
  const checkpoint = () => {
    writesSinceCheckpoint = 0;
    sqlite.pragma('wal_checkpoint(PASSIVE)');
    // The next write starts the log again from the top and waits for the disk an extra time to
    // do so. This small one takes that wait now, while nobody is waiting for a save.
    markCheckpoint.run(now().toISOString());
  };

  let idle: NodeJS.Timeout | null = null;
  const checkpointWhenIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      idle = null;
      if (!sqlite.open) return;
      try {
        checkpoint();
      } catch (error) {
        // A full disk, say: the log keeps everything until the next checkpoint succeeds.
        console.error('The write-ahead log could not be checkpointed:', error);
      }
    }, IDLE_CHECKPOINT_MS);
    idle.unref();
  };

  // What follows a write, on the next turn of the event loop: the save has answered and the
  // person reads "Saved", not waiting for any of this.
  // 1. A checkpoint, if enough has been written since the last.
  // 2. Indexing what the save queued for search.
  // 3. Reserving the log's space, once.
  const searchIndex = createSearchIndexer(sqlite);
  let housekeeping: NodeJS.Immediate | null = null;
  const afterWrite = () => {
    writesSinceCheckpoint += 1;
    checkpointWhenIdle();
    if (housekeeping) return;
    housekeeping = setImmediate(() => {
      housekeeping = null;
      if (!sqlite.open) return;
      try {
        if (writesSinceCheckpoint >= CHECKPOINT_EVERY_WRITES) checkpoint();
        searchIndex.catchUp();
        if (!logReserved) {
          reserveLogSpace(logFile);
          logReserved = true;
        }
      } catch (error) {
        // Nothing is lost: the search queue is kept for the next search or start-up, and the
        // log is checkpointed when the app is next idle.
        console.error('Housekeeping after a save did not finish:', error);
      }
    });
    housekeeping.unref();
  };

  return {
    sqlite,
    db,
    templates: templatesRepository(db),
    rounds: roundsRepository(db),
    areas: areasRepository(db),
    observations: observationsRepository(db),
    tags: tagsRepository(db),
    actions: actionsRepository(db, sqlite),
    stories: storiesRepository(db),
    clearance: clearanceRepository(db),
    settings: settingsRepository(db),
    signOffs: signOffRepository(db),
    trustedSigners: trustedSignersRepository(db),
    reporting: reportingRepository(sqlite),
    audit: createAuditLog(sqlite, { actor: options.actor, now }),
    searchIndex,
    actor: options.actor,
    now,
    newId: randomUUID,
    transaction: (work) => {
      const result = sqlite.transaction(work).immediate();
      if (!sqlite.inTransaction) afterWrite();
      return result;
    },
    dispose: () => {
      if (idle) clearTimeout(idle);
      idle = null;
      if (housekeeping) clearImmediate(housekeeping);
      housekeeping = null;
      if (!sqlite.open || sqlite.readonly) return;
      try {
        searchIndex.catchUp();
      } catch (error) {
        console.error('The search index could not be brought up to date:', error);
      }
    },
  };
}
