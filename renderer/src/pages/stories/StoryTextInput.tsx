import { fieldId } from '../../lib/field-ids';
import { ErrorMessage } from '../../components/ErrorMessage';

type Props = {
  /** API field path; gives the input its id so an error summary link lands on it. */
  field: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: 'text' | 'date';
  autoComplete?: string;
  /** NHS width class, e.g. 'nhsuk-input--width-20'. */
  widthClass?: string;
};

/** An NHS text or date input with its label, hint and error message. */
export function StoryTextInput(props: Props) {
  const id = fieldId(props.field);
  const { error } = props;
  const describedBy = [
    props.hint !== undefined ? `${id}-hint` : null,
    error !== undefined ? `${id}-error` : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {props.label}
      </label>
      {props.hint !== undefined && (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {props.hint}
        </div>
      )}
      <ErrorMessage id={`${id}-error`} message={error} />
      <input
        className={['nhsuk-input', props.widthClass, error !== undefined && 'nhsuk-input--error']
          .filter(Boolean)
          .join(' ')}
        id={id}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete ?? 'off'}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </div>
  );
}
