// The plain-language check at review: the words that may not be clear to everyone, each with the
// one-key fix (its plain words in what is signed and exported), and the replacements already
// chosen, which stay in view so nobody is surprised by what the document says.
import { ItemHeading, type ReviewItemDto } from './SignOffChecks';
import { distinctJargon, JargonTerm, PlainLanguagePanel } from '../../components/PlainLanguagePanel';
import { PlainWordsChosen, plainWordsLineId } from '../../components/PlainWordsChosen';

export type ReplaceJargon = (item: ReviewItemDto, term: string, words: string) => void;

type Props = {
  roundId: string | null;
  items: readonly ReviewItemDto[];
  /** Absent once signed off: what was signed stays as it was. */
  onReplace?: ReplaceJargon;
};

/** The id of a chosen replacement's line, where the focus goes once it is made. */
export const replacementId = (itemId: string, term: string) => plainWordsLineId(`${itemId}-`, term);

/** The terms an item's text will read in plain words, and who chose each. */
function ChosenReplacements({ item }: { item: ReviewItemDto }) {
  return <PlainWordsChosen replacements={item.clearance.plainWords} idPrefix={`${item.itemId}-`} />;
}

/** Advice only: it never stops a sign-off. */
export function PlainLanguageChecks({ roundId, items, onReplace }: Props) {
  if (roundId === null) {
    const story = items[0];
    if (story === undefined) return <PlainLanguagePanel summary={null} />;
    return (
      <>
        <PlainLanguagePanel
          summary={story.clearance.plainLanguage}
          onReplace={onReplace && ((term, words) => onReplace(story, term, words))}
        />
        <ChosenReplacements item={story} />
      </>
    );
  }
  const shown = items.filter(
    (item) =>
      item.clearance.plainLanguage.terms.length > 0 ||
      item.clearance.plainLanguage.unexplainedAbbreviations.length > 0 ||
      item.clearance.plainWords.length > 0,
  );
  if (shown.length === 0) return <p className="nhsuk-body">No jargon found in the observations.</p>;
  return (
    <>
      <p className="nhsuk-body">
        These words may not be clear to everyone who reads the summary. This is advice: it does not stop the
        sign-off. “Replace” puts the plain words in the signed summary and what goes to PEIG; the record keeps
        what was written.
      </p>
      <ul className="nhsuk-list">
        {shown.map((item) => {
          const { terms: words, abbreviations } = distinctJargon(item.clearance.plainLanguage);
          return (
            <li key={item.itemId}>
              <ItemHeading item={item} roundId={roundId} />
              <ChosenReplacements item={item} />
              <ul className="nhsuk-list nhsuk-list--bullet">
                {words.map((term) => (
                  <JargonTerm
                    key={term.text.toLowerCase()}
                    term={term}
                    where={item.heading}
                    onReplace={onReplace && ((text, plain) => onReplace(item, text, plain))}
                  />
                ))}
                {abbreviations.length > 0 && <li>Abbreviations not explained: {abbreviations.join(', ')}</li>}
              </ul>
            </li>
          );
        })}
      </ul>
    </>
  );
}
