// The closed lists the app speaks in. The database's CHECK constraints, the zod schemas and
// the UI's labels all come from these.
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

export type TeamRole = (typeof TEAM_ROLES)[number];
export type ObservationKind = (typeof OBSERVATION_KINDS)[number];
export type ObservationSource = (typeof OBSERVATION_SOURCES)[number];
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];
export type FftAnswer = (typeof FFT_ANSWERS)[number];
export type EqualityStatus = (typeof EQUALITY_STATUSES)[number];
export type EqualityImpact = (typeof EQUALITY_IMPACTS)[number];
export type TaggableKind = (typeof TAGGABLE_KINDS)[number];
