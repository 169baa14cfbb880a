import { MaskedText } from '../../components/MaskedText';
import type { ActionSummaryDto } from '../../../../ipc/contract';
import { hrefFor } from '../../lib/routes';
import { formatDueDate } from './action-labels';
import { ActionStatusTag, OverdueTag } from './ActionTags';

/** The board's rows; a table so each column can be read across with a screen reader. */
export function ActionsTable({ items }: { items: readonly ActionSummaryDto[] }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Actions, by due date</caption>
      <thead className="nhsuk-table__head">
        <tr>
          <th scope="col" className="nhsuk-table__header">
            What we will do
          </th>
          <th scope="col" className="nhsuk-table__header">
            Area
          </th>
          <th scope="col" className="nhsuk-table__header">
            Owner
          </th>
          <th scope="col" className="nhsuk-table__header">
            Due
          </th>
          <th scope="col" className="nhsuk-table__header">
            Status
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {items.map((item) => (
          <tr className="nhsuk-table__row" key={item.id}>
            <td className="nhsuk-table__cell">
              <a href={hrefFor({ name: 'action', actionId: item.id })}>
                {item.willDo.trim() === '' ? 'Not decided yet' : item.willDo}
              </a>
              {item.said.trim() !== '' && (
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                  You said:{' '}
                  <MaskedText
                    parts={[{ text: item.said, match: false }]}
                    label={`what was said about “${item.willDo}”`}
                  />
                </p>
              )}
            </td>
            <td className="nhsuk-table__cell">{item.areaName ?? 'No area'}</td>
            <td className="nhsuk-table__cell">
              {item.ownerName.trim() === '' ? 'No owner yet' : item.ownerName}
              {item.ownerRole.trim() !== '' && `, ${item.ownerRole}`}
            </td>
            <td className="nhsuk-table__cell">
              {item.dueDate === null ? 'No due date' : formatDueDate(item.dueDate)}
            </td>
            <td className="nhsuk-table__cell">
              <ActionStatusTag status={item.status} /> <OverdueTag overdue={item.overdue} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
