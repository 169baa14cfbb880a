// Backups of the data file: the list, with what each holds, and making one now.
import { z } from 'zod';
import { emptyRequest } from './schema-parts';

export const BackupEntry = z.object({
  /** The file's name in the backups folder, which is how a backup is named in requests. */
  name: z.string(),
  takenAt: z.string(),
  bytes: z.number().int(),
  /** What the backup holds, read with this data's key; null when it cannot be read. */
  rounds: z.number().int().nullable(),
  observations: z.number().int().nullable(),
  /** Why it cannot be read, in plain words, when it cannot. */
  problem: z.string().nullable(),
});
export type BackupEntryDto = z.infer<typeof BackupEntry>;

export const backupsChannels = {
  'backups:list': {
    request: emptyRequest,
    response: z.array(BackupEntry),
  },
  'backups:create': {
    request: emptyRequest,
    response: BackupEntry,
  },
} as const;
