import type { Ref } from 'react';
import { hrefFor } from '../../lib/routes';
import { plural } from '../../lib/format';
import { nextStep, STORY_STEPS, WITHDRAW_STEP, type StepStatus, type StoryStepId } from './story-steps';

const STATUS_TAG: Record<Exclude<StepStatus, 'Completed' | 'Cannot start yet'>, string> = {
  'Not started': 'nhsuk-tag--blue',
  'In progress': 'nhsuk-tag--yellow',
};

function StatusText({ status }: { status: StepStatus }) {
  if (status === 'Completed') return <>Completed</>;
  if (status === 'Cannot start yet') return <>{status}</>;
  return <strong className={`nhsuk-tag ${STATUS_TAG[status]}`}>{status}</strong>;
}

type ListProps = {
  storyId: string;
  statuses: Record<StoryStepId, StepStatus>;
  withdrawn: boolean;
  headingRef: Ref<HTMLHeadingElement>;
};

/** The story's steps with where each stands; each links to its own view of the page. */
export function StoryTaskList({ storyId, statuses, withdrawn, headingRef }: ListProps) {
  const done = STORY_STEPS.filter((step) => statuses[step.id] === 'Completed').length;
  return (
    <section aria-labelledby="story-steps-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m" id="story-steps-heading" tabIndex={-1} ref={headingRef}>
        Steps
      </h2>
      <p className="nhsuk-body">
        {done === STORY_STEPS.length
          ? 'Every step is complete.'
          : `You have completed ${done} of ${plural(STORY_STEPS.length, 'step', 'steps')}.`}
      </p>
      <ul className="nhsuk-task-list">
        {STORY_STEPS.map((step, index) => (
          <li className="nhsuk-task-list__item nhsuk-task-list__item--with-link" key={step.id}>
            <div className="nhsuk-task-list__name-and-hint">
              <a
                className="nhsuk-link nhsuk-task-list__link"
                href={hrefFor({ name: 'story', storyId, step: step.id })}
                aria-describedby={`story-step-${index}-status`}
              >
                {step.title}
              </a>
            </div>
            <div
              className={`nhsuk-task-list__status${statuses[step.id] === 'Cannot start yet' ? ' nhsuk-task-list__status--cannot-start-yet' : ''}`}
              id={`story-step-${index}-status`}
            >
              <StatusText status={statuses[step.id]} />
            </div>
          </li>
        ))}
      </ul>
      {!withdrawn && (
        <p className="nhsuk-body">
          If the storyteller changes their mind:{' '}
          <a href={hrefFor({ name: 'story', storyId, step: WITHDRAW_STEP.id })}>
            {WITHDRAW_STEP.title.toLowerCase()}
          </a>
          .
        </p>
      )}
    </section>
  );
}

/** Under a step: on to the next one, or back to the list. */
export function StepNavigation({ storyId, step }: { storyId: string; step: StoryStepId }) {
  const next = nextStep(step);
  return (
    <nav className="pxr-section pxr-step-nav" aria-label="Steps">
      {next !== null && (
        <a className="nhsuk-button" href={hrefFor({ name: 'story', storyId, step: next.id })}>
          Continue to {next.title.toLowerCase()}
        </a>
      )}
      <p className="nhsuk-body">
        <a href={hrefFor({ name: 'story', storyId })}>Back to all steps</a>
      </p>
    </nav>
  );
}
