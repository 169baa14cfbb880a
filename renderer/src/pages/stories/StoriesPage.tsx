import type { ReactNode } from 'react';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { hrefFor } from '../../lib/routes';
import { useLoad } from '../../lib/use-load';
import type { StorySummaryDto } from './story-types';
import { formatCalendarDate } from './consent-dates';
import { StoryStatusTag } from './StoryStatusTag';
import {
  filterFromQuery,
  listRequestFor,
  queryForFilter,
  STORY_FILTER_LABELS,
  STORY_FILTERS,
  type StoryFilter,
} from './story-filter';
import { CONSENT_STATE_LABELS, STORYTELLER_LABELS } from './story-labels';

function Cell({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell" role="cell">
      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      {children}
    </td>
  );
}

function ConsentCell({ story }: { story: StorySummaryDto }) {
  if (story.consentState === 'expired') {
    // Words, not only colour: an expired consent means the story cannot be shared until renewed.
    return (
      <strong className="nhsuk-tag nhsuk-tag--red">
        Consent expired
        {story.consentReviewOn !== null && ` on ${formatCalendarDate(story.consentReviewOn)}`}
      </strong>
    );
  }
  if (story.consentState === 'valid' && story.consentReviewOn !== null) {
    return <>Consent in date until {formatCalendarDate(story.consentReviewOn)}</>;
  }
  return <>{CONSENT_STATE_LABELS[story.consentState]}</>;
}

function FilterLinks({ current }: { current: StoryFilter }) {
  return (
    <nav aria-label="Show stories" className="pxr-story-filters">
      <ul className="nhsuk-list pxr-story-filters__list">
        {STORY_FILTERS.map((filter) => (
          <li key={filter}>
            <a
              href={hrefFor({ name: 'stories', query: queryForFilter(filter) })}
              aria-current={filter === current ? 'page' : undefined}
            >
              {filter === current ? (
                <strong>{STORY_FILTER_LABELS[filter]}</strong>
              ) : (
                STORY_FILTER_LABELS[filter]
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function StoriesPage({ query }: { query: string }) {
  const filter = filterFromQuery(query);
  const [stories] = useLoad(() => api['stories:list'](listRequestFor(filter)), [filter]);
  const caption =
    filter === 'all'
      ? 'Stories in use, newest first'
      : `${STORY_FILTER_LABELS[filter]} stories, newest first`;

  return (
    <>
      <PageHeading title="Patient stories" hasErrors={stories.state === 'failed'}>
        Patient stories
      </PageHeading>
      {stories.state === 'failed' && <ErrorSummary problem={stories.error} />}
      <p className="nhsuk-body-l">
        Stories told by patients and carers, with their consent and checked back with them.
      </p>
      <a href={hrefFor({ name: 'new-story' })} className="nhsuk-button" draggable="false">
        Write a story
      </a>
      <FilterLinks current={filter} />

      {stories.state === 'loading' && <p aria-live="polite">Loading stories…</p>}
      {stories.state === 'ready' && stories.value.length === 0 && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>There are no stories to show here.</p>
        </div>
      )}
      {stories.state === 'ready' && stories.value.length > 0 && (
        <table className="nhsuk-table-responsive" role="table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--m">{caption}</caption>
          <thead className="nhsuk-table__head" role="rowgroup">
            <tr role="row">
              {['Title', 'Told by', 'Status', 'Consent', 'Read back'].map((label) => (
                <th key={label} role="columnheader" scope="col" className="nhsuk-table__header">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {[...stories.value]
              .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
              .map((story) => (
                <tr className="nhsuk-table__row" role="row" key={story.id}>
                  <Cell heading="Title">
                    <a href={hrefFor({ name: 'story', storyId: story.id })}>{story.title}</a>
                  </Cell>
                  <Cell heading="Told by">{STORYTELLER_LABELS[story.storyteller]}</Cell>
                  <Cell heading="Status">
                    <StoryStatusTag status={story.status} />
                  </Cell>
                  <Cell heading="Consent">
                    <ConsentCell story={story} />
                  </Cell>
                  <Cell heading="Read back">
                    {story.status === 'draft' && story.readBackState === 'outdated' ? (
                      <strong className="nhsuk-tag nhsuk-tag--orange">Read back needed</strong>
                    ) : story.readBackState === 'not_done' ? (
                      'Not yet'
                    ) : (
                      'Done'
                    )}
                  </Cell>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </>
  );
}
