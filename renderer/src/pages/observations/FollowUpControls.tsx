import { useState } from 'react';
import type { ObservationDto } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { useLoad } from '../../lib/use-load';
import { navigate } from '../../router';
import { hrefFor } from '../../lib/routes';
import { useRaiseAction } from '../actions/use-raise-action';
import { Checkbox } from '../../components/Checkbox';

type Props = {
  observation: ObservationDto;
  /** "09:41", to tell this observation's controls from the others' when read out of context. */
  when: string;
  onSaved: (observation: ObservationDto) => void;
};

/**
 * "Needs follow-up" on an observation, and once flagged, turning it into an action in one step
 * (the words, area and tags carry over), then on to the action to give it an owner.
 */
export function FollowUpControls({ observation, when, onSaved }: Props) {
  const [error, setError] = useState<string | undefined>(undefined);
  const { raise, busy } = useRaiseAction({ kind: 'observation', id: observation.id }, setError);
  // Shown at once, while the change is saved: a box that ticks only after a round trip reads as
  // broken, and is unticked again if the save is refused.
  const [pending, setPending] = useState<boolean | null>(null);
  const flagged = pending ?? observation.needsFollowUp;
  const checkboxId = `follow-up-${observation.id}`;
  const errorId = `${checkboxId}-error`;

  const toggle = async (needsFollowUp: boolean) => {
    setPending(needsFollowUp);
    const result = await api['observations:set-follow-up']({ id: observation.id, needsFollowUp });
    setPending(null);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setError(undefined);
    onSaved(result.value);
  };

  return (
    <div className={`pxr-follow-up${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <ErrorMessage id={errorId} message={error} />
      <Checkbox
        id={checkboxId}
        label={
          <>
            Needs follow-up<span className="nhsuk-u-visually-hidden"> (observation from {when})</span>
          </>
        }
        checked={flagged}
        describedBy={error !== undefined ? errorId : undefined}
        onChange={(checked) => void toggle(checked)}
        small
      />
      {observation.actions.length > 0 && (
        <ul className="nhsuk-list nhsuk-body-s nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-2">
          {observation.actions.map((action) => (
            <li key={action.id}>
              Action:{' '}
              <a href={hrefFor({ name: 'action', actionId: action.id })}>
                {action.willDo.trim() === ''
                  ? 'New action (what we will do is not written yet)'
                  : action.willDo}
                <span className="nhsuk-u-visually-hidden"> (from observation {when})</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {flagged && (
        <>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--small nhsuk-u-margin-top-2"
            aria-disabled={busy}
            onClick={() => void raise()}
          >
            {observation.actions.length > 0 ? 'Raise another action' : 'Raise an action'}
            <span className="nhsuk-u-visually-hidden"> from observation at {when}</span>
          </button>
          <AddToAction observation={observation} when={when} onError={setError} />
        </>
      )}
    </div>
  );
}

/**
 * Someone else already said this: the observation can join an open action in the same area
 * instead of raising a second one. Offered only when the area has an open action.
 */
function AddToAction({
  observation,
  when,
  onError,
}: {
  observation: ObservationDto;
  when: string;
  onError: (message: string | undefined) => void;
}) {
  const [board] = useLoad(
    () => api['actions:list']({ areaId: observation.areaId, sort: 'newest', limit: 50 }),
    [observation.areaId],
  );
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const open =
    board.state === 'ready'
      ? board.value.items.filter((a) => a.status === 'open' || a.status === 'in_progress')
      : [];
  if (open.length === 0) return null;
  const actionId = chosen !== '' && open.some((a) => a.id === chosen) ? chosen : open[0]!.id;

  const add = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api['actions:add-source']({
      id: actionId,
      source: { kind: 'observation', id: observation.id },
    });
    setBusy(false);
    if (!result.ok) {
      onError(result.error.message);
      return;
    }
    navigate({ name: 'action', actionId: result.value.id });
  };

  return (
    <div className="pxr-inline-fields nhsuk-u-margin-top-2">
      <SelectField
        field={`follow-up-${observation.id}.action`}
        label={
          <>
            Or add it to an open action in this area
            <span className="nhsuk-u-visually-hidden"> (observation from {when})</span>
          </>
        }
        value={actionId}
        onChange={setChosen}
      >
        {open.map((action) => (
          <option key={action.id} value={action.id}>
            {action.willDo.trim() === '' ? action.said.slice(0, 80) : action.willDo}
            {action.overdue ? ' (overdue)' : ''}
          </option>
        ))}
      </SelectField>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
        aria-disabled={busy}
        onClick={() => void add()}
      >
        Add to this action<span className="nhsuk-u-visually-hidden"> (observation from {when})</span>
      </button>
    </div>
  );
}
