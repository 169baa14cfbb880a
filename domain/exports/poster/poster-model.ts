import type { DocumentBase } from '../export-models';

// A "You said, we did" poster for a ward noticeboard (portrait A4) or a department's TV screen
// (landscape). Everything on it is large print and must pass the plain-language check.

export type PosterItem = {
  /** What patients, carers or staff told us, in plain words. */
  youSaid: string;
  /** What changed as a result. */
  weDid: string;
};

export type PosterModel = DocumentBase & {
  /** Defaults to "You said, we did". */
  title?: string;
  /** Where and when it applies, e.g. "Oak Ward, October to December 2025". */
  scope: string;
  /** One to six items: a poster is read in passing, so fewer is better. */
  items: readonly PosterItem[];
  /** The invitation to keep talking, e.g. "Tell us what matters to you: speak to any member of staff." */
  closing: string;
  orientation: 'portrait' | 'landscape';
};

export const MAX_POSTER_ITEMS = 6;
