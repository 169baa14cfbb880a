import { useState } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { formatCount, plural } from '../../lib/format';
import { breakdown, chartSummary, PART_TEXT, PARTS, themeRows } from '../../lib/insights-text';

type Insights = ResponseOf<'insights:get'>;
type Counts = Insights['themes'][number]['counts'];

type Props = { insights: Insights; period: string };

/** Themes by sentiment, as a bar chart or, one click away, as a table. */
export function ThemesPanel({ insights, period }: Props) {
  const [asTable, setAsTable] = useState(false);
  const rows = themeRows(insights);
  const max = Math.max(1, ...rows.map((row) => row.total));
  return (
    <section aria-labelledby="themes-heading" className="pxr-section pxr-panel">
      <h2 className="nhsuk-heading-m" id="themes-heading">
        Themes and how people felt
      </h2>
      <p>
        Observations tagged with each of the trust’s key themes, and with the 15 Steps domains when rounds
        used them, by their sentiment (confirmed, or else suggested). An observation can have more than one
        theme.
      </p>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        onClick={() => setAsTable((current) => !current)}
      >
        {asTable ? 'Show as a chart' : 'Show as a table'}
      </button>

      {asTable ? (
        <table className="nhsuk-table-responsive pxr-themes-table" role="table">
          <caption className="nhsuk-table__caption">Observations by theme and sentiment, {period}</caption>
          <thead className="nhsuk-table__head" role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col" className="nhsuk-table__header">
                Theme
              </th>
              {PARTS.map((part) => (
                <th
                  key={part}
                  role="columnheader"
                  scope="col"
                  className="nhsuk-table__header nhsuk-table__header--numeric"
                >
                  {PART_TEXT[part]}
                </th>
              ))}
              <th
                role="columnheader"
                scope="col"
                className="nhsuk-table__header nhsuk-table__header--numeric"
              >
                Total
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((row) => (
              <tr role="row" className="nhsuk-table__row" key={row.key}>
                <th role="rowheader" scope="row" className="nhsuk-table__header">
                  {row.label}
                </th>
                {PARTS.map((part) => (
                  <td key={part} role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      {PART_TEXT[part]}{' '}
                    </span>
                    {formatCount(row.counts[part])}
                  </td>
                ))}
                <td role="cell" className="nhsuk-table__cell nhsuk-table__cell--numeric">
                  <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                    Total{' '}
                  </span>
                  {formatCount(row.total)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <figure className="pxr-chart">
          <div role="img" aria-label={chartSummary(rows, period)}>
            <ul className="pxr-chart__legend">
              {PARTS.map((part) => (
                <li key={part}>
                  <span className={`pxr-chart__key pxr-fill--${part}`} /> {PART_TEXT[part]}
                </li>
              ))}
            </ul>
            {rows.map((row) => (
              <div className="pxr-chart__row" key={row.key}>
                <div className="pxr-chart__label">
                  <span className="pxr-chart__name">{row.label}</span>{' '}
                  <span className="pxr-chart__breakdown">
                    {plural(row.total, 'observation', 'observations')}
                    {row.total > 0 ? `: ${breakdown(row.counts)}` : ''}
                  </span>
                </div>
                <Bar counts={row.counts} width={(row.total / max) * 100} />
              </div>
            ))}
          </div>
        </figure>
      )}
    </section>
  );
}

/** SVG rather than styled boxes: widths as attributes need no inline styles, which the CSP forbids. */
function Bar({ counts, width }: { counts: Counts; width: number }) {
  const total = PARTS.reduce((sum, part) => sum + counts[part], 0);
  const widths = PARTS.map((part) => (total === 0 ? 0 : (counts[part] / total) * width));
  const starts = widths.map((_, index) => widths.slice(0, index).reduce((sum, w) => sum + w, 0));
  return (
    <svg className="pxr-chart__bar" width="100%" height="24" focusable="false" aria-hidden="true">
      {PARTS.map((part, index) =>
        (widths[index] ?? 0) === 0 ? null : (
          <rect
            key={part}
            className={`pxr-fill--${part}`}
            x={`${starts[index] ?? 0}%`}
            y="0"
            width={`${widths[index] ?? 0}%`}
            height="24"
          />
        ),
      )}
    </svg>
  );
}
