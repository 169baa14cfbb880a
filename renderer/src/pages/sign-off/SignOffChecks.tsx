import { useRef } from 'react';
import type { z } from 'zod';
import type { SignOffItem } from '../../../../ipc/sign-off-schemas';
import { plural } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { PersonalDataPanel, type DecideFinding } from '../../components/PersonalDataPanel';
import { PlainLanguagePanel } from '../../components/PlainLanguagePanel';

export type ReviewItemDto = z.output<typeof SignOffItem>;

type Props = {
  roundId: string | null;
  items: readonly ReviewItemDto[];
  readOnly: boolean;
  onDecide: (item: ReviewItemDto) => DecideFinding;
};

/** Items with something to look at: a finding still to decide or one kept with a reason. */
function withFindings(items: readonly ReviewItemDto[]): ReviewItemDto[] {
  return items.filter((item) => item.clearance.findings.some((f) => f.state !== 'redacted'));
}

function ItemHeading({ item, roundId }: { item: ReviewItemDto; roundId: string | null }) {
  return (
    <h3 className="nhsuk-heading-s">
      {roundId !== null && item.itemKind === 'observation' ? (
        <a href={hrefFor({ name: 'round', roundId, observationId: item.itemId })}>{item.heading}</a>
      ) : (
        item.heading
      )}
    </h3>
  );
}

/** Each item's personal-data findings, decided here one by one: remove it, or keep it and say why. */
export function PersonalDataChecks({ roundId, items, readOnly, onDecide }: Props) {
  // An item whose last finding is decided leaves the list: the focus goes to the count above.
  const countRef = useRef<HTMLParagraphElement>(null);
  const shown = withFindings(items);
  const waiting = items.filter((item) => !item.clearance.clear).length;
  const what = roundId === null ? 'story' : 'observation';
  return (
    <>
      <p className="nhsuk-body" ref={countRef} tabIndex={-1}>
        {items.length === 0
          ? `There is no ${what} to check.`
          : waiting === 0
            ? `Checked ${plural(items.length, what, `${what}s`)}: nothing is waiting for a decision.`
            : `Checked ${plural(items.length, what, `${what}s`)}: ${plural(waiting, `${what} has`, `${what}s have`)} possible personal details waiting for a decision.`}
      </p>
      {shown.map((item) => (
        <div key={item.itemId} className="pxr-review-item">
          {roundId !== null && <ItemHeading item={item} roundId={roundId} />}
          <PersonalDataPanel
            report={item.clearance}
            itemNoun={item.itemKind}
            savedNarrative={item.text}
            regionName={item.heading}
            idPrefix={`${item.itemId}-`}
            onDecided={() => countRef.current?.focus()}
            readOnly={readOnly}
            onDecide={onDecide(item)}
          />
        </div>
      ))}
    </>
  );
}

/** The plain-language check: advice only, it never stops a sign-off. */
export function PlainLanguageChecks({ roundId, items }: Pick<Props, 'roundId' | 'items'>) {
  if (roundId === null) {
    const story = items[0];
    return <PlainLanguagePanel summary={story?.clearance.plainLanguage ?? null} />;
  }
  const unclear = items.filter(
    (item) =>
      item.clearance.plainLanguage.terms.length > 0 ||
      item.clearance.plainLanguage.unexplainedAbbreviations.length > 0,
  );
  if (unclear.length === 0) return <p className="nhsuk-body">No jargon found in the observations.</p>;
  return (
    <>
      <p className="nhsuk-body">
        These words may not be clear to everyone who reads the summary. This is advice: it does not stop the
        sign-off.
      </p>
      <ul className="nhsuk-list">
        {unclear.map((item) => {
          const { terms, unexplainedAbbreviations } = item.clearance.plainLanguage;
          const words = [...new Map(terms.map((t) => [t.text.toLowerCase(), t])).values()];
          const abbreviations = [...new Set(unexplainedAbbreviations.map((a) => a.term))];
          return (
            <li key={item.itemId}>
              <ItemHeading item={item} roundId={roundId} />
              <ul className="nhsuk-list nhsuk-list--bullet">
                {words.map((term) => (
                  <li key={term.text.toLowerCase()}>
                    “{term.text}”: try “{term.plain}”{term.explained && ' (explained in the text)'}
                  </li>
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

/** Why it cannot be signed yet, in the error summary's style (it is not an error the person made). */
export function Blockers({ blockers }: { blockers: readonly string[] }) {
  return (
    <div className="nhsuk-error-summary" aria-labelledby="blockers-title">
      <h2 className="nhsuk-error-summary__title" id="blockers-title">
        This cannot be signed off yet
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {blockers.map((blocker) => (
            <li key={blocker}>{blocker}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
