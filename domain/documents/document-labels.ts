import {
  TRUST_TIME_ZONE,
  type ActionStatus,
  type EqualityImpact,
  type ObservationKind,
  type ObservationSource,
  type SentimentLabel,
  type TeamRole,
} from '../../ipc/vocabulary';
import type { FindingKind } from '../personal-data/finding';
import type { DocumentType, EqualityTagModel } from './document-types';

// Plain words for the app's codes as they appear in exported documents. The renderer has its
// own copy for screens (renderer/src/lib/labels.ts); documents spell abbreviations out in full
// because they travel to readers who have never used the app. The Records are exhaustive, so a
// new code fails the build here rather than printing "fed_back" in a committee paper.

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  round_summary: 'Round summary',
  story: 'Patient story',
  period_report: 'Patient Experience and Inclusion Group report',
  you_said_we_did: '"You said, we did" poster',
};

export const ROLE_LABELS: Record<TeamRole, string> = {
  ned: 'Non-Executive Director',
  governor: 'Governor',
  staff_escort: 'Staff escort',
  patient_partner: 'Patient partner',
  other: 'Team member',
};

export const KIND_LABELS: Record<ObservationKind, string> = {
  seen: 'Seen',
  heard: 'Heard',
  quote: 'In their own words',
  environment: 'Environment check',
};

export const SOURCE_LABELS: Record<ObservationSource, string> = {
  patient: 'patient',
  carer_family: 'carer or family member',
  staff: 'member of staff',
  volunteer: 'volunteer',
  visitor: 'visitor',
  not_applicable: 'the visiting team',
};

export const SENTIMENT_LABELS_TEXT: Record<SentimentLabel | 'unrated', string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  mixed: 'Mixed',
  negative: 'Negative',
  unrated: 'Not rated',
};

/** The order reports list sentiment in: good news first, then the rest, unrated last. */
export const SENTIMENT_ORDER = ['positive', 'neutral', 'mixed', 'negative', 'unrated'] as const;

export const IMPACT_LABELS: Record<EqualityImpact, string> = {
  positive: 'positive impact',
  negative: 'negative impact',
  neutral: 'no clear effect',
  unclear: 'impact unclear',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  fed_back: 'Done and fed back',
};

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  email: 'an email address',
  nhs_number: 'an NHS number',
  hospital_number: 'a hospital number',
  date_of_birth: 'a date of birth',
  phone: 'a phone number',
  postcode: 'a postcode',
  date: 'a date',
  bed_bay: 'a bed or bay',
  name: 'a name',
};

/** "Disability (negative impact), Carers (positive impact)". */
export function equalityText(tags: readonly EqualityTagModel[]): string {
  return tags.map((t) => `${t.group} (${IMPACT_LABELS[t.impact]})`).join(', ');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-11-12" → "12 November 2025". Calendar dates carry no time zone, so none is applied. */
export function formatDate(isoDate: string): string {
  const match = DATE.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** "2025-12-12" → "12 Dec 2025", for table columns. */
export function formatShortDate(isoDate: string): string {
  const match = DATE.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** An instant as UK readers expect it: "14 November 2025 at 10:32", in UK time. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TRUST_TIME_ZONE,
  });
  const time = date.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: TRUST_TIME_ZONE,
  });
  return `${day} at ${time}`;
}

/** The UK calendar date of an instant, YYYY-MM-DD, so a late-evening signature in summer is not "tomorrow". */
export function ukDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-CA', { timeZone: TRUST_TIME_ZONE });
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 area", "1,254 areas": a count that is never zero or reads well as "0 areas" in a table. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
