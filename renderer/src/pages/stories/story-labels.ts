// Plain words for the story vocabulary, in one place so the list, the editor and the tests agree.
import { isConsentLevel } from '../../../../ipc/stories-schemas';
import {
  CONSENT_SCOPES,
  type ConsentIdentity,
  type ConsentMethod,
  type ConsentScope,
  type ConsentState,
  type ReadBackMethod,
  type StoryStatus,
  type StorytellerType,
} from '../../../../ipc/vocabulary';

export const STORY_STATUS_LABELS: Readonly<Record<StoryStatus, string>> = {
  draft: 'Draft',
  read_back: 'Read back',
  approved: 'Approved',
  withdrawn: 'Withdrawn',
};

export const STORY_STATUS_TAG_CLASSES: Readonly<Record<StoryStatus, string>> = {
  draft: 'nhsuk-tag--grey',
  read_back: 'nhsuk-tag--blue',
  approved: 'nhsuk-tag--green',
  withdrawn: 'nhsuk-tag--red',
};

export const STORYTELLER_LABELS: Readonly<Record<StorytellerType, string>> = {
  patient: 'Patient',
  carer_family: 'Carer or family',
};

export const CONSENT_STATE_LABELS: Readonly<Record<ConsentState, string>> = {
  none: 'No consent recorded',
  valid: 'Consent in date',
  expired: 'Consent expired',
  withdrawn: 'Consent withdrawn',
};

export const CONSENT_METHOD_LABELS: Readonly<Record<ConsentMethod, string>> = {
  verbal: 'Verbally',
  written: 'In writing',
  easy_read: 'On an easy-read form',
};

export const CONSENT_SCOPE_LABELS: Readonly<Record<ConsentScope, string>> = {
  peig: 'Patient Experience and Inclusion Group (PEIG) only',
  trust_internal: 'Inside the trust',
  staff_training: 'Staff training',
  public: 'In public (for example the trust website)',
};

/** The consent form's choices: each use includes the ones before it. */
export const CONSENT_LEVEL_LABELS: Readonly<Record<ConsentScope, string>> = {
  peig: 'Only the Patient Experience and Inclusion Group (PEIG)',
  trust_internal: 'Inside the trust (PEIG included)',
  staff_training: 'Staff training too, and inside the trust',
  public: 'Public as well (for example the trust website)',
};

/** The widest use of a consent recorded as levels, or null for a set that is not one. */
export function widestLevel(scopes: readonly ConsentScope[]): ConsentScope | null {
  if (scopes.length === 0 || !isConsentLevel(scopes)) return null;
  return CONSENT_SCOPES[new Set(scopes).size - 1] ?? null;
}

/** What a consent allows, in words: its level, or (for a set recorded before levels) each use. */
export function consentUseText(scopes: readonly ConsentScope[]): string {
  const widest = widestLevel(scopes);
  return widest === null
    ? scopes.map((s) => CONSENT_SCOPE_LABELS[s]).join('; ')
    : CONSENT_LEVEL_LABELS[widest];
}

export const CONSENT_IDENTITY_LABELS: Readonly<Record<ConsentIdentity, string>> = {
  anonymised: 'Anonymised (no name)',
  named: 'Named',
};

export const READ_BACK_METHOD_LABELS: Readonly<Record<ReadBackMethod, string>> = {
  in_person: 'In person',
  phone: 'By phone',
  video: 'By video call',
  letter: 'By letter',
  email: 'By email',
};
