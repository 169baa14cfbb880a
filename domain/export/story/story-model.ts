import type { ObservationSource, SentimentLabel } from '../../../ipc/vocabulary';
import type { DocumentBase, EqualityTagModel } from '../export-models';

// A patient or carer story as it may be shared: approved after read-back, with the consent
// the storyteller gave. The builder prints the storyteller's name only when the consent says
// the story is not anonymised and a name is given; it never adds one of its own.

/** Who may see the story, narrowest first. Each scope includes the ones before it. */
export const CONSENT_SCOPES = ['peig_only', 'trust_internal', 'training', 'public'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export type StorytellerType = Exclude<ObservationSource, 'not_applicable'>;

export type ConsentModel = {
  /** YYYY-MM-DD the storyteller gave consent. */
  givenOn: string;
  /** How consent was given and recorded, e.g. "Signed consent form" or "Verbal, witnessed". */
  howGiven: string;
  scope: ConsentScope;
  /** True: the story must not identify the storyteller, and no name may appear. */
  anonymised: boolean;
  /** YYYY-MM-DD by which consent must be checked again; the story cannot be exported after it. */
  reviewOn: string;
  /** YYYY-MM-DD consent was withdrawn, or null. A withdrawn story is never exported. */
  withdrawnOn: string | null;
};

export type StoryModel = DocumentBase & {
  title: string;
  storytellerType: StorytellerType;
  /** The storyteller's name, allowed only when `consent.anonymised` is false; otherwise null. */
  storytellerName: string | null;
  /** Who wrote the story up (a clinical lead partner): staff, named as the author. */
  author: { name: string; role: string };
  /** The story as approved at read-back; paragraphs separated by a blank line. */
  narrative: string;
  /** The storyteller's words worth pulling out, verbatim. */
  keyQuotes: readonly string[];
  /** What the trust should learn, in the author's words. */
  learningPoints: readonly string[];
  themes: readonly string[];
  equality: readonly EqualityTagModel[];
  sentiment: SentimentLabel | null;
  consent: ConsentModel;
  /** YYYY-MM-DD the storyteller heard the text read back and approved it. */
  readBackOn: string;
  /** Who this export is for; the consent scope must cover it. Defaults to PEIG. */
  audience?: ConsentScope;
};
