// Stories: patient stories, their consent and read-back.
import { z } from 'zod';
import { ItemTag, RecordProvenance, SentimentDriver, calendarDate, id, requiredText } from './schema-parts';
import {
  CONSENT_IDENTITIES,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  CONSENT_STATES,
  EQUALITY_STATUSES,
  EXPORT_KINDS,
  READ_BACK_METHODS,
  READ_BACK_STATES,
  SENTIMENT_LABELS,
  STORYTELLER_TYPES,
  STORY_STATUSES,
} from './vocabulary';
/** 1 MB of text, counted in UTF-8 bytes as it is stored. */
export const NARRATIVE_MAX_BYTES = 1024 * 1024;
export const QUOTES_MAX = 50;
export const LEARNING_POINTS_MAX = 30;

/** The length of `text` in UTF-8 bytes, without building the bytes (narratives can be 1 MB). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair is one character of four bytes; a lone surrogate is stored as three.
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Pasted text keeps its paragraphs: Windows (\r\n) and old Mac (\r) line ends, Word's manual
 * line break (vertical tab), page break (form feed) and the Unicode line and paragraph
 * separators all become \n, and blank lines stay. NUL, which nobody types and which C tools
 * read as the end of the text, is dropped. Nothing else is touched.
 */
export function normaliseLineBreaks(text: string): string {
  // eslint-disable-next-line no-control-regex -- these control characters are what it replaces
  return text.replace(/\r\n?|[\u000b\u000c\u2028\u2029]/g, '\n').replace(/\u0000/g, '');
}

const megabytes = (bytes: number) => `${(bytes / NARRATIVE_MAX_BYTES).toFixed(1)} MB`;

const narrative = z
  .string({ message: 'The narrative must be text' })
  .overwrite(normaliseLineBreaks)
  .superRefine((text, ctx) => {
    const bytes = utf8Length(text);
    if (bytes > NARRATIVE_MAX_BYTES) {
      ctx.addIssue({
        code: 'custom',
        message: `The narrative must be 1 MB or less; this one is ${megabytes(bytes)}. Shorten it, or split it into two stories.`,
      });
    }
  });

export const QuoteInput = z
  .object({
    start: z.number().int().min(0, { message: 'must be a position in the narrative' }),
    end: z.number().int().min(1, { message: 'must be a position in the narrative' }),
    text: z
      .string({ message: 'Select the words of the quote' })
      .min(1, { message: 'Select the words of the quote' })
      .max(5_000, { message: 'A key quote must be 5,000 characters or fewer' }),
  })
  .strict()
  .refine((q) => q.end - q.start === q.text.length, {
    message: 'The quote does not match the words selected; select it again',
    path: ['text'],
  });

const StoryFields = z.object({
  title: requiredText('the title', 200),
  storyteller: z.enum(STORYTELLER_TYPES, { message: 'Choose whether a patient or a carer told the story' }),
  author: requiredText('the author’s name', 200),
  narrative,
  quotes: z
    .array(QuoteInput)
    .max(QUOTES_MAX, { message: `A story can have at most ${QUOTES_MAX} key quotes` }),
  learningPoints: z
    .array(
      z
        .string({ message: 'A learning point must be text' })
        .overwrite(normaliseLineBreaks)
        .trim()
        .min(1, { message: 'Enter the learning point, or remove it' })
        .max(1_000, { message: 'A learning point must be 1,000 characters or fewer' }),
    )
    .max(LEARNING_POINTS_MAX, { message: `A story can have at most ${LEARNING_POINTS_MAX} learning points` }),
  roundId: id.nullable(),
});

export const createStoryRequest = StoryFields.extend({
  narrative: narrative.default(''),
  quotes: StoryFields.shape.quotes.default([]),
  learningPoints: StoryFields.shape.learningPoints.default([]),
  roundId: id.nullable().default(null),
}).strict();

export const updateStoryRequest = z.object({ id, changes: StoryFields.partial().strict() }).strict();

export const listStoriesRequest = z
  .object({
    status: z.enum(STORY_STATUSES, { message: 'Choose one of the story statuses' }).nullable().default(null),
    consentState: z
      .enum(CONSENT_STATES, { message: 'Choose one of the consent states' })
      .nullable()
      .default(null),
    /** Withdrawn stories are left out unless asked for (or filtered for by status or consent). */
    includeWithdrawn: z.boolean({ message: 'must be yes or no' }).default(false),
  })
  .strict();

export const storyIdRequest = z.object({ id }).strict();

export const setStorySentimentRequest = z
  .object({
    id,
    confirmed: z
      .enum(SENTIMENT_LABELS, { message: 'Choose positive, negative, neutral or mixed' })
      .nullable(),
  })
  .strict();

/**
 * The uses of a story are levels, each including the ones before it (CONSENT_SCOPES' order):
 * PEIG only, inside the trust, staff training, in public. Any other set of uses contradicts
 * itself ("PEIG only" and "inside the trust"), so it is refused here, at the boundary.
 */
export function isConsentLevel(scopes: readonly string[]): boolean {
  const chosen = new Set(scopes);
  return CONSENT_SCOPES.slice(0, chosen.size).every((scope) => chosen.has(scope));
}

/** The uses a storyteller agrees to by choosing `widest`: it and every narrower one. */
export function consentScopesUpTo(
  widest: (typeof CONSENT_SCOPES)[number],
): (typeof CONSENT_SCOPES)[number][] {
  return CONSENT_SCOPES.slice(0, CONSENT_SCOPES.indexOf(widest) + 1);
}

export const recordConsentRequest = z
  .object({
    id,
    givenOn: calendarDate('The date consent was given'),
    method: z.enum(CONSENT_METHODS, { message: 'Choose how consent was given' }),
    recordedBy: requiredText('who recorded the consent', 200),
    scopes: z
      .array(z.enum(CONSENT_SCOPES, { message: 'Choose from the uses listed' }))
      .min(1, { message: 'Choose at least one use the storyteller agreed to' })
      .max(CONSENT_SCOPES.length, { message: 'Choose each use once' })
      .refine(isConsentLevel, {
        message:
          'Choose one of the uses listed: each includes the ones before it, so PEIG only cannot go with wider uses',
      }),
    identity: z.enum(CONSENT_IDENTITIES, { message: 'Choose anonymised or named' }),
    /** Left out (null), it is 24 months after the consent date. */
    reviewOn: calendarDate('The review date').nullable().default(null),
  })
  .strict()
  .refine((r) => r.reviewOn === null || r.reviewOn > r.givenOn, {
    message: 'The review date must be after the date consent was given',
    path: ['reviewOn'],
  });

export const withdrawConsentRequest = z
  .object({ id, withdrawnOn: calendarDate('The date consent was withdrawn') })
  .strict();

export const recordReadBackRequest = z
  .object({
    id,
    checkedOn: calendarDate('The date the story was read back'),
    method: z.enum(READ_BACK_METHODS, { message: 'Choose how the story was read back' }),
    changesRequested: z
      .string({ message: 'must be text' })
      .overwrite(normaliseLineBreaks)
      .trim()
      .max(5_000, { message: 'The changes asked for must be 5,000 characters or fewer' })
      .default(''),
    /** The `textHash` of the version read back, as last shown; refused if the story has moved on. */
    textHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be the text fingerprint PX Rounds gave' }),
  })
  .strict();

export const StoryQuote = z.object({
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** False when the narrative no longer holds these words anywhere: re-select or remove it. */
  matches: z.boolean(),
});

export const StoryConsent = z.object({
  givenOn: z.string(),
  method: z.enum(CONSENT_METHODS),
  recordedBy: z.string(),
  scopes: z.array(z.enum(CONSENT_SCOPES)),
  identity: z.enum(CONSENT_IDENTITIES),
  reviewOn: z.string(),
  recordedAt: z.string(),
});

export const StoryReadBack = z.object({
  checkedOn: z.string(),
  method: z.enum(READ_BACK_METHODS),
  changesRequested: z.string(),
  textHash: z.string(),
  recordedAt: z.string(),
});

export const StoryExport = z.object({
  exportedAt: z.string(),
  kind: z.enum(EXPORT_KINDS),
  fileName: z.string(),
  scope: z.enum(CONSENT_SCOPES),
  identity: z.enum(CONSENT_IDENTITIES),
});

export const StorySummary = z.object({
  id: z.string(),
  title: z.string(),
  storyteller: z.enum(STORYTELLER_TYPES),
  author: z.string(),
  status: z.enum(STORY_STATUSES),
  consentState: z.enum(CONSENT_STATES),
  readBackState: z.enum(READ_BACK_STATES),
  consentReviewOn: z.string().nullable(),
  roundId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const StoryDetail = StorySummary.extend({
  narrative: z.string(),
  quotes: z.array(StoryQuote),
  learningPoints: z.array(z.string()),
  /** SHA-256 of the read-back text (narrative, quotes, learning points) as it is now. */
  textHash: z.string(),
  approvedAt: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  consent: StoryConsent.nullable(),
  readBacks: z.array(StoryReadBack),
  exports: z.array(StoryExport),
  sentimentSuggested: z.enum(SENTIMENT_LABELS).nullable(),
  sentimentDrivers: z.array(SentimentDriver),
  sentimentConfirmed: z.enum(SENTIMENT_LABELS).nullable(),
  equalityStatus: z.enum(EQUALITY_STATUSES),
  tags: z.array(ItemTag),
  /** Where an imported story came from (a PEIG bundle); null for this laptop's own. */
  provenance: RecordProvenance.nullable(),
});

export const WithdrawalResult = z.object({
  story: StoryDetail,
  /** Every file the story went out in before, oldest first, so PEIG can be told. */
  priorExports: z.array(StoryExport),
});

export const storiesChannels = {
  'stories:list': {
    request: listStoriesRequest,
    response: z.array(StorySummary),
  },
  'stories:get': {
    request: storyIdRequest,
    response: StoryDetail,
  },
  'stories:create': {
    request: createStoryRequest,
    response: StoryDetail,
  },
  'stories:update': {
    request: updateStoryRequest,
    response: StoryDetail,
  },
  'stories:set-sentiment': {
    request: setStorySentimentRequest,
    response: StoryDetail,
  },
  'stories:record-consent': {
    request: recordConsentRequest,
    response: StoryDetail,
  },
  'stories:withdraw-consent': {
    request: withdrawConsentRequest,
    response: WithdrawalResult,
  },
  'stories:record-read-back': {
    request: recordReadBackRequest,
    response: StoryDetail,
  },
  'stories:approve': {
    request: storyIdRequest,
    response: StoryDetail,
  },
} as const;

export type StorySummaryDto = z.output<typeof StorySummary>;

export type StoryDetailDto = z.output<typeof StoryDetail>;
