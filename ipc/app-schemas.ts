// The app's own channel: its version, data folder and host, and the free space where the data is.
import { z } from 'zod';
import { emptyRequest } from './schema-parts';

export const appChannels = {
  'app:info': {
    request: emptyRequest,
    response: z.object({
      version: z.string(),
      dataFolder: z.string(),
      host: z.enum(['electron', 'browser']),
      /** Free space where the data is kept; `low` under 200 MB, when the app warns. */
      diskSpace: z.object({ freeBytes: z.number().nullable(), low: z.boolean() }),
    }),
  },
} as const;
