// The field schemas every channel's request is built from, so an id or a date is checked the
// same way, with the same plain message, wherever it arrives.
import { z } from 'zod';
import { EQUALITY_IMPACTS } from './vocabulary';

export const id = z.string().uuid({ message: 'must be an id issued by PX Rounds' });

export const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time' });

/** What a long job (an export, a bundle import, a hub publish or pull) is doing. */
export const JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;

/**
 * A long job as its channels answer for it: its state, how far it has gone (0 to 1) and what it
 * is doing now in plain words ("Building the document"); `result` once done and `error` once
 * failed are each kind of job's own.
 */
export const jobStatus = <Result extends z.ZodType, Failure extends z.ZodType>(
  result: Result,
  error: Failure,
) =>
  z.object({
    jobId: id,
    state: z.enum(JOB_STATES),
    progress: z.number().min(0).max(1),
    stage: z.string(),
    result: result.nullable(),
    error: error.nullable(),
  });

/** Asks after, or cancels, one job. */
export const jobRequest = z.object({ jobId: id }).strict();

/** Where an imported record came from (a PEIG bundle); a record's own laptop shows none. */
export const RecordProvenance = z.object({
  contributorKeyId: z.string(),
  fingerprint: z.string(),
  /** The name the contributor's key is trusted under on this laptop. */
  contributorName: z.string(),
  bundleId: z.string(),
  importedAt: z.string(),
});
export type RecordProvenanceDto = z.output<typeof RecordProvenance>;

/**
 * Whose rounds (and what came of them: actions, stories) a view covers: everyone's (this laptop's
 * and every contributor's imported from PEIG bundles), this laptop's own ('mine'), or one
 * contributor's, by their signing-key id. The same filter wherever the trust view is read.
 */
export const whoseRounds = (message: string) =>
  z
    .union([z.enum(['everyone', 'mine']), z.string().regex(/^[0-9a-f]{64}$/)], { message })
    .default('everyone');

// A round's start outside these years is a typing slip (0000, 9999), not a walkabout.
export const EARLIEST_ROUND_YEAR = 2000;
export const LATEST_ROUND_YEAR = 2100;

/** When a round starts: a date and time within the years a walkabout can take place. */
export const roundStartTime = isoDateTime.refine(
  (value) => {
    const year = Number(value.slice(0, 4));
    return year >= EARLIEST_ROUND_YEAR && year <= LATEST_ROUND_YEAR;
  },
  { message: `The start date must be between the years ${EARLIEST_ROUND_YEAR} and ${LATEST_ROUND_YEAR}` },
);

// A lone UTF-16 surrogate cannot be stored as UTF-8: SQLite keeps a replacement character
// instead, so what is read back (and its audit fingerprint) would differ from what was sent.
// A NUL ends a string in much of the software an export passes through.
const UNSTORABLE = /\p{Cs}|\0/u;
const BLANK = /^[\s\0]*$/;

/** Whether a string can be stored and read back exactly as it was sent. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * The path of the first string in a request (a value or a key) that cannot be stored as sent,
 * or null when there is none. The dispatcher checks every request with it, so no channel has
 * to remember to.
 */
export function findUnstorableText(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, key];
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** An update whose `changes` names no field would change nothing yet still be audited. */
export const SOME_CHANGE_MESSAGE = 'Nothing to change was given';
export const hasSomeChange = (changes: object) => Object.keys(changes).length > 0;

/** A calendar date as people give it, "YYYY-MM-DD", with no time of day or time zone. */
export const calendarDate = (label: string) => z.iso.date({ message: `${label} must be a date` });

export const requiredText = (label: string, max: number) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, { message: `Enter ${label}` })
    .refine((value) => !BLANK.test(value), { message: `Enter ${label}` })
    .refine(isStorableText, { message: `${label} contains characters that are not valid text` })
    .max(max, { message: `${label} must be ${max} characters or fewer` });

// Tags and sentiment as every taggable item carries them (observations, stories, actions), here
// so the tagging schemas can name those items without a circle of imports.

export const tagKey = z
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

/** The request of a channel that takes nothing. */
export const emptyRequest = z.object({}).strict();
