import { useState } from 'react';
import {
  REVISIT_OUTCOMES,
  type ActionSummaryDto,
  type ObservationDto,
  type RevisitOutcome,
} from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Radios } from '../../components/Radios';
import { fieldId } from '../../lib/field-ids';
import { hrefFor } from '../../lib/routes';
import { useLoad } from '../../lib/use-load';
import { formatDueDate, REVISIT_OUTCOME_LABELS } from '../actions/action-labels';
import { ActionStatusTag, OverdueTag } from '../actions/ActionTags';

type Props = {
  roundId: string;
  /** How many areas the round has: adding one may bring open actions into view. */
  areaCount: number;
  /** The observation the revisit created, for the round's list. */
  onRecorded: (observation: ObservationDto) => void;
};

/**
 * When the team walks into an area with open actions, the round page asks what they saw, so a
 * promise made on an earlier round is checked on this one.
 */
export function RevisitPrompt({ roundId, areaCount, onRecorded }: Props) {
  const [actions] = useLoad(() => api['actions:for-round']({ roundId }), [roundId, areaCount]);
  if (actions.state !== 'ready' || actions.value.length === 0) return null;
  return (
    <section className="nhsuk-inset-text pxr-revisit" aria-labelledby="revisit-heading">
      <h2 className="nhsuk-heading-m" id="revisit-heading">
        Open actions in the areas you are visiting
      </h2>
      <p>These were raised on earlier rounds. Tell us what you see today.</p>
      <ul className="nhsuk-list">
        {actions.value.map((action) => (
          <RevisitItem key={action.id} action={action} roundId={roundId} onRecorded={onRecorded} />
        ))}
      </ul>
    </section>
  );
}

function RevisitItem({
  action,
  roundId,
  onRecorded,
}: {
  action: ActionSummaryDto;
  roundId: string;
  onRecorded: (observation: ObservationDto) => void;
}) {
  const [outcome, setOutcome] = useState<RevisitOutcome | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [recorded, setRecorded] = useState<RevisitOutcome | null>(null);
  const scope = `revisit-${action.id}`;
  const noteId = fieldId(`${scope}.note`);

  const record = async () => {
    if (outcome === null) {
      setError({ field: 'outcome', message: 'Choose what you saw' });
      document.getElementById(fieldId(`${scope}.outcome`))?.focus();
      return;
    }
    const result = await api['actions:record-revisit']({ actionId: action.id, roundId, outcome, note });
    if (!result.ok) {
      setError({ field: result.error.field === 'note' ? 'note' : 'outcome', message: result.error.message });
      return;
    }
    setError(null);
    setRecorded(outcome);
    onRecorded(result.value.observation);
  };

  const title = action.willDo.trim() === '' ? action.said : action.willDo;
  return (
    <li className="nhsuk-u-margin-bottom-4">
      <h3 className="nhsuk-heading-s nhsuk-u-margin-bottom-2">
        <a href={hrefFor({ name: 'action', actionId: action.id })}>{title}</a>
      </h3>
      <p className="nhsuk-body-s">
        <ActionStatusTag status={action.status} /> <OverdueTag overdue={action.overdue} /> {action.areaName}
        {action.dueDate !== null && `, due ${formatDueDate(action.dueDate)}`}
        {action.said.trim() !== '' && action.willDo.trim() !== '' && (
          <>
            <br />
            You said: {action.said}
          </>
        )}
      </p>
      {recorded !== null ? (
        <p className="nhsuk-body" role="status">
          Recorded: {REVISIT_OUTCOME_LABELS[recorded].toLowerCase()}. It is in this round’s observations.
        </p>
      ) : (
        <div>
          <Radios
            field={`${scope}.outcome`}
            legend={
              <>
                What did you see?<span className="nhsuk-u-visually-hidden"> ({title})</span>
              </>
            }
            options={REVISIT_OUTCOMES.map((value) => ({ value, label: REVISIT_OUTCOME_LABELS[value] }))}
            value={outcome}
            onChange={setOutcome}
            inline
            small
            error={error?.field === 'outcome' ? error.message : undefined}
          />
          <div className={`nhsuk-form-group${error?.field === 'note' ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={noteId}>
              Note (optional)
            </label>
            <ErrorMessage
              id={`${noteId}-error`}
              message={error?.field === 'note' ? error.message : undefined}
            />
            <textarea
              className="nhsuk-textarea"
              id={noteId}
              rows={2}
              value={note}
              onChange={(event) => setNote(event.target.value)}
            />
          </div>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
            onClick={() => void record()}
          >
            Record what you saw<span className="nhsuk-u-visually-hidden"> for {title}</span>
          </button>
        </div>
      )}
    </li>
  );
}
