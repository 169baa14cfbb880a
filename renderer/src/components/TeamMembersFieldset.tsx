import { useEffect, useRef } from 'react';
import { TEAM_ROLES, type TeamRole } from '../../../ipc/contract';
import { errorFor, fieldId, type FieldError } from '../lib/field-ids';
import { ROLE_LABELS } from '../lib/labels';
import { ErrorMessage } from './ErrorMessage';

export type TeamRow = { key: string; name: string; role: TeamRole };

type Props = {
  rows: readonly TeamRow[];
  onChange: (rows: TeamRow[]) => void;
  onAdd: () => void;
  errors: readonly FieldError[];
};

/** Names and roles of the visiting team. The first row is always there: someone leads. */
export function TeamMembersFieldset({ rows, onChange, onAdd, errors }: Props) {
  const addButton = useRef<HTMLButtonElement>(null);
  const previousCount = useRef(rows.length);

  // Keyboard users land where the change happened: on the new row's name, or back on "Add"
  // after a removal (the removed row's button no longer exists).
  useEffect(() => {
    const last = rows.at(-1);
    if (rows.length > previousCount.current && last !== undefined) {
      document.getElementById(fieldId(`team.${rows.length - 1}.name`))?.focus();
    } else if (rows.length < previousCount.current) {
      addButton.current?.focus();
    }
    previousCount.current = rows.length;
  }, [rows]);

  const update = (index: number, patch: Partial<TeamRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <div className="nhsuk-form-group">
      <fieldset className="nhsuk-fieldset" aria-describedby="team-hint">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Who is on the round?</legend>
        <div className="nhsuk-hint" id="team-hint">
          Start with yourself. Add everyone walking with you, including the staff escort.
        </div>
        {rows.map((row, index) => {
          const nameError = errorFor(errors, `team.${index}.name`);
          const roleError = errorFor(errors, `team.${index}.role`);
          const nameId = fieldId(`team.${index}.name`);
          const roleId = fieldId(`team.${index}.role`);
          const who = <span className="nhsuk-u-visually-hidden"> of team member {index + 1}</span>;
          return (
            <div className="pxr-team-row" key={row.key}>
              <div
                className={`nhsuk-form-group pxr-team-row__name${nameError ? ' nhsuk-form-group--error' : ''}`}
              >
                <label className="nhsuk-label" htmlFor={nameId}>
                  Name{who}
                </label>
                <ErrorMessage id={`${nameId}-error`} message={nameError} />
                <input
                  className={`nhsuk-input${nameError ? ' nhsuk-input--error' : ''}`}
                  id={nameId}
                  type="text"
                  autoComplete={index === 0 ? 'name' : 'off'}
                  spellCheck={false}
                  value={row.name}
                  aria-describedby={nameError ? `${nameId}-error` : undefined}
                  onChange={(event) => update(index, { name: event.target.value })}
                />
              </div>
              <div
                className={`nhsuk-form-group pxr-team-row__role${roleError ? ' nhsuk-form-group--error' : ''}`}
              >
                <label className="nhsuk-label" htmlFor={roleId}>
                  Role{who}
                </label>
                <ErrorMessage id={`${roleId}-error`} message={roleError} />
                <select
                  className={`nhsuk-select${roleError ? ' nhsuk-select--error' : ''}`}
                  id={roleId}
                  value={row.role}
                  aria-describedby={roleError ? `${roleId}-error` : undefined}
                  onChange={(event) => {
                    const role = TEAM_ROLES.find((r) => r === event.target.value);
                    if (role !== undefined) update(index, { role });
                  }}
                >
                  {TEAM_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </div>
              {index > 0 && (
                <div className="pxr-team-row__remove">
                  <button
                    type="button"
                    className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                    onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  >
                    Remove<span className="nhsuk-u-visually-hidden"> team member {index + 1}</span>
                  </button>
                </div>
              )}
            </div>
          );
        })}
        <button
          type="button"
          ref={addButton}
          className="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          onClick={onAdd}
        >
          Add another team member
        </button>
      </fieldset>
    </div>
  );
}
