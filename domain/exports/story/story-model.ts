import type { ConsentScope, ObservationSource, SentimentLabel } from '../../../ipc/vocabulary';
import type { EqualityTagModel } from '../../documents/document-types';
import type { DocumentBase } from '../export-models';

// A patient or carer story as it may be shared: approved after read-back, with the consent
// the storyteller gave. The builder prints the storyteller's name only when the consent says
// the story is not anonymised and a name is given; it never adds one of its own.

export type { ConsentScope };

export type StorytellerType = Exclude<ObservationSource, 'not_applicable'>;

export type ConsentModel = {
  /** YYYY-MM-DD the storyteller gave consent. */
  givenOn: string;
  /** How consent was given and recorded, e.g. "Signed consent form" or "Verbal, witnessed". */
  howGiven: string;
  /**
   * Each use the storyteller agreed to, as the stories domain records it (ipc/vocabulary.ts):
   * a set, not a ladder. Agreeing to public use does not imply PEIG, nor PEIG anything else.
   */
  scopes: readonly ConsentScope[];
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
  /** Who this export is for; it must be one of the consent's scopes. Defaults to PEIG. */
  audience?: ConsentScope;
};
