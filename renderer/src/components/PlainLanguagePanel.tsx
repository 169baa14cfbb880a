import type { ClearanceReportDto } from '../lib/clearance-types';
import { plainWords } from '../../../domain/plain-language/plain-replace';

type Summary = ClearanceReportDto['plainLanguage'];

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
  const { readability, terms, unexplainedAbbreviations } = summary;
  const unique = [...new Map(terms.map((t) => [t.text.toLowerCase(), t])).values()];
  const abbreviations = [...new Set(unexplainedAbbreviations.map((a) => a.term))];
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
              <li key={term.text.toLowerCase()}>
                “{term.text}”: try “{term.plain}”{term.explained && ' (explained in the text)'}
                {onReplace !== undefined && !term.explained && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small pxr-inline-button"
                      onClick={() => onReplace(term.text, plainWords(term.plain))}
                    >
                      Replace {term.text} with ‘{plainWords(term.plain)}’
                    </button>
                  </>
                )}
              </li>
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
