import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createAuditLog, type AuditLog } from '../db/audit-log';
import type { AppDatabase } from '../db/drizzle-client';
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
import { tagsRepository, type TagsRepository } from '../db/repositories/tags-repository';
import { actionsRepository, type ActionsRepository } from '../db/repositories/actions-repository';

// What every domain service needs: the database, the audit log and the clock, passed in so
// tests can fix time and so nothing here reaches for Electron or globals.
export type Store = {
  sqlite: Database;
  db: AppDatabase;
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
  audit: AuditLog;
  /** Who is making changes: the name the audit log records, and "who decided" on records. */
  actor: string;
  now: () => Date;
  newId: () => string;
  /** Runs `work` in one transaction: the change and its audit entry land together or not at all. */
  transaction: <T>(work: () => T) => T;
  /** Stops the idle checkpoint timer; call before closing the connection. */
  dispose: () => void;
};

// Checkpointing copies the write-ahead log into the database file and, with synchronous=FULL,
// waits for the disk twice. Left to SQLite it happens inside whichever save crosses the
// threshold, so an autosave now and then would stall. Instead it runs once writes have been
// quiet for a moment, and SQLite's own automatic checkpoint is kept only as a far backstop.
export const IDLE_CHECKPOINT_MS = 1_000;
export const AUTOCHECKPOINT_PAGES = 10_000;

export function createStore(
  sqlite: Database,
  db: AppDatabase,
  options: { actor: string; now?: () => Date },
): Store {
  const now = options.now ?? (() => new Date());
  sqlite.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
  let timer: NodeJS.Timeout | null = null;
  const checkpointWhenIdle = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (sqlite.open) sqlite.pragma('wal_checkpoint(PASSIVE)');
    }, IDLE_CHECKPOINT_MS);
    timer.unref();
  };
  return {
    sqlite,
    db,
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
    audit: createAuditLog(sqlite, { actor: options.actor, now }),
    actor: options.actor,
    now,
    newId: randomUUID,
    transaction: (work) => {
      const result = sqlite.transaction(work).immediate();
      checkpointWhenIdle();
      return result;
    },
    dispose: () => {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
