import { fieldId } from '../lib/field-ids';
import { describedByFor, FieldFrame, type LabelledFieldProps } from './FieldFrame';
import { PersonalDataNote, usePersonalDetails } from './PersonalDataNote';

type Props = LabelledFieldProps & {
  /** A text box by default; 'textarea' for a few lines. Dates use DateInput. */
  as?: 'text' | 'textarea';
  /** NHS width class for a text box, e.g. 'nhsuk-input--width-20'. */
  width?: string;
  autoComplete?: string;
  /** Notes an NHS number, postcode, phone, email or date of birth under the box as it is typed. */
  checkPersonalData?: boolean;
};

/** An NHS text input or textarea with its label, hint and error message. */
export function TextField(props: Props) {
  const { field, label, hint, value, onChange, error, as = 'text', width, bold } = props;
  const id = fieldId(field);
  const found = usePersonalDetails(props.checkPersonalData === true ? value : '');
  const noteId = `${id}-personal`;
  const describedBy = [
    describedByFor(id, { hint, error, describedBy: props.describedBy }),
    found.length > 0 ? noteId : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} bold={bold}>
      {as === 'textarea' ? (
        <textarea
          {...common}
          className={`nhsuk-textarea${error !== undefined ? ' nhsuk-textarea--error' : ''}`}
          rows={3}
        />
      ) : (
        <input
          {...common}
          className={['nhsuk-input', width, error !== undefined && 'nhsuk-input--error']
            .filter(Boolean)
            .join(' ')}
          type={as}
          autoComplete={props.autoComplete ?? 'off'}
        />
      )}
      {props.checkPersonalData === true && <PersonalDataNote id={noteId} findings={found} />}
    </FieldFrame>
  );
}
