// The audit log: checking its hash chain.
import { z } from 'zod';
import { emptyRequest } from './schema-parts';

export const auditChannels = {
  'audit:verify': {
    request: emptyRequest,
    response: z.object({ ok: z.boolean(), entries: z.number().int(), brokenAt: z.number().int().nullable() }),
  },
} as const;
