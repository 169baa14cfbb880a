import type { ReactNode } from 'react';

type Props = { heading: string; numeric?: boolean; children: ReactNode };

/** A cell of an NHS responsive table: on a narrow screen its column heading is shown beside it. */
export function TableCell({ heading, numeric = false, children }: Props) {
  return (
    <td role="cell" className={`nhsuk-table__cell${numeric ? ' nhsuk-table__cell--numeric' : ''}`}>
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      {children}
    </td>
  );
}
