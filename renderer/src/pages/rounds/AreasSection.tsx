import { useState, type FormEvent } from 'react';
import type { RoundAreaDto, RoundDetailDto } from '../../../../ipc/contract';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { describeError } from '../../lib/error-text';
import { formatTime, plural } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

type Props = {
  round: RoundDetailDto;
  locked: boolean;
  currentAreaId: string | null;
  onAdded: (area: RoundAreaDto) => void;
};

export const AREA_INPUT_ID = 'field-area-name';

/** Wards and departments visited, added as the team walks in: type the name, press Enter. */
export function AreasSection({ round, locked, currentAreaId, onAdded }: Props) {
  const [name, setName] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const [known] = useLoad(() => api['areas:names-for-site']({ site: round.site }), [round.site]);
  const suggestions = known.state === 'ready' ? known.value : [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setError({
        kind: 'validation',
        field: 'name',
        message: 'Enter the name of the area, for example Ward 3',
      });
      return;
    }
    setBusy(true);
    const result = await api['areas:add']({ roundId: round.id, name });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setName('');
    onAdded(result.value);
  };

  const message =
    error === null ? undefined : error.kind === 'validation' ? error.message : describeError(error).body;

  return (
    <section aria-labelledby="areas-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m" id="areas-heading">
        Areas visited
      </h2>
      {round.areas.length === 0 ? (
        <p>No areas yet.</p>
      ) : (
        <ol className="nhsuk-list pxr-areas">
          {round.areas.map((area) => {
            const count = round.observations.filter((o) => o.areaId === area.areaId).length;
            return (
              <li key={area.id} className="pxr-areas__item">
                <strong>{area.name}</strong>{' '}
                <span className="pxr-muted">
                  from {formatTime(area.visitedAt)}, {plural(count, 'observation', 'observations')}
                </span>
                {!locked && area.areaId === currentAreaId && (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--white">Current</strong>
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {!locked && (
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="pxr-add-area">
          <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label nhsuk-label--s" htmlFor={AREA_INPUT_ID}>
              {round.areas.length === 0
                ? 'Which area are you visiting first?'
                : 'Moving on? Add the next area'}
            </label>
            <div className="nhsuk-hint" id={`${AREA_INPUT_ID}-hint`}>
              Type the ward or department and press Enter
            </div>
            <ErrorMessage id={`${AREA_INPUT_ID}-error`} message={message} />
            <div className="pxr-inline-fields">
              <input
                className={`nhsuk-input nhsuk-input--width-20${error ? ' nhsuk-input--error' : ''}`}
                id={AREA_INPUT_ID}
                type="text"
                list="known-areas"
                autoComplete="off"
                value={name}
                aria-describedby={`${AREA_INPUT_ID}-hint${error ? ` ${AREA_INPUT_ID}-error` : ''}`}
                onChange={(event) => setName(event.target.value)}
              />
              <button className="nhsuk-button nhsuk-button--secondary" type="submit">
                Add area
              </button>
            </div>
            <datalist id="known-areas">
              {suggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          </div>
        </form>
      )}
    </section>
  );
}
