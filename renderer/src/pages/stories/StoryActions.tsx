import { useState } from 'react';
import type { StoryDetailDto } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { hrefFor } from '../../lib/routes';
import { useLoad } from '../../lib/use-load';
import { useRaiseAction } from '../actions/use-raise-action';
import { formatDueDate } from '../actions/action-labels';
import { ActionStatusTag, OverdueTag } from '../actions/ActionTags';

/** More than a story ever raises; the list shows them all rather than paging. */
const MOST = 200;

/**
 * The actions raised from this story, and raising another in one step: the story's words,
 * themes and equality groups carry over, then the action's own page asks who does what by when.
 * Stories have no "needs follow-up" flag: choosing to raise the action is the decision. A story
 * whose consent was withdrawn cannot be used, so nothing is offered for it.
 */
export function StoryActions({ story }: { story: Pick<StoryDetailDto, 'id' | 'status'> }) {
  const [actions] = useLoad(
    () => api['actions:list']({ source: { kind: 'story', id: story.id }, sort: 'newest', limit: MOST }),
    [story.id],
  );
  const [error, setError] = useState<string | undefined>(undefined);
  const { raise, busy } = useRaiseAction({ kind: 'story', id: story.id }, setError);
  const withdrawn = story.status === 'withdrawn';

  return (
    <section className="pxr-section" aria-labelledby="story-actions-heading">
      <h2 className="nhsuk-heading-m" id="story-actions-heading">
        Actions from this story
      </h2>
      {actions.state === 'loading' && <p aria-live="polite">Loading the actions…</p>}
      {actions.state === 'failed' && <p className="nhsuk-body">{actions.error.message}</p>}
      {actions.state === 'ready' &&
        (actions.value.items.length === 0 ? (
          <p className="nhsuk-body">No action has been raised from this story.</p>
        ) : (
          <ul className="nhsuk-list">
            {actions.value.items.map((action) => (
              <li key={action.id} className="nhsuk-u-margin-bottom-3">
                <a href={hrefFor({ name: 'action', actionId: action.id })}>
                  {action.willDo.trim() === '' ? 'Not decided yet' : action.willDo}
                </a>
                <p className="nhsuk-body-s nhsuk-u-margin-bottom-0">
                  <ActionStatusTag status={action.status} /> <OverdueTag overdue={action.overdue} />{' '}
                  {action.dueDate === null ? 'No due date' : `Due ${formatDueDate(action.dueDate)}`}
                  {action.ownerName.trim() !== '' && `, owned by ${action.ownerName}`}
                </p>
              </li>
            ))}
          </ul>
        ))}
      {withdrawn ? (
        <p className="nhsuk-body">
          Consent for this story was withdrawn, so no new action can be raised from it.
        </p>
      ) : (
        <div className={error !== undefined ? 'nhsuk-form-group nhsuk-form-group--error' : undefined}>
          <ErrorMessage id="story-actions-error" message={error} />
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary"
            aria-disabled={busy}
            aria-describedby={error !== undefined ? 'story-actions-error' : undefined}
            onClick={() => void raise()}
          >
            Raise an action from this story
          </button>
        </div>
      )}
    </section>
  );
}
