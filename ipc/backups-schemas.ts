// Backups of the data file: the list, with what each holds, making one now, and restoring one.
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
  'backups:restore': {
    request: z
      .object({
        name: z
          .string()
          .regex(/^px-rounds-[A-Za-z0-9_-]+\.db$/, { message: 'Choose a backup from the list' }),
      })
      .strict(),
    /** `keptAs`: the backup the data was kept as just before the restore. */
    response: z.object({ restored: z.string(), keptAs: z.string().nullable() }),
  },
} as const;
