// Plain-English words for the contract's codes. Kept in one place so screens, tags and tests
// agree, and a new code in the contract fails the build here (the Records are exhaustive).
import type {
  EqualityImpact,
  EqualityStatus,
  FftAnswer,
  ObservationKind,
  ObservationSource,
  RoundStatus,
  SentimentLabel,
  TeamRole,
} from '../../../ipc/contract';

export const ROLE_LABELS: Record<TeamRole, string> = {
  ned: 'Non-Executive Director (NED)',
  governor: 'Governor',
  staff_escort: 'Staff escort',
  patient_partner: 'Patient partner',
  other: 'Other',
};

export const KIND_LABELS: Record<ObservationKind, string> = {
  seen: 'Seen',
  heard: 'Heard',
  quote: 'Quote',
  environment: 'Environment',
};

export const KIND_HINTS: Record<ObservationKind, string> = {
  seen: 'something you saw',
  heard: 'something someone told you, in your words',
  quote: 'their exact words',
  environment: 'a check of the place: clean, calm, signs, smells',
};

export const SOURCE_LABELS: Record<ObservationSource, string> = {
  patient: 'Patient',
  carer_family: 'Carer or family',
  staff: 'Staff',
  volunteer: 'Volunteer',
  visitor: 'Visitor',
  not_applicable: 'Not applicable',
};

/** Who it came from, as said in a sentence: "from a carer or family member". */
export const SOURCE_PHRASES: Record<ObservationSource, string> = {
  patient: 'a patient',
  carer_family: 'a carer or family member',
  staff: 'staff',
  volunteer: 'a volunteer',
  visitor: 'a visitor',
  not_applicable: 'no one in particular',
};

export const STATUS_LABELS: Record<RoundStatus, string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  completed: 'Completed',
  signed_off: 'Signed off',
};

/** NHS tag colours; the label always carries the meaning, the colour only reinforces it. */
export const STATUS_TAG_CLASSES: Record<RoundStatus, string> = {
  planned: 'nhsuk-tag--grey',
  in_progress: 'nhsuk-tag--blue',
  completed: 'nhsuk-tag--green',
  signed_off: 'nhsuk-tag--purple',
};

export function isRoundLocked(status: RoundStatus): boolean {
  return status === 'completed' || status === 'signed_off';
}

/** Tags and sentiment can still be settled on a completed round; only sign-off freezes them. */
export function canTag(status: RoundStatus): boolean {
  return status !== 'signed_off';
}

export const SENTIMENT_TEXT: Record<SentimentLabel, string> = {
  positive: 'Positive',
  negative: 'Negative',
  neutral: 'Neutral',
  mixed: 'Mixed',
};

export const IMPACT_TEXT: Record<EqualityImpact, string> = {
  positive: 'Positive',
  negative: 'Negative',
  neutral: 'Neutral',
  unclear: 'Unclear',
};

export const EQUALITY_STATUS_TEXT: Record<EqualityStatus, string> = {
  not_recorded: 'Not recorded',
  none_applies: 'None applies',
  recorded: 'Groups chosen',
};

/** The Friends and Family Test's own answer wording. */
export const FFT_TEXT: Record<FftAnswer, string> = {
  very_good: 'Very good',
  good: 'Good',
  neither: 'Neither good nor poor',
  poor: 'Poor',
  very_poor: 'Very poor',
  dont_know: 'Don’t know',
};

/** The Friends and Family Test is a question put to people, so it belongs with what they said. */
export function asksFft(kind: ObservationKind): boolean {
  return kind === 'heard' || kind === 'quote';
}

/** Headings for the equality groups' categories (from resources/frameworks/equality-groups.json). */
export const EQUALITY_CATEGORY_TEXT: Readonly<Record<string, string>> = {
  'protected-characteristic': 'Protected characteristics (Equality Act 2010)',
  core20plus5: 'Core20PLUS5',
  'inclusion-health': 'Inclusion health groups',
  'trust-addition': 'Also listened for by the trust',
  other: 'Other',
};
