import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { fieldId } from '../lib/field-ids';
import { optionForKey, shortcutLetters } from '../lib/type-ahead';
import { ErrorMessage } from './ErrorMessage';

export type RadioOption<T extends string> = { value: T; label: string; hint?: string };

type Props<T extends string> = {
  /** API field path; also names the inputs and gives the first one its id. */
  field: string;
  legend: ReactNode;
  legendClass?: string;
  hint?: string;
  options: readonly RadioOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  inline?: boolean;
  small?: boolean;
  error?: string;
  /** Shows each option's letter beside it (the letters work whether shown or not). */
  showKeys?: boolean;
  /** Called after an option is picked by its letter, e.g. to move on to the next question. */
  onLetterChoice?: (value: T) => void;
};

export function Radios<T extends string>(props: Props<T>) {
  const { field, options, value, onChange, error } = props;
  const baseId = fieldId(field);
  const hintId = `${baseId}-hint`;
  const errorId = `${baseId}-error`;
  const describedBy = [props.hint !== undefined ? hintId : null, error !== undefined ? errorId : null]
    .filter((id) => id !== null)
    .join(' ');

  const letters = useMemo(() => shortcutLetters(options), [options]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'radio') return;
    const next = optionForKey(letters, event.key);
    if (next === null) return;
    event.preventDefault();
    onChange(next);
    document.getElementById(optionId(baseId, options, next))?.focus();
    props.onLetterChoice?.(next);
  };

  const radiosClass = [
    'nhsuk-radios',
    props.inline === true && 'nhsuk-radios--inline',
    props.small === true && 'nhsuk-radios--small',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy === '' ? undefined : describedBy}>
        <legend className={`nhsuk-fieldset__legend ${props.legendClass ?? 'nhsuk-fieldset__legend--s'}`}>
          {props.legend}
        </legend>
        {props.hint !== undefined && (
          <div className="nhsuk-hint" id={hintId}>
            {props.hint}
          </div>
        )}
        <ErrorMessage id={errorId} message={error} />
        <div className={radiosClass} onKeyDown={onKeyDown}>
          {options.map((option) => {
            const id = optionId(baseId, options, option.value);
            return (
              <div className="nhsuk-radios__item" key={option.value}>
                <input
                  className="nhsuk-radios__input"
                  id={id}
                  name={baseId}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                  aria-describedby={option.hint !== undefined ? `${id}-hint` : undefined}
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                  {option.label}
                  {props.showKeys === true && letters.has(option.value) && (
                    // Seen, not read out: the group's hint says which letter picks which option.
                    <kbd className="pxr-key" aria-hidden="true">
                      {letters.get(option.value)?.toLocaleUpperCase('en-GB')}
                    </kbd>
                  )}
                </label>
                {option.hint !== undefined && (
                  <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** The first option carries the field's own id, so error summary links land on the group. */
function optionId<T extends string>(baseId: string, options: readonly RadioOption<T>[], value: T): string {
  return options[0]?.value === value ? baseId : `${baseId}-${value}`;
}
