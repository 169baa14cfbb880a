import type { ActionDetailDto } from '../../../../ipc/contract';
import { assertNever } from '../../../../ipc/errors';
import { formatDate, formatDateTime } from '../../lib/format';
import { ACTION_STATUS_LABELS, FEEDBACK_CHANNEL_LABELS, REVISIT_OUTCOME_LABELS } from './action-labels';

type Props = { action: ActionDetailDto; part: 'sources' | 'plan' | 'history' };

/** The read-only parts of an action: where it came from and what happened to it. */
export function ActionRecord({ action, part }: Props) {
  switch (part) {
    case 'sources':
      return <Sources action={action} />;
    case 'plan':
      return <Plan action={action} />;
    case 'history':
      return <History action={action} />;
    default:
      return assertNever(part);
  }
}

function Sources({ action }: { action: ActionDetailDto }) {
  if (action.sources.length === 0)
    return <p className="nhsuk-body">Raised on its own, not from an observation or story.</p>;
  return (
    <ul className="nhsuk-list">
      {action.sources.map((source) => (
        <li key={`${source.kind}:${source.id}:${source.role}`} className="nhsuk-u-margin-bottom-3">
          <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
            {source.role === 'revisit'
              ? 'Seen on a later visit'
              : source.kind === 'story'
                ? 'From a story'
                : 'From an observation'}
            , {formatDate(source.at)}
            {source.outcome !== null && (
              <>
                : <strong>{REVISIT_OUTCOME_LABELS[source.outcome]}</strong>
              </>
            )}
          </p>
          <p className="nhsuk-body">{source.text.trim() === '' ? <em>No words kept</em> : source.text}</p>
        </li>
      ))}
    </ul>
  );
}

/** Who does what by when, and what was done, for an action that cannot be changed here. */
function Plan({ action }: { action: ActionDetailDto }) {
  const rows = [
    ['What we will do', action.willDo],
    ['Owner', [action.ownerName, action.ownerRole].filter((s) => s.trim() !== '').join(', ') || 'Not given'],
    ['Due', action.dueDate === null ? 'No due date' : formatDate(action.dueDate)],
    ['What we did', action.evidence.trim() === '' ? 'Not written yet' : action.evidence],
  ] as const;
  return (
    <section aria-labelledby="plan-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m" id="plan-heading">
        Who does what, by when
      </h2>
      <dl className="nhsuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="nhsuk-summary-list__row" key={key}>
            <dt className="nhsuk-summary-list__key">{key}</dt>
            <dd className="nhsuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function History({ action }: { action: ActionDetailDto }) {
  return (
    <section aria-labelledby="history-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m" id="history-heading">
        History
      </h2>
      {action.feedbackChannel !== null && action.fedBackAt !== null && (
        <p className="nhsuk-body">
          People were told by {FEEDBACK_CHANNEL_LABELS[action.feedbackChannel].toLowerCase()} on{' '}
          {formatDate(action.fedBackAt)}
          {action.feedbackNote.trim() !== '' && `: ${action.feedbackNote}`}
        </p>
      )}
      <ol className="nhsuk-list nhsuk-list--number">
        {action.history.map((entry) => (
          <li key={`${entry.at}:${entry.toStatus}`}>
            {formatDateTime(entry.at)}:{' '}
            {entry.fromStatus === null
              ? `raised as ${ACTION_STATUS_LABELS[entry.toStatus].toLowerCase()}`
              : `${ACTION_STATUS_LABELS[entry.fromStatus]} to ${ACTION_STATUS_LABELS[entry.toStatus].toLowerCase()}`}
            {entry.actor.trim() !== '' && ` by ${entry.actor}`}
            {entry.reason.trim() !== '' && `. Reason: ${entry.reason}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
