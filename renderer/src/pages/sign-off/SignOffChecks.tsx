import { useRef } from 'react';
import type { z } from 'zod';
import type { SignOffItem } from '../../../../ipc/sign-off-schemas';
import { plural } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { PersonalDataPanel, type DecideFinding } from '../../components/PersonalDataPanel';

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

/** An item's heading: an observation's links to it on the round page. */
export function ItemHeading({ item, roundId }: { item: ReviewItemDto; roundId: string | null }) {
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
