// Areas: the wards and departments of a site that rounds visit and actions name.
import { z } from 'zod';
import { id, requiredText } from './schema-parts';

export const RoundArea = z.object({
  id: z.string(),
  areaId: z.string(),
  name: z.string(),
  visitedAt: z.string(),
});

export const areasChannels = {
  'areas:add': {
    request: z.object({ roundId: id, name: requiredText('the area name', 200) }).strict(),
    response: RoundArea,
  },
  'areas:names-for-site': {
    request: z.object({ site: z.string().max(200) }).strict(),
    response: z.array(z.string()),
  },
  'areas:list': {
    request: z
      .object({
        site: z
          .string()
          .trim()
          .max(200, { message: 'The site must be 200 characters or fewer' })
          .nullable()
          .default(null),
      })
      .strict(),
    response: z.array(z.object({ id: z.string(), site: z.string(), name: z.string() })),
  },
} as const;

export type RoundAreaDto = z.output<typeof RoundArea>;
