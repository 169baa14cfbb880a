// Search over observations.
import { z } from 'zod';
import { id, isoDateTime, tagKey, whoseRounds } from './schema-parts';
import { OBSERVATION_KINDS, OBSERVATION_SOURCES, SENTIMENT_LABELS } from './vocabulary';

export const searchRequest = z
  .object({
    text: z.string().max(200, { message: 'Search for 200 characters or fewer' }).default(''),
    from: isoDateTime.nullable().default(null),
    to: isoDateTime.nullable().default(null),
    site: z.string().max(200).nullable().default(null),
    areaId: id.nullable().default(null),
    roundId: id.nullable().default(null),
    tag: z.object({ frameworkId: tagKey, tagId: tagKey }).strict().nullable().default(null),
    sentiment: z.enum(SENTIMENT_LABELS).nullable().default(null),
    whose: whoseRounds('Choose whose rounds to search'),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const SearchResults = z.object({
  /** How many observations match, counted up to a cap (see `totalIsExact`). */
  total: z.number().int(),
  /** False when there are more matches than `total`: the page then reads "more than …". */
  totalIsExact: z.boolean(),
  /** Best matches first for a small set of matches; newest first for a large one. */
  order: z.enum(['relevance', 'newest']),
  results: z.array(
    z.object({
      observationId: z.string(),
      roundId: z.string(),
      roundStartsAt: z.string(),
      site: z.string(),
      areaId: z.string(),
      areaName: z.string(),
      capturedAt: z.string(),
      kind: z.enum(OBSERVATION_KINDS),
      source: z.enum(OBSERVATION_SOURCES),
      sentiment: z.enum(SENTIMENT_LABELS).nullable(),
      /** The text around the match, split so matched words can be highlighted without HTML. */
      snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
    }),
  ),
});

export const searchChannels = {
  'search:observations': {
    request: searchRequest,
    response: SearchResults,
  },
} as const;
