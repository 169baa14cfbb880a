// Insights: themes, sentiment and equality over a period, with small numbers suppressed.
import { z } from 'zod';
import { isoDateTime, whoseRounds } from './schema-parts';

export const insightsRequest = z
  .object({
    from: isoDateTime,
    to: isoDateTime,
    site: z.string().max(200).nullable().default(null),
    whose: whoseRounds('Choose whose rounds to count'),
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

export const insightsChannels = {
  'insights:get': {
    request: insightsRequest,
    response: Insights,
  },
} as const;
