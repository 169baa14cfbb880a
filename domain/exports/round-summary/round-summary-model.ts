import type { ObservationKind, ObservationSource, SentimentLabel, TeamRole } from '../../../ipc/vocabulary';
import type { EqualityTagModel } from '../../documents/document-types';
import type { ActionModel, DocumentBase } from '../export-models';

// What a round summary shows, as the wiring layer hands it over: one signed-off round, its
// texts already cleared by the personal-data check (redactions applied).

export type TeamMemberModel = {
  /** Visiting team members are named: they are the trust's own representatives. */
  name: string;
  role: TeamRole;
};

export type RoundObservationModel = {
  /** The ward or department it was made in; one of `areasVisited`. */
  area: string;
  /** "HH:mm" local time, or null when not recorded. */
  time: string | null;
  kind: ObservationKind;
  /** Who it came from, by type only ("patient"): names never appear. */
  source: ObservationSource;
  /** The observation as it may leave the app. Quotes ("quote" kind) are the person's exact words. */
  text: string;
  /**
   * Theme labels, main theme first; the summary groups observations under their first theme
   * and lists the others beside them, so nothing is printed twice.
   */
  themes: readonly string[];
  /** The sentiment a person confirmed; null when nobody did. */
  sentiment: SentimentLabel | null;
  equality: readonly EqualityTagModel[];
  /** Personal details a reviewer kept in the text, each with the reason they gave. */
  kept?: readonly KeptDetailModel[];
};

/** A possible personal detail left in a text on purpose, and why. */
export type KeptDetailModel = {
  /** The words as they appear in the text. */
  text: string;
  /** What it looked like, e.g. "a name", "a phone number". */
  kind: string;
  reason: string;
};

export type RoundSummaryModel = DocumentBase & {
  /** E.g. "Patient experience round: Oak Ward and the Day Unit". */
  title: string;
  site: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Free text such as "10:00 to 12:15", or null. */
  time: string | null;
  /** The question set the team used, e.g. "15 Steps Challenge", or null. */
  templateName: string | null;
  team: readonly TeamMemberModel[];
  /** In the order the team walked them. */
  areasVisited: readonly string[];
  observations: readonly RoundObservationModel[];
  /** Actions raised on this round. */
  actions: readonly ActionModel[];
};
