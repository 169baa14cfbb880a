import { AppError } from '../../../ipc/errors';
import { formatDate } from '../labels';
import { CONSENT_SCOPES, type ConsentScope, type StoryModel } from './story-model';

// A story leaves the app only as its storyteller agreed. Checked by the builder itself, so no
// caller can forget: withdrawn consent, consent past its review date, an audience wider than
// the consent's scope, or a name on an anonymised story all refuse the export.

export const SCOPE_LABELS: Record<ConsentScope, string> = {
  peig_only: 'the Patient Experience and Inclusion Group only',
  trust_internal: 'people working in the trust',
  training: 'staff training',
  public: 'the public',
};

export class ConsentRefusal extends AppError {
  constructor(message: string) {
    super('validation', message, 'consent');
    this.name = 'ConsentRefusal';
  }
}

export function scopeCovers(scope: ConsentScope, audience: ConsentScope): boolean {
  return CONSENT_SCOPES.indexOf(scope) >= CONSENT_SCOPES.indexOf(audience);
}

/** Throws ConsentRefusal naming what stops the export; `on` is the export date (YYYY-MM-DD). */
export function assertStoryMayBeExported(story: StoryModel, on: string): void {
  const { consent } = story;
  const audience = story.audience ?? 'peig_only';
  if (consent.withdrawnOn !== null) {
    throw new ConsentRefusal(
      `The storyteller withdrew their consent on ${formatDate(consent.withdrawnOn)}, so this story cannot be exported.`,
    );
  }
  if (consent.reviewOn < on) {
    throw new ConsentRefusal(
      `The consent for this story was due for review on ${formatDate(consent.reviewOn)}. Check with the storyteller and record their answer before exporting.`,
    );
  }
  if (!scopeCovers(consent.scope, audience)) {
    throw new ConsentRefusal(
      `The storyteller agreed to share this story with ${SCOPE_LABELS[consent.scope]}, which does not cover ${SCOPE_LABELS[audience]}.`,
    );
  }
  if (consent.anonymised && story.storytellerName !== null) {
    throw new ConsentRefusal(
      'This story is anonymised, so the storyteller’s name must not be included. Remove the name before exporting.',
    );
  }
  if (story.readBackOn > on)
    throw new ConsentRefusal('The read-back date is in the future; check it before exporting.');
}
