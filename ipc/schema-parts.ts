// The field schemas every channel's request is built from, so an id or a date is checked the
// same way, with the same plain message, wherever it arrives.
import { z } from 'zod';

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
