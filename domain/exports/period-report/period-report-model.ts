import type { ObservationKind, ObservationSource, SentimentLabel } from '../../../ipc/vocabulary';
import type { ActionStatus } from '../../../ipc/vocabulary';
import type { ActionModel, DocumentBase } from '../export-models';
import type { StorytellerType } from '../story/story-model';

// The PEIG period report in two shapes:
// - PeriodReportInput: the period's records as the database holds them (already cleared of
//   personal data), which `summarisePeriod` turns into
// - PeriodReportModel: the figures and selections the report prints. A caller that already
//   has the figures (or a test) can build the model directly.

export type PeriodObservationInput = {
  /** YYYY-MM-DD. */
  date: string;
  area: string;
  kind: ObservationKind;
  source: ObservationSource;
  text: string;
  /** Theme labels, main theme first. */
  themes: readonly string[];
  sentiment: SentimentLabel | null;
  /** Labels of the equality groups the observation was tagged with. */
  equalityGroups: readonly string[];
  /**
   * True when the person agreed their words may be quoted in reports. Only such quotes can
   * be picked as notable.
   */
  mayBeQuoted: boolean;
};

export type PeriodStoryInput = {
  title: string;
  storytellerType: StorytellerType;
  /** One or two sentences for the report; the full story is its own signed export. */
  summary: string;
  themes: readonly string[];
};

/** Why an approved story is not in the report. */
export const STORY_LEFT_OUT_REASONS = ['consent_not_peig', 'consent_review_passed', 'no_consent'] as const;
export type StoryLeftOutReason = (typeof STORY_LEFT_OUT_REASONS)[number];

/** How many approved stories were left out of the report for one reason. */
export type StoriesLeftOut = { reason: StoryLeftOutReason; count: number };

export type PeriodActionInput = ActionModel & {
  /** YYYY-MM-DD the action was raised. */
  raisedOn: string;
};

export type PeriodReportInput = DocumentBase & {
  title: string;
  /** E.g. "October to December 2025". */
  periodLabel: string;
  /** First and last day of the period, YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** The site the report covers, or null for the whole trust. */
  site: string | null;
  /**
   * Each round held in the period: its date, the areas it visited, and for a round imported from a
   * PEIG bundle the key of the laptop it came from and its contributor's name (null: this laptop).
   */
  rounds: readonly {
    date: string;
    areas: readonly string[];
    laptop?: string | null;
    contributor?: string | null;
  }[];
  observations: readonly PeriodObservationInput[];
  stories: readonly PeriodStoryInput[];
  /** Stories approved in the period that may not go into the report, by reason. */
  storiesLeftOut?: readonly StoriesLeftOut[];
  /** Actions raised in the period, and older ones still open during it. */
  actions: readonly PeriodActionInput[];
  /** Every theme label in the trust's framework, in its order, so themes nobody raised still show. */
  themes: readonly string[];
  /** Every equality group label, so the groups never heard from can be listed. */
  equalityGroups: readonly string[];
  /** Counts from 1 up to this (exclusive) print as "fewer than N". Default 5. */
  suppressionThreshold?: number;
  /** Up to this many notable quotes are picked. Default 6. */
  maxQuotes?: number;
};

export type SentimentCounts = Record<SentimentLabel | 'unrated', number>;

export type PeriodReportModel = DocumentBase & {
  title: string;
  periodLabel: string;
  from: string;
  to: string;
  site: string | null;
  totals: { rounds: number; areas: number; observations: number; quotes: number; stories: number };
  /** Whose rounds the report covers: how many laptops, and the contributors other than this laptop. */
  coverage: { laptops: number; contributors: readonly string[] };
  /** Areas visited, most visited first. */
  areas: readonly { area: string; visits: number; observations: number }[];
  /** Every framework theme, in framework order, then any others found. */
  themesBySentiment: readonly { theme: string; counts: SentimentCounts }[];
  equality: {
    threshold: number;
    /** Observations tagged with at least one equality group. */
    taggedObservations: number;
    /** Every group with the number of observations tagged with it; print it through `shownCount`. */
    groups: readonly { group: string; observations: number }[];
    /** Groups with no observations at all in the period. */
    neverHeardFrom: readonly string[];
  };
  notableQuotes: readonly { text: string; source: ObservationSource; area: string; theme: string | null }[];
  stories: readonly PeriodStoryInput[];
  /** Approved stories the report leaves out, and why, so a reader is never told none were approved. */
  storiesLeftOut: readonly StoriesLeftOut[];
  actions: {
    counts: Record<ActionStatus | 'overdue' | 'raised', number>;
    /** Open or in-progress actions past their due date on the last day of the period. */
    overdue: readonly ActionModel[];
  };
};
