// Schemas for tagging, sentiment, search and insights, used by the channels in contract.ts.
import { z } from 'zod';
import { id, isoDateTime } from './schema-parts';
import {
  EQUALITY_IMPACTS,
  EQUALITY_STATUSES,
  FFT_ANSWERS,
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  SENTIMENT_LABELS,
  TAGGABLE_KINDS,
} from './vocabulary';

const tagKey = z
  .string()
  .min(1, { message: 'Choose a tag' })
  .max(100)
  .regex(/^[a-z0-9-]+$/, { message: 'is not a tag PX Rounds knows' });

export const SentimentDriver = z.object({
  phrase: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  polarity: z.enum(['positive', 'negative']),
});

export const ItemTag = z.object({
  frameworkId: z.string(),
  tagId: z.string(),
  label: z.string(),
  impact: z.enum(EQUALITY_IMPACTS).nullable(),
  description: z.string().nullable(),
});

export const FrameworksCatalogue = z.object({
  frameworks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['theme', 'equality', 'custom']),
      items: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          description: z.string().nullable(),
          category: z.string().nullable(),
          parentId: z.string().nullable(),
          needsDescription: z.boolean(),
        }),
      ),
    }),
  ),
  impacts: z.array(z.object({ id: z.enum(EQUALITY_IMPACTS), label: z.string() })),
});

export const CustomTag = z.object({ id: z.string(), label: z.string() });

export const customTagRequest = z
  .object({
    label: z
      .string({ message: 'Enter a name for the tag' })
      .trim()
      .min(1, { message: 'Enter a name for the tag' })
      .max(60, { message: 'A tag name must be 60 characters or fewer' }),
  })
  .strict();

export const setItemTagsRequest = z
  .object({
    kind: z.enum(TAGGABLE_KINDS, { message: 'Choose an observation, a story or an action' }),
    id,
    tags: z
      .array(
        z
          .object({
            frameworkId: tagKey,
            tagId: tagKey,
            impact: z.enum(EQUALITY_IMPACTS, { message: 'Choose the impact' }).nullable().default(null),
            description: z
              .string()
              .trim()
              .max(500, { message: 'The description must be 500 characters or fewer' })
              .nullable()
              .default(null),
          })
          .strict(),
      )
      .max(60, { message: 'Choose at most 60 tags' }),
    equalityStatus: z.enum(EQUALITY_STATUSES, { message: 'Say whether equality groups were considered' }),
  })
  .strict();

export const setSentimentRequest = z
  .object({
    id,
    confirmed: z
      .enum(SENTIMENT_LABELS, { message: 'Choose positive, negative, neutral or mixed' })
      .nullable(),
    fftAnswer: z
      .enum(FFT_ANSWERS, { message: 'Choose one of the Friends and Family Test answers' })
      .nullable(),
  })
  .strict();

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

export const insightsRequest = z
  .object({
    from: isoDateTime,
    to: isoDateTime,
    site: z.string().max(200).nullable().default(null),
    threshold: z.number().int().min(2).max(50).default(5),
  })
  .strict()
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), {
    message: 'The end of the period must be after its start',
    path: ['to'],
  });

const sentimentCounts = z.object({
  positive: z.number().int(),
  negative: z.number().int(),
  neutral: z.number().int(),
  mixed: z.number().int(),
  unrated: z.number().int(),
});

const shownCount = z.object({ count: z.number().int(), shown: z.string() });

/** The actions panel: what happened to actions in the period. */
export const ActionsPeriod = z.object({
  opened: z.number().int(),
  done: z.number().int(),
  fedBack: z.number().int(),
  /** Not done, and past their due date at the end of the period (or now, if sooner). */
  overdue: z.number().int(),
  medianDaysSaidToFedBack: z.number().nullable(),
});

export const Insights = z.object({
  actions: ActionsPeriod,
  observationCount: z.number().int(),
  themes: z.array(
    z.object({
      frameworkId: z.string(),
      tagId: z.string(),
      label: z.string(),
      total: z.number().int(),
      counts: sentimentCounts,
    }),
  ),
  untagged: sentimentCounts.extend({ total: z.number().int() }),
  equality: z.object({
    threshold: z.number().int(),
    recorded: z.number().int(),
    noneApplies: z.number().int(),
    notRecorded: z.number().int(),
    areas: z.array(z.object({ areaId: z.string(), name: z.string() })),
    groups: z.array(
      z.object({
        tagId: z.string(),
        label: z.string(),
        category: z.string(),
        parentId: z.string().nullable(),
        total: shownCount,
        byArea: z.array(shownCount.extend({ areaId: z.string() })),
        impacts: z.object({
          positive: z.number().int(),
          negative: z.number().int(),
          neutral: z.number().int(),
          unclear: z.number().int(),
        }),
        neverHeard: z.boolean(),
      }),
    ),
  }),
  sentiment: z.object({
    kappa: z.number().nullable(),
    observedAgreement: z.number(),
    compared: z.number().int(),
    overridden: z.number().int(),
    unconfirmed: z.number().int(),
  }),
});
