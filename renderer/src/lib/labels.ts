// Plain-English words for the contract's codes. Kept in one place so screens, tags and tests
// agree, and a new code in the contract fails the build here (the Records are exhaustive).
import type { ObservationKind, ObservationSource, RoundStatus, TeamRole } from '../../../ipc/contract';

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
