import { ErrorMessage } from '../../components/ErrorMessage';
import { errorFor, fieldId, type FieldError } from '../../lib/field-ids';
import type { ActionDraft } from './action-draft';
import { AreaSelect } from './AreaSelect';

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

type PlanDraft = Pick<ActionDraft, 'willDo' | 'ownerName' | 'ownerRole' | 'areaId' | 'dueDate'>;

type PlanProps = {
  draft: PlanDraft;
  onChange: (changes: Partial<PlanDraft>) => void;
  errors: readonly FieldError[];
  /** Marks owner, area and due date "(optional)", as when an action is first raised. */
  optional: boolean;
  areaHint: string;
  dueDateHint: string;
};

/** What we will do, who owns it, where and by when: the same fields when raising and editing. */
export function ActionPlanFields({ draft, onChange, errors, optional, areaHint, dueDateHint }: PlanProps) {
  const suffix = optional ? ' (optional)' : '';
  return (
    <>
      <TextField
        field="willDo"
        label="What we will do"
        hint="In plain words, as you would tell the ward or the patient"
        as="textarea"
        value={draft.willDo}
        onChange={(willDo) => onChange({ willDo })}
        error={errorFor(errors, 'willDo')}
      />
      <div className="pxr-inline-fields pxr-inline-fields--top">
        <TextField
          field="ownerName"
          label={`Owner’s name${suffix}`}
          value={draft.ownerName}
          onChange={(ownerName) => onChange({ ownerName })}
          error={errorFor(errors, 'ownerName')}
          width="nhsuk-input--width-20"
        />
        <TextField
          field="ownerRole"
          label={`Owner’s role${suffix}`}
          hint="For example, ward manager"
          value={draft.ownerRole}
          onChange={(ownerRole) => onChange({ ownerRole })}
          error={errorFor(errors, 'ownerRole')}
          width="nhsuk-input--width-20"
        />
      </div>
      <AreaSelect
        field="areaId"
        label={`Area${suffix}`}
        hint={areaHint}
        value={draft.areaId}
        onChange={(areaId) => onChange({ areaId })}
        error={errorFor(errors, 'areaId')}
        emptyLabel="No area"
        bold
      />
      <TextField
        field="dueDate"
        label={`Due date${suffix}`}
        hint={dueDateHint}
        as="date"
        value={draft.dueDate}
        onChange={(dueDate) => onChange({ dueDate })}
        error={errorFor(errors, 'dueDate')}
      />
    </>
  );
}
