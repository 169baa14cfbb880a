// The closed lists the app speaks in. The database's CHECK constraints, the zod schemas and
// the UI's labels all come from these.
/** The trust's clock: calendar dates, periods and printed times are all counted in it. */
export const TRUST_TIME_ZONE = 'Europe/London';

export const ROUND_STATUSES = ['planned', 'in_progress', 'completed', 'signed_off'] as const;
export const TEAM_ROLES = ['ned', 'governor', 'staff_escort', 'patient_partner', 'other'] as const;
export const OBSERVATION_KINDS = ['seen', 'heard', 'quote', 'environment'] as const;
export const OBSERVATION_SOURCES = [
  'patient',
  'carer_family',
  'staff',
  'volunteer',
  'visitor',
  'not_applicable',
] as const;

export const SENTIMENT_LABELS = ['positive', 'negative', 'neutral', 'mixed'] as const;
export const FFT_ANSWERS = ['very_good', 'good', 'neither', 'poor', 'very_poor', 'dont_know'] as const;
export const EQUALITY_STATUSES = ['not_recorded', 'none_applies', 'recorded'] as const;
export const EQUALITY_IMPACTS = ['positive', 'negative', 'neutral', 'unclear'] as const;
export const TAGGABLE_KINDS = ['observation', 'story', 'action'] as const;

// Stories: draft → read_back → approved, or withdrawn from any of them (and for good). A change
// to the read-back text after read-back sends a story back to draft (see domain/stories).
export const STORY_STATUSES = ['draft', 'read_back', 'approved', 'withdrawn'] as const;
export const STORYTELLER_TYPES = ['patient', 'carer_family'] as const;
export const CONSENT_METHODS = ['verbal', 'written', 'easy_read'] as const;
export const CONSENT_SCOPES = ['peig', 'trust_internal', 'staff_training', 'public'] as const;
export const CONSENT_IDENTITIES = ['anonymised', 'named'] as const;
/** Computed against the clock, never stored: consent expires by the calendar alone. */
export const CONSENT_STATES = ['none', 'valid', 'expired', 'withdrawn'] as const;
export const READ_BACK_METHODS = ['in_person', 'phone', 'video', 'letter', 'email'] as const;
/** not_done: never read back; current: the text is what was read back; outdated: changed since. */
export const READ_BACK_STATES = ['not_done', 'current', 'outdated'] as const;
export const EXPORT_KINDS = ['round_summary', 'story', 'period_report', 'you_said_we_did'] as const;
export const CLEARABLE_KINDS = ['story', 'observation'] as const;
/** What can be decided about a personal-data finding. */
export const PERSONAL_DATA_DECISIONS = ['redacted', 'kept'] as const;
/**
 * What is stored against an item's text: a personal-data decision, or "plain_words", a term of
 * jargon replaced at review by its plain words in what leaves the app (the stored text, fixed by
 * then, keeps its own words; the decision's reason holds the words put in).
 */
export const CLEARANCE_DECISIONS = [...PERSONAL_DATA_DECISIONS, 'plain_words'] as const;

export type TeamRole = (typeof TEAM_ROLES)[number];
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export type ObservationSource = (typeof OBSERVATION_SOURCES)[number];
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];
export type FftAnswer = (typeof FFT_ANSWERS)[number];
export type EqualityStatus = (typeof EQUALITY_STATUSES)[number];
export type EqualityImpact = (typeof EQUALITY_IMPACTS)[number];
export type TaggableKind = (typeof TAGGABLE_KINDS)[number];
export type StoryStatus = (typeof STORY_STATUSES)[number];
export type StorytellerType = (typeof STORYTELLER_TYPES)[number];
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export type ConsentIdentity = (typeof CONSENT_IDENTITIES)[number];
export type ConsentState = (typeof CONSENT_STATES)[number];
export type ReadBackMethod = (typeof READ_BACK_METHODS)[number];
export type ReadBackState = (typeof READ_BACK_STATES)[number];
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ClearableKind = (typeof CLEARABLE_KINDS)[number];
export type ClearanceDecisionKind = (typeof CLEARANCE_DECISIONS)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'fed_back'] as const;
export const FEEDBACK_CHANNELS = [
  'ward_noticeboard',
  'department_screen',
  'letter',
  'in_person',
  'meeting',
] as const;
export const REVISIT_OUTCOMES = ['still_an_issue', 'improved', 'resolved'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export type RevisitOutcome = (typeof REVISIT_OUTCOMES)[number];
