// The field schemas every channel's request is built from, so an id or a date is checked the
// same way, with the same plain message, wherever it arrives.
import { z } from 'zod';
import { EQUALITY_IMPACTS } from './vocabulary';

export const id = z.string().uuid({ message: 'must be an id issued by PX Rounds' });

export const isoDateTime = z.iso.datetime({ offset: true, message: 'must be a date and time' });

/** A calendar date as people give it, "YYYY-MM-DD", with no time of day or time zone. */
export const calendarDate = (label: string) => z.iso.date({ message: `${label} must be a date` });

export const requiredText = (label: string, max: number) =>
  z
    .string({ message: `${label} is required` })
    .trim()
    .min(1, { message: `Enter ${label}` })
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
