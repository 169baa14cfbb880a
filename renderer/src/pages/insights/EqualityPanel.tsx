import { useState } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { formatCount, plural } from '../../lib/format';
import { impactText } from '../../lib/insights-text';
import { Checkbox } from '../../components/Checkbox';
import { TableCell } from '../../components/TableCell';

type Insights = ResponseOf<'insights:get'>;
type Equality = Insights['equality'];

type Props = { equality: Equality; period: string };

/**
 * Which groups were heard from, and where; groups never heard from stand out, because they are
 * the ones PEIG most needs to act on. Exact counts are fine on this screen; the toggle shows the
 * figures as exports will print them, small numbers suppressed.
 */
export function EqualityPanel({ equality, period }: Props) {
  const [asExported, setAsExported] = useState(false);
  const never = equality.groups.filter((group) => group.neverHeard);
  const count = (shown: { count: number; shown: string }) =>
    asExported ? shown.shown : formatCount(shown.count);
  const checkboxId = 'field-as-exported';

  return (
    <section aria-labelledby="equality-heading" className="pxr-section pxr-panel">
      <h2 className="nhsuk-heading-m" id="equality-heading">
        Who we heard from
      </h2>
      <dl className="nhsuk-summary-list">
        <Fact label="About one or more equality groups" value={equality.recorded} />
        <Fact label="No equality group applies" value={equality.noneApplies} />
        <Fact label="Not recorded" value={equality.notRecorded} />
      </dl>

      <h3 className="nhsuk-heading-s" id="never-heard-heading">
        Never heard from in this period
      </h3>
      {never.length === 0 ? (
        <p>Every group was heard from at least once.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--bullet pxr-never-heard" aria-labelledby="never-heard-heading">
          {never.map((group) => (
            <li key={group.tagId}>{group.label}</li>
          ))}
        </ul>
      )}

      <div className="nhsuk-form-group">
        <Checkbox
          id={checkboxId}
          label="Show counts as they would appear in exports"
          checked={asExported}
          onChange={setAsExported}
          hint={
            <>
              Counts from 1 to {equality.threshold - 1} are shown as “fewer than {equality.threshold}”, so
              that no one can be recognised from a report.
            </>
          }
          small
        />
      </div>

      <table className="nhsuk-table-responsive pxr-equality-table" role="table">
        <caption className="nhsuk-table__caption">
          Observations heard from or about each group, by area, {period}
          {asExported ? ' (as exported)' : ''}
        </caption>
        <thead className="nhsuk-table__head" role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col" className="nhsuk-table__header">
              Group
            </th>
            <th role="columnheader" scope="col" className="nhsuk-table__header nhsuk-table__header--numeric">
              Total
            </th>
            {equality.areas.map((area) => (
              <th
                key={area.areaId}
                role="columnheader"
                scope="col"
                className="nhsuk-table__header nhsuk-table__header--numeric"
              >
                {area.name}
              </th>
            ))}
            <th role="columnheader" scope="col" className="nhsuk-table__header">
              Impact
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {equality.groups.map((group) => (
            <tr role="row" className="nhsuk-table__row" key={group.tagId}>
              <th
                role="rowheader"
                scope="row"
                className={`nhsuk-table__header${group.parentId !== null ? ' pxr-equality-table__sub' : ''}`}
              >
                {group.label}
                {group.parentId !== null && (
                  <span className="nhsuk-u-visually-hidden"> (one of the inclusion health groups)</span>
                )}
                {group.neverHeard && (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--orange">Never heard from</strong>
                  </>
                )}
              </th>
              <TableCell heading="Total" numeric>
                {count(group.total)}
              </TableCell>
              {group.byArea.map((cell) => (
                <TableCell
                  key={cell.areaId}
                  heading={equality.areas.find((a) => a.areaId === cell.areaId)?.name ?? 'Area'}
                  numeric
                >
                  {count(cell)}
                </TableCell>
              ))}
              <TableCell heading="Impact">{impactText(group.impacts)}</TableCell>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Fact({ label, value }: { label: string; value: number }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{plural(value, 'observation', 'observations')}</dd>
    </div>
  );
}
