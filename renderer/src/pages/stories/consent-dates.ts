// Calendar dates for the consent and read-back forms. "Today" and the default review date come
// from the service's own rules (Europe/London calendar), so the form never suggests a date the
// service would call "in the future" or a review date it would compute differently.
import { defaultReviewDate, londonDate } from '../../../../domain/stories/consent-rules';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const todayInTrust = (now: Date = new Date()): string => londonDate(now);

/** The default review date for a consent date; null while the date is not whole yet. */
export function reviewDateFor(givenOn: string): string | null {
  return ISO_DATE.test(givenOn) ? defaultReviewDate(givenOn) : null;
}

/** "26 November 2025" for a YYYY-MM-DD string; the string itself if it is not one. */
export function formatCalendarDate(date: string): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return utc.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
