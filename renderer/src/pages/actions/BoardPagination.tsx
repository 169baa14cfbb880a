import { hrefFor } from '../../lib/routes';
import { boardQuery, pageCount, type BoardFilters } from './board-params';

/** NHS pagination (previous and next), as links so each page is its own address. */
export function BoardPagination({ filters, total }: { filters: BoardFilters; total: number }) {
  const pages = pageCount(total);
  if (pages <= 1) return null;
  const href = (page: number) => hrefFor({ name: 'actions', query: boardQuery({ ...filters, page }) });
  return (
    <nav className="nhsuk-pagination" role="navigation" aria-label="Pages of actions">
      <p className="nhsuk-body">
        Page {filters.page} of {pages}
      </p>
      <ul className="nhsuk-list nhsuk-pagination__list">
        {filters.page > 1 && (
          <li className="nhsuk-pagination-item--previous">
            <a className="nhsuk-pagination__link nhsuk-pagination__link--prev" href={href(filters.page - 1)}>
              <span className="nhsuk-pagination__title">Previous</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">Page {filters.page - 1}</span>
            </a>
          </li>
        )}
        {filters.page < pages && (
          <li className="nhsuk-pagination-item--next">
            <a className="nhsuk-pagination__link nhsuk-pagination__link--next" href={href(filters.page + 1)}>
              <span className="nhsuk-pagination__title">Next</span>
              <span className="nhsuk-u-visually-hidden">:</span>
              <span className="nhsuk-pagination__page">Page {filters.page + 1}</span>
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
