import type { ResponseOf } from '../../../../ipc/contract';
import { hrefFor } from '../../lib/routes';
import { describeMedianDays } from './action-labels';

type ActionsPeriod = ResponseOf<'insights:get'>['actions'];

/** The insights screen's "You said, we did" panel: what happened to actions in the period. */
export function ActionsPanel({ actions }: { actions: ActionsPeriod }) {
  const rows: readonly { label: string; value: number }[] = [
    { label: 'Actions raised', value: actions.opened },
    { label: 'Done', value: actions.done },
    { label: 'Fed back to the ward or patient', value: actions.fedBack },
    { label: 'Overdue', value: actions.overdue },
  ];
  return (
    <section aria-labelledby="actions-panel-heading" className="pxr-section pxr-panel">
      <h2 className="nhsuk-heading-m" id="actions-panel-heading">
        You said, we did
      </h2>
      <dl className="nhsuk-summary-list">
        {rows.map((row) => (
          <div className="nhsuk-summary-list__row" key={row.label}>
            <dt className="nhsuk-summary-list__key">{row.label}</dt>
            <dd className="nhsuk-summary-list__value">{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="nhsuk-body">{describeMedianDays(actions.medianDaysSaidToFedBack)}</p>
      <p className="nhsuk-body">
        <a href={hrefFor({ name: 'actions', query: '' })}>See all actions</a>
      </p>
    </section>
  );
}
