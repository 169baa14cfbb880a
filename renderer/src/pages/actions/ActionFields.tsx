import { DateInput } from '../../components/DateInput';
import { TextField } from '../../components/TextField';
import { errorFor, type FieldError } from '../../lib/field-ids';
import type { ActionDraft } from './action-draft';
import { AreaSelect } from './AreaSelect';

type PlanDraft = Pick<ActionDraft, 'willDo' | 'ownerName' | 'ownerRole' | 'areaId' | 'dueDate'>;

type PlanProps = {
  draft: PlanDraft;
  onChange: (changes: Partial<PlanDraft>) => void;
  errors: readonly FieldError[];
  /** Marks owner, area and due date "(optional)", as when an action is first raised. */
  optional: boolean;
  areaHint: string;
  dueDateHint: string;
  /** Called when the focus leaves the due date's boxes. */
  onDueDateBlur?: () => void;
};

/** What we will do, who owns it, where and by when: the same fields when raising and editing. */
export function ActionPlanFields(props: PlanProps) {
  const { draft, onChange, errors, optional, areaHint, dueDateHint } = props;
  const suffix = optional ? ' (optional)' : '';
  return (
    <>
      <TextField
        bold
        checkPersonalData
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
          bold
          field="ownerName"
          label={`Owner’s name${suffix}`}
          value={draft.ownerName}
          onChange={(ownerName) => onChange({ ownerName })}
          error={errorFor(errors, 'ownerName')}
          width="nhsuk-input--width-20"
        />
        <TextField
          bold
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
      <DateInput
        bold
        field="dueDate"
        label={`Due date${suffix}`}
        hint={dueDateHint}
        value={draft.dueDate}
        onChange={(dueDate) => onChange({ dueDate })}
        error={errorFor(errors, 'dueDate')}
        onBlur={props.onDueDateBlur}
      />
    </>
  );
}
