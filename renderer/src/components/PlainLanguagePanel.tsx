import type { ClearanceReportDto } from '../lib/clearance-types';
import { plainWords } from '../../../domain/plain-language/plain-replace';

type Summary = ClearanceReportDto['plainLanguage'];
type Term = Summary['terms'][number];

/** A check's terms and unexplained abbreviations, each once however often it is written. */
export function distinctJargon(summary: Summary) {
  return {
    terms: [...new Map(summary.terms.map((t) => [t.text.toLowerCase(), t])).values()],
    abbreviations: [...new Set(summary.unexplainedAbbreviations.map((a) => a.term))],
  };
}

/**
 * One term and its plain words, as a list item. With `onReplace`, a term the text does not
 * explain has the one-key fix; `where` names the item for screen readers when several are listed.
 */
export function JargonTerm({
  term,
  onReplace,
  where,
}: {
  term: Term;
  onReplace?: ((term: string, words: string) => void) | undefined;
  where?: string;
}) {
  const words = plainWords(term.plain);
  return (
    <li>
      “{term.text}”: try “{term.plain}”{term.explained && ' (explained in the text)'}
      {onReplace !== undefined && !term.explained && (
        <>
          {' '}
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small pxr-inline-button"
            onClick={() => onReplace(term.text, words)}
          >
            Replace {term.text} with ‘{words}’
            {where !== undefined && <span className="nhsuk-u-visually-hidden"> in {where}</span>}
          </button>
        </>
      )}
    </li>
  );
}

/**
 * The plain-language check, as advice: it never stops a story being approved or shared.
 * `itemNoun` says what was checked ("story", "observation"). With `onReplace`, each term not yet
 * explained has a button that puts the plain words in its place, everywhere in the text.
 */
export function PlainLanguagePanel({
  summary,
  itemNoun = 'story',
  onReplace,
}: {
  summary: Summary | null;
  itemNoun?: string;
  onReplace?: (term: string, words: string) => void;
}) {
  if (summary === null) return <p className="nhsuk-body-s">Checking the wording…</p>;
  const { readability } = summary;
  const { terms: unique, abbreviations } = distinctJargon(summary);
  return (
    <>
      {readability.words === 0 ? (
        <p className="nhsuk-body">Write the {itemNoun} to see how easy it is to read.</p>
      ) : (
        <p className="nhsuk-body">
          The {itemNoun} is <strong>{readability.verdict}</strong>. Sentences are{' '}
          {Math.round(readability.averageSentenceLength)} words long on average (under 20 is easier to
          follow).
        </p>
      )}
      {unique.length > 0 && (
        <>
          <h3 className="nhsuk-heading-xs">Words that may not be clear to everyone</h3>
          <ul className="nhsuk-list pxr-plain-terms">
            {unique.map((term) => (
              <JargonTerm key={term.text.toLowerCase()} term={term} onReplace={onReplace} />
            ))}
          </ul>
        </>
      )}
      {abbreviations.length > 0 && (
        <p className="nhsuk-body-s">Abbreviations not explained: {abbreviations.join(', ')}.</p>
      )}
      {unique.length === 0 && abbreviations.length === 0 && readability.words > 0 && (
        <p className="nhsuk-body-s">No jargon found.</p>
      )}
    </>
  );
}
