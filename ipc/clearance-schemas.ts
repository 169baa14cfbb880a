// Clearance: the personal-data and plain-language check of a story or observation, and the
// decisions on its findings.
import { z } from 'zod';
import { id } from './schema-parts';
import { CLEARABLE_KINDS, PERSONAL_DATA_DECISIONS } from './vocabulary';

// Fields whose text is checked for personal data: a story's title, narrative and each learning
// point; an observation's text.
export const CLEARANCE_FIELD = /^(?:title|narrative|text|learningPoints\.\d{1,2})$/;

export const clearanceCheckRequest = z
  .object({
    itemKind: z.enum(CLEARABLE_KINDS, { message: 'Choose a story or an observation' }),
    itemId: id,
  })
  .strict();

export const clearanceDecideRequest = z
  .object({
    itemKind: z.enum(CLEARABLE_KINDS, { message: 'Choose a story or an observation' }),
    itemId: id,
    field: z.string().regex(CLEARANCE_FIELD, { message: 'is not a part of the text PX Rounds checks' }),
    findingKey: z.string().min(1, { message: 'Choose a finding' }).max(2_000),
    decision: z.enum(PERSONAL_DATA_DECISIONS, { message: 'Choose to remove it or keep it' }),
    reason: z
      .string({ message: 'must be text' })
      .trim()
      .max(1_000, { message: 'The reason must be 1,000 characters or fewer' })
      .nullable()
      .default(null),
  })
  .strict()
  .refine((r) => r.decision === 'redacted' || (r.reason ?? '').length > 0, {
    message: 'Say why this can stay in (for example: the nurse agreed to be named)',
    path: ['reason'],
  });

export const plainWordsRequest = z
  .object({
    itemKind: z.enum(CLEARABLE_KINDS, { message: 'Choose a story or an observation' }),
    itemId: id,
    /** The term as the check found it written ("MDT"). */
    term: z.string().trim().min(1, { message: 'Choose a word to replace' }).max(200),
  })
  .strict();

/** A term replaced at review: what leaves the app reads `words` where the text says `term`. */
export const PlainWordsReplacement = z.object({
  term: z.string(),
  words: z.string(),
  decidedBy: z.string(),
  decidedAt: z.string(),
});

export const ClearanceFinding = z.object({
  field: z.string(),
  findingKey: z.string(),
  /** A FindingKind of domain/personal-data ("name", "nhs_number", …) and its plain label. */
  kind: z.string(),
  label: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** Why the guard flagged it, in plain words. */
  flaggedBecause: z.string(),
  state: z.enum(['undecided', ...PERSONAL_DATA_DECISIONS]),
  decision: z
    .object({
      decision: z.enum(PERSONAL_DATA_DECISIONS),
      reason: z.string().nullable(),
      decidedBy: z.string(),
      decidedAt: z.string(),
    })
    .nullable(),
});

export const PlainLanguageSummary = z.object({
  /** The field checked: a story's narrative or an observation's text. */
  field: z.string(),
  readability: z.object({
    fleschReadingEase: z.number(),
    averageSentenceLength: z.number(),
    words: z.number().int(),
    sentences: z.number().int(),
    verdict: z.string(),
  }),
  terms: z.array(
    z.object({
      term: z.string(),
      text: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      plain: z.string(),
      explained: z.boolean(),
    }),
  ),
  unexplainedAbbreviations: z.array(
    z.object({ term: z.string(), start: z.number().int(), end: z.number().int() }),
  ),
});

export const ClearanceReport = z.object({
  /** True when the item may leave the app as far as personal data goes. */
  clear: z.boolean(),
  /** Why not, in plain words (empty when clear). */
  blockers: z.array(z.string()),
  findings: z.array(ClearanceFinding),
  /** Advice only: it never stops an item leaving. Checked on the text as it will leave. */
  plainLanguage: PlainLanguageSummary,
  /** Terms replaced by their plain words at review, in the order chosen. */
  plainWords: z.array(PlainWordsReplacement),
});

export const clearanceChannels = {
  'clearance:check': {
    request: clearanceCheckRequest,
    response: ClearanceReport,
  },
  'clearance:decide': {
    request: clearanceDecideRequest,
    response: ClearanceReport,
  },
  /** The one-key jargon fix at review, recorded as a decision applied on the way out. */
  'clearance:plain-words': {
    request: plainWordsRequest,
    response: ClearanceReport,
  },
} as const;

export type ClearanceReportDto = z.output<typeof ClearanceReport>;
