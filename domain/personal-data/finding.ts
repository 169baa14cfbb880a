// What the personal-data guard reports. Pure data: shared by the scanner, the redaction and
// clearance helpers, the editor highlighting and (later) every export.

export const FINDING_KINDS = [
  'email',
  'nhs_number',
  'hospital_number',
  'date_of_birth',
  'phone',
  'postcode',
  'date',
  'bed_bay',
  'name',
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

export type Finding = {
  kind: FindingKind;
  /** Offsets into the scanned string, in UTF-16 code units (as `String.prototype.slice` uses). */
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)` of the scanned string. */
  text: string;
  /** Why this was flagged, in plain words for the person reviewing it. */
  reason: string;
  /**
   * 0-based index of this finding among the findings of the same kind and the same normalised
   * text, in document order. It makes `findingKey` stable without offsets (see clearance.ts).
   */
  occurrence: number;
};

/**
 * When two candidate findings overlap, the one with the smaller number wins (ties: the longer,
 * then the earlier). The order runs from the most specific evidence to the least:
 * - an email address is unmistakable and often contains a name or digits that other rules
 *   would claim;
 * - an NHS number has passed a check digit, so it outranks any other reading of those digits;
 * - a hospital number was found through its context words ("MRN", "hospital number"), which
 *   beat the shape-only rules below;
 * - a date of birth is a date plus a birth word, so it beats a plain date and a phone number;
 * - phone numbers and postcodes are recognised by shape alone;
 * - `date` is a full date with no birth word near it: lower, because a visit date identifies
 *   an event more than a person, but still reported because a full date together with a ward
 *   can point to one patient (NHS anonymisation guidance treats admission dates that way);
 * - bed/bay numbers and names are the fuzziest rules, so they give way to everything else.
 */
export const KIND_PRIORITY: Readonly<Record<FindingKind, number>> = {
  email: 1,
  nhs_number: 2,
  hospital_number: 3,
  date_of_birth: 4,
  phone: 5,
  postcode: 6,
  date: 7,
  bed_bay: 8,
  name: 9,
};

/** A finding before overlaps are resolved and occurrences are numbered. */
export type Candidate = Omit<Finding, 'occurrence'>;
