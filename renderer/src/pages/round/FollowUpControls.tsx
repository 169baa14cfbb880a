import { useState } from 'react';
import type { ObservationDto } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { navigate } from '../../router';

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
  const [busy, setBusy] = useState(false);
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

  const raise = async () => {
    if (busy) return;
    setBusy(true);
    const result = await api['actions:create-from']({ kind: 'observation', id: observation.id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    navigate({ name: 'action', actionId: result.value.id });
  };

  return (
    <div className={`pxr-follow-up${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <ErrorMessage id={errorId} message={error} />
      <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
        <div className="nhsuk-checkboxes__item">
          <input
            className="nhsuk-checkboxes__input"
            id={checkboxId}
            type="checkbox"
            checked={flagged}
            aria-describedby={error !== undefined ? errorId : undefined}
            onChange={(event) => void toggle(event.target.checked)}
          />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={checkboxId}>
            Needs follow-up<span className="nhsuk-u-visually-hidden"> (observation from {when})</span>
          </label>
        </div>
      </div>
      {flagged && (
        <button
          type="button"
          className="nhsuk-button nhsuk-button--small nhsuk-u-margin-top-2"
          aria-disabled={busy}
          onClick={() => void raise()}
        >
          Raise an action<span className="nhsuk-u-visually-hidden"> from observation at {when}</span>
        </button>
      )}
    </div>
  );
}
