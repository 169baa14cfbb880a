import type { AuditAnchoring } from '../audit/audit-anchors';
import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { createBackupNow, listBackupEntries, type BackupsSource } from './backups-service';

export type BackupsHandlers = HandlerMap<'backups:list' | 'backups:create' | 'backups:restore'>;

/** Restoring closes and reopens the database, so the app context does it (see app-context.ts). */
export type RestoreFromBackup = (name: string) => { restored: string; keptAs: string | null };

export function backupsHandlers(
  store: Store,
  source: BackupsSource,
  restoreFromBackup: RestoreFromBackup,
  anchoring: Pick<AuditAnchoring, 'record'>,
): BackupsHandlers {
  return {
    'backups:list': () => listBackupEntries(source),
    'backups:create': () => createBackupNow(store, source, anchoring),
    'backups:restore': ({ name }) => restoreFromBackup(name),
  };
}
