import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { hrefFor } from '../../lib/routes';
import { useLoad } from '../../lib/use-load';
import { StoryActions } from './StoryActions';
import { StoryEditor } from './StoryEditor';
import { isStoryStep } from './story-steps';

export function StoryPage({ storyId, step }: { storyId: string; step?: string }) {
  const [story, , retry] = useLoad(() => api['stories:get']({ id: storyId }), [storyId]);
  if (story.state === 'ready') {
    return (
      <StoryEditor
        initial={story.value}
        step={isStoryStep(step) ? step : null}
        listExtras={
          <>
            <StoryActions story={story.value} />
            {story.value.status === 'approved' && (
              <p className="nhsuk-body pxr-section">
                <a href={hrefFor({ name: 'review', kind: 'story', id: storyId })}>Review and sign off</a>
              </p>
            )}
          </>
        }
      />
    );
  }
  return (
    <>
      <a className="nhsuk-back-link" href={hrefFor({ name: 'stories', query: '' })}>
        Back to stories
      </a>
      <PageHeading title="Story" hasErrors={story.state === 'failed'}>
        Story
      </PageHeading>
      {story.state === 'loading' && <p aria-live="polite">Loading the story…</p>}
      {story.state === 'failed' && (
        <>
          <ErrorSummary problem={story.error} />
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={retry}>
            Try again
          </button>
        </>
      )}
    </>
  );
}
