import { ErrorMessage } from '../../components/ErrorMessage';
import { fieldId } from '../../lib/field-ids';

type Props = {
  /** Field path as the API names it; gives the control its id for error summary links. */
  field: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** A text box by default; 'textarea' for a few lines, 'date' for the browser's date picker. */
  as?: 'text' | 'textarea' | 'date';
  width?: string;
};

/** An NHS text input, textarea or date box with its label, hint and error message. */
export function TextField({ field, label, hint, value, onChange, error, as = 'text', width }: Props) {
  const id = fieldId(field);
  const describedBy = [hint !== undefined ? `${id}-hint` : null, error !== undefined ? `${id}-error` : null]
    .filter((part) => part !== null)
    .join(' ');
  const common = {
    id,
    value,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
  return (
    <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <ErrorMessage id={`${id}-error`} message={error} />
      {as === 'textarea' ? (
        <textarea
          {...common}
          className={`nhsuk-textarea${error !== undefined ? ' nhsuk-textarea--error' : ''}`}
          rows={3}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <input
          {...common}
          className={`nhsuk-input ${width ?? (as === 'date' ? 'nhsuk-input--width-10' : '')}${error !== undefined ? ' nhsuk-input--error' : ''}`}
          type={as}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
