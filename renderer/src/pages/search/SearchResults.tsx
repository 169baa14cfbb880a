import type { Ref } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { formatCount, formatDateTime, plural } from '../../lib/format';
import { KIND_LABELS, SENTIMENT_TEXT, SOURCE_LABELS } from '../../lib/labels';
import { hrefFor } from '../../lib/routes';
import { PAGE_SIZE } from '../../lib/search-params';
import { MaskedText } from '../../components/MaskedText';

type Results = ResponseOf<'search:observations'>;

type Props = {
  results: Results;
  page: number;
  headingRef: Ref<HTMLHeadingElement>;
  /** The address of another page of the same search. */
  pageHref: (page: number) => string;
  onPage: () => void;
};

/**
 * "12 observations found", each with its highlighted words and a link to it in its round. Past
 * the count's cap it reads "More than 200 observations found", newest first.
 */
export function SearchResults({ results, page, headingRef, pageHref, onPage }: Props) {
  const exact = results.totalIsExact;
  const pages = Math.max(1, Math.ceil(results.total / PAGE_SIZE));
  // When the count stopped at its cap, a full page may have more after it.
  const hasNext = page < pages || (!exact && results.results.length === PAGE_SIZE);
  // Without a full count the number of pages is not known either.
  const pageLabel = (n: number) => (exact ? `Page ${n} of ${pages}` : `Page ${n}`);
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = first + results.results.length - 1;
  return (
    <section aria-labelledby="results-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m pxr-focus-target" id="results-heading" tabIndex={-1} ref={headingRef}>
        {results.total === 0
          ? 'No observations found'
          : exact
            ? `${plural(results.total, 'observation', 'observations')} found`
            : `More than ${formatCount(results.total)} observations found`}
      </h2>
      {results.total === 0 && (
        <p>Check the spelling, try fewer or shorter words, or remove some of the filters.</p>
      )}
      {(results.total > PAGE_SIZE || !exact) && results.results.length > 0 && (
        <p className="pxr-muted">
          Showing {formatCount(first)} to {formatCount(last)} of{' '}
          {exact ? formatCount(results.total) : `more than ${formatCount(results.total)}`}
          {results.order === 'newest' && ', newest first. Add words or filters to narrow the search'}.
        </p>
      )}
      <ol className="nhsuk-list pxr-results">
        {results.results.map((result) => (
          <li key={result.observationId} className="pxr-result">
            <h3 className="nhsuk-heading-xs pxr-result__title">
              <a
                href={hrefFor({
                  name: 'round',
                  roundId: result.roundId,
                  observationId: result.observationId,
                })}
              >
                {result.areaName}, {result.site}
                <span className="nhsuk-u-visually-hidden">, {formatDateTime(result.capturedAt)}</span>
              </a>
            </h3>
            <p className="pxr-result__snippet">
              <MaskedText
                parts={result.snippet}
                label={`the observation from ${result.areaName}, ${formatDateTime(result.capturedAt)}`}
              />
            </p>
            <p className="pxr-result__meta">
              {formatDateTime(result.capturedAt)} · {KIND_LABELS[result.kind]}
              {result.source === 'not_applicable'
                ? ''
                : `, from ${SOURCE_LABELS[result.source].toLowerCase()}`}
              {result.sentiment !== null && ` · Sentiment: ${SENTIMENT_TEXT[result.sentiment].toLowerCase()}`}
            </p>
          </li>
        ))}
      </ol>
      {(page > 1 || hasNext) && (
        <nav className="nhsuk-pagination" role="navigation" aria-label="Pages of results">
          <ul className="nhsuk-list nhsuk-pagination__list">
            {page > 1 && (
              <li className="nhsuk-pagination-item--previous">
                <a
                  className="nhsuk-pagination__link nhsuk-pagination__link--prev"
                  href={pageHref(page - 1)}
                  rel="prev"
                  onClick={onPage}
                >
                  <span className="nhsuk-pagination__title">
                    Previous<span className="nhsuk-u-visually-hidden"> page</span>
                  </span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">{pageLabel(page - 1)}</span>
                  <Arrow direction="left" />
                </a>
              </li>
            )}
            {hasNext && (
              <li className="nhsuk-pagination-item--next">
                <a
                  className="nhsuk-pagination__link nhsuk-pagination__link--next"
                  href={pageHref(page + 1)}
                  rel="next"
                  onClick={onPage}
                >
                  <span className="nhsuk-pagination__title">
                    Next<span className="nhsuk-u-visually-hidden"> page</span>
                  </span>
                  <span className="nhsuk-u-visually-hidden">:</span>
                  <span className="nhsuk-pagination__page">{pageLabel(page + 1)}</span>
                  <Arrow direction="right" />
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}

const ARROWS = {
  left: 'M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z',
  right:
    'm14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z',
} as const;

/** The design system's pagination arrows (its icon macro's paths). */
function Arrow({ direction }: { direction: keyof typeof ARROWS }) {
  return (
    <svg
      className={`nhsuk-icon nhsuk-icon--arrow-${direction}`}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d={ARROWS[direction]} />
    </svg>
  );
}
