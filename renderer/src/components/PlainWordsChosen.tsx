import type { ClearanceReportDto } from '../lib/clearance-types';

type Props = {
  replacements: ClearanceReportDto['plainWords'];
  /** Starts each line's id, which tells items apart on a page with several. */
  idPrefix: string;
};

/** The id of a replacement's line, where the focus can be sent once it is made. */
export const plainWordsLineId = (idPrefix: string, term: string) =>
  `${idPrefix}plain-${term.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/**
 * The terms chosen at review to read in plain words in what is signed and exported, and who chose
 * each: said wherever the text is shown, since the record itself keeps what was written.
 */
export function PlainWordsChosen({ replacements, idPrefix }: Props) {
  if (replacements.length === 0) return null;
  return (
    <ul className="nhsuk-list nhsuk-list--bullet">
      {replacements.map((r) => (
        <li key={r.term} id={plainWordsLineId(idPrefix, r.term)} tabIndex={-1}>
          “{r.term}” will read “{r.words}” in what is signed and exported (chosen by {r.decidedBy}). The
          record itself keeps “{r.term}”.
        </li>
      ))}
    </ul>
  );
}
