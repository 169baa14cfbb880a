// Consent by the calendar. Consent and review dates are calendar dates as people give them
// ("YYYY-MM-DD"), and "today" is the date on a wall in the trust, in Europe/London, whatever
// the laptop's own time zone: at 00:30 BST on 16 July it is already the 16th in London while
// it is still the 15th in UTC.
//
// Consent is valid up to and including its review date and expired from the day after it.

import type { ConsentIdentity, ConsentScope, ConsentState, StoryStatus } from '../../ipc/vocabulary';

import { calendarDateIn, TRUST_TIME_ZONE } from '../time/trust-time';

export { TRUST_TIME_ZONE };
export const CONSENT_REVIEW_MONTHS = 24;

/** The calendar date ("YYYY-MM-DD") in London at the instant `now`. */
export const londonDate = (now: Date): string => calendarDateIn(now, TRUST_TIME_ZONE);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * `date` plus whole calendar months. A day the target month lacks becomes its last day, so
 * 24 months after 29 February 2024 is 28 February 2026, not 1 March.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, lastDay))}`;
}

export const defaultReviewDate = (givenOn: string) => addMonths(givenOn, CONSENT_REVIEW_MONTHS);

export function consentStateOf(
  status: StoryStatus,
  consent: { reviewOn: string } | null | undefined,
  today: string,
): ConsentState {
  if (status === 'withdrawn') return 'withdrawn';
  if (!consent) return 'none';
  return consent.reviewOn < today ? 'expired' : 'valid';
}

/** What an export needs to know about a story (a StoryDetail has all of it). */
export type ExportableStory = {
  status: StoryStatus;
  consent: { scopes: readonly ConsentScope[]; identity: ConsentIdentity; reviewOn: string } | null;
};

export type ExportCheck = { allowed: true } | { allowed: false; reason: string };

const SCOPE_WORDS: Readonly<Record<ConsentScope, string>> = {
  peig: 'the Patient Experience & Inclusion Group (PEIG)',
  trust_internal: 'use inside the trust',
  staff_training: 'staff training',
  public: 'public use',
};

/**
 * May this story go out for `scope`, named or anonymised, today? Only an approved story with
 * consent in date that covers the scope; named only when the storyteller agreed to be named.
 * The export feature calls this before writing a file and again when recording the export.
 */
export function isExportAllowed(
  story: ExportableStory,
  scope: ConsentScope,
  options: { identity: ConsentIdentity; now: Date },
): ExportCheck {
  if (story.status === 'withdrawn') {
    return {
      allowed: false,
      reason: 'The storyteller has withdrawn consent, so this story cannot be shared.',
    };
  }
  if (!story.consent) {
    return { allowed: false, reason: 'There is no consent on record for this story.' };
  }
  if (story.status !== 'approved') {
    return {
      allowed: false,
      reason: 'Only an approved story can be shared. Read it back and approve it first.',
    };
  }
  if (consentStateOf(story.status, story.consent, londonDate(options.now)) === 'expired') {
    return {
      allowed: false,
      reason: `The storyteller’s consent was due for review on ${story.consent.reviewOn}. Record renewed consent first.`,
    };
  }
  if (!story.consent.scopes.includes(scope)) {
    return { allowed: false, reason: `The storyteller did not agree to ${SCOPE_WORDS[scope]}.` };
  }
  if (options.identity === 'named' && story.consent.identity === 'anonymised') {
    return {
      allowed: false,
      reason: 'The storyteller agreed only to an anonymised story, so it cannot name them.',
    };
  }
  return { allowed: true };
}
