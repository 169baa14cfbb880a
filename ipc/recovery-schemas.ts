// The recovery key: whether one has been made, making one (shown, then kept once the person says
// they have stored it), and opening the data with it on a computer whose key store cannot.
import { z } from 'zod';
import { emptyRequest } from './schema-parts';

export const recoveryChannels = {
  'recovery:status': {
    request: emptyRequest,
    /**
     * `open`: the data is open; `madeAt` says when the recovery key was made, null if never.
     * `locked`: this computer cannot unlock the data with its own key store, and the data folder
     * has a recovery file, so the start-up screen asks for the recovery key. `reason` says why.
     */
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('open'), madeAt: z.string().nullable() }),
      z.object({
        state: z.literal('locked'),
        reason: z.enum(['missing', 'unreadable']),
        dataFolder: z.string(),
      }),
    ]),
  },
  'recovery:create': {
    request: emptyRequest,
    /** Shown once; kept (replacing any earlier one) only when confirmed with `pendingId`. */
    response: z.object({ pendingId: z.string(), groups: z.array(z.string()) }),
  },
  'recovery:confirm': {
    request: z.object({ pendingId: z.string().min(1).max(100) }).strict(),
    response: z.object({ madeAt: z.string() }),
  },
  'recovery:unlock': {
    request: z
      .object({ recoveryKey: z.string().max(200, { message: 'This is too long to be a recovery key' }) })
      .strict(),
    response: z.object({ opened: z.literal(true) }),
  },
} as const;
