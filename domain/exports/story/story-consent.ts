import { AppError } from '../../../ipc/errors';
import { formatDate } from '../../documents/document-labels';
import { listInWords } from '../../documents/document-labels';
import type { ConsentScope, StoryModel } from './story-model';

// A story leaves the app only as its storyteller agreed. Checked by the builder itself, so no
// caller can forget: withdrawn consent, consent past its review date, an audience wider than
// the consent's scopes, or a name on an anonymised story all refuse the export. Scopes are a set
// (as the stories domain records them): the audience must be one the storyteller agreed to.

export const SCOPE_LABELS: Record<ConsentScope, string> = {
  peig: 'the Patient Experience and Inclusion Group',
  trust_internal: 'people working in the trust',
  staff_training: 'staff training',
  public: 'the public',
};

export class ConsentRefusal extends AppError {
  constructor(message: string) {
    super('validation', message, 'consent');
    this.name = 'ConsentRefusal';
  }
}

export function scopeCovers(scopes: readonly ConsentScope[], audience: ConsentScope): boolean {
  return scopes.includes(audience);
}

/** "the Patient Experience and Inclusion Group and staff training". */
export const scopesInWords = (scopes: readonly ConsentScope[]) =>
  scopes.length === 0 ? 'no one' : listInWords(scopes.map((s) => SCOPE_LABELS[s]));

/** Throws ConsentRefusal naming what stops the export; `on` is the export date (YYYY-MM-DD). */
export function assertStoryMayBeExported(story: StoryModel, on: string): void {
  const { consent } = story;
  const audience = story.audience ?? 'peig';
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
  if (!scopeCovers(consent.scopes, audience)) {
    throw new ConsentRefusal(
      `The storyteller agreed to share this story with ${scopesInWords(consent.scopes)}, which does not cover ${SCOPE_LABELS[audience]}.`,
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
