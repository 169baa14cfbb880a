// Observations: what a round saw and heard, with its sentiment and follow-up flag.
import { z } from 'zod';
import { hasSomeChange, ItemTag, SentimentDriver, SOME_CHANGE_MESSAGE, id } from './schema-parts';
import {
  EQUALITY_STATUSES,
  FFT_ANSWERS,
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  SENTIMENT_LABELS,
} from './vocabulary';
export const OBSERVATION_TEXT_MAX = 20_000;

export const Observation = z.object({
  id: z.string(),
  roundId: z.string(),
  areaId: z.string(),
  capturedAt: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  source: z.enum(OBSERVATION_SOURCES),
  text: z.string(),
  promptId: z.string().nullable(),
  updatedAt: z.string(),
  sentimentSuggested: z.enum(SENTIMENT_LABELS).nullable(),
  sentimentDrivers: z.array(SentimentDriver),
  sentimentConfirmed: z.enum(SENTIMENT_LABELS).nullable(),
  fftAnswer: z.enum(FFT_ANSWERS).nullable(),
  equalityStatus: z.enum(EQUALITY_STATUSES),
  needsFollowUp: z.boolean(),
  /** The actions raised from it (or that it joined), so its list entry can link to each. */
  actions: z.array(z.object({ id: z.string(), willDo: z.string() })),
  tags: z.array(ItemTag),
});

const ObservationFields = z.object({
  areaId: id,
  kind: z.enum(OBSERVATION_KINDS, { message: 'Choose what kind of observation this is' }),
  source: z.enum(OBSERVATION_SOURCES, { message: 'Choose who it came from' }),
  text: z
    .string({ message: 'Text is required' })
    .max(OBSERVATION_TEXT_MAX, { message: `The text must be ${OBSERVATION_TEXT_MAX} characters or fewer` }),
  promptId: z.string().min(1).max(200).nullable(),
});

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

export const observationsChannels = {
  'observations:create': {
    request: ObservationFields.extend({ roundId: id }).strict(),
    response: Observation,
  },
  'observations:update': {
    request: z
      .object({
        id,
        changes: ObservationFields.partial().strict().refine(hasSomeChange, { message: SOME_CHANGE_MESSAGE }),
      })
      .strict(),
    response: Observation,
  },
  'observations:delete': {
    request: z.object({ id }).strict(),
    response: z.object({ id: z.string() }),
  },
  'observations:set-sentiment': {
    request: setSentimentRequest,
    response: Observation,
  },
  'observations:set-follow-up': {
    request: z
      .object({ id, needsFollowUp: z.boolean({ message: 'Say whether it needs follow-up' }) })
      .strict(),
    response: Observation,
  },
} as const;

export type ObservationDto = z.output<typeof Observation>;
