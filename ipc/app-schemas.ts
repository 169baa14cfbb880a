// The app's own channel: its version, data folder and host.
import { z } from 'zod';
import { emptyRequest } from './schema-parts';

export const appChannels = {
  'app:info': {
    request: emptyRequest,
    response: z.object({
      version: z.string(),
      dataFolder: z.string(),
      host: z.enum(['electron', 'browser']),
    }),
  },
} as const;
