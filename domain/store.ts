import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createAuditLog, type AuditLog } from '../db/audit-log';
import type { AppDatabase } from '../db/drizzle-client';
import { createSearchIndexer, type SearchIndexer } from '../db/search-indexer';
import { freeBytes, LOG_RESERVE_BYTES, LOW_SPACE_BYTES, reserveLogSpace } from '../db/write-ahead-log';
import { areasRepository, type AreasRepository } from '../db/repositories/areas-repository';
import { clearanceRepository, type ClearanceRepository } from '../db/repositories/clearance-repository';
import {
  observationsRepository,
  type ObservationsRepository,
} from '../db/repositories/observations-repository';
import { roundsRepository, type RoundsRepository } from '../db/repositories/rounds-repository';
import { settingsRepository, type SettingsRepository } from '../db/repositories/settings-repository';
import { signOffRepository, type SignOffRepository } from '../db/repositories/sign-off-repository';
import {
  trustedSignersRepository,
  type TrustedSignersRepository,
} from '../db/repositories/signing-repository';
import { storiesRepository, type StoriesRepository } from '../db/repositories/stories-repository';
import { tagsRepository, type TagsRepository } from '../db/repositories/tagging-repository';
import { actionsRepository, type ActionsRepository } from '../db/repositories/actions-repository';
import { reportingRepository, type ReportingRepository } from '../db/repositories/reporting-repository';
import { templatesRepository, type TemplatesRepository } from '../db/repositories/templates-repository';
import type { SentimentSuggester } from './sentiment/suggest-sentiment';

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
  /**
   * Who is making changes: the name the audit log records, and "who decided" on records. It is
   * the person's own name once they have given it (settings), the computer's account until then.
   */
  readonly actor: string;
  /** Suggests a sentiment for saved text; null when the model could not be loaded (no suggestions). */
  sentiment: SentimentSuggester | null;
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

const isDiskFull = (error: unknown) => (error as { code?: unknown } | null)?.code === 'SQLITE_FULL';

export function createStore(
  sqlite: Database,
  db: AppDatabase,
  options: { actor: string; now?: () => Date; sentiment?: SentimentSuggester | null },
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

  const isLowOnSpace = () => (freeBytes(dirname(logFile)) ?? Infinity) < LOW_SPACE_BYTES;
  const logIsReserved = () => {
    try {
      return statSync(logFile).size >= LOG_RESERVE_BYTES;
    } catch {
      return false;
    }
  };
  // On a full disk the log's reserved space is handed back (a checkpoint that truncates it
  // empties it into the database first), so the next save can use it; the reservation is made
  // again, as far as it fits, once saves succeed.
  const releaseLogSpace = () => {
    logReserved = false;
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      console.error('The write-ahead log could not be emptied on a full disk:', error);
    }
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
        // With little space left, every save is checkpointed, so the log starts again from the
        // top instead of growing into the last of the disk.
        if (writesSinceCheckpoint >= CHECKPOINT_EVERY_WRITES || isLowOnSpace()) checkpoint();
        searchIndex.catchUp();
        // Only what fits is reserved; the rest is tried again after later saves, once space
        // has been freed.
        if (!logReserved) {
          reserveLogSpace(logFile);
          logReserved = logIsReserved();
        }
      } catch (error) {
        // Nothing is lost: the search queue is kept for the next search or start-up, and the
        // log is checkpointed when the app is next idle.
        console.error('Housekeeping after a save did not finish:', error);
      }
    });
    housekeeping.unref();
  };

  const settings = settingsRepository(db);
  const actor = () => settings.person()?.name ?? options.actor;

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
    settings,
    signOffs: signOffRepository(db),
    trustedSigners: trustedSignersRepository(db),
    reporting: reportingRepository(sqlite),
    audit: createAuditLog(sqlite, { actor, now }),
    searchIndex,
    get actor() {
      return actor();
    },
    sentiment: options.sentiment ?? null,
    now,
    newId: randomUUID,
    transaction: (work) => {
      let result: ReturnType<typeof work>;
      try {
        result = sqlite.transaction(work).immediate();
      } catch (error) {
        // A full disk, where the log holds what a checkpoint can move into the database: the
        // save was rolled back whole, so after emptying the log it is tried once more.
        if (!isDiskFull(error) || sqlite.inTransaction) throw error;
        releaseLogSpace();
        result = sqlite.transaction(work).immediate();
      }
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
