import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { createBackupNow, listBackupEntries, type BackupsSource } from './backups-service';

export type BackupsHandlers = HandlerMap<'backups:list' | 'backups:create'>;

export function backupsHandlers(store: Store, source: BackupsSource): BackupsHandlers {
  return {
    'backups:list': () => listBackupEntries(source),
    'backups:create': () => createBackupNow(store, source),
  };
}
