import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { FormErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { errorFor, type FieldError } from '../../lib/field-ids';
import { dateErrors } from '../../lib/date-parts';
import { formProblem } from '../../lib/form-problem';
import { hrefFor } from '../../lib/routes';
import { navigate } from '../../router';
import { TextField } from '../../components/TextField';
import { ActionPlanFields } from './ActionFields';

type Draft = {
  said: string;
  willDo: string;
  ownerName: string;
  ownerRole: string;
  areaId: string;
  dueDate: string;
};

const EMPTY: Draft = { said: '', willDo: '', ownerName: '', ownerRole: '', areaId: '', dueDate: '' };

/**
 * An action raised on its own, for something heard outside a round or a story (a PALS call, a
 * governors' meeting). What was said is typed in, since there is no observation to carry it.
 */
export function NewActionPage() {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const missing: FieldError[] = [];
    if (draft.said.trim() === '') missing.push({ field: 'said', message: 'Enter what was said' });
    if (draft.willDo.trim() === '') missing.push({ field: 'willDo', message: 'Enter what we will do' });
    missing.push(...dateErrors([{ field: 'dueDate', value: draft.dueDate, name: 'Due date' }]));
    if (missing.length > 0) {
      setErrors(missing);
      setProblem(null);
      return;
    }
    setSaving(true);
    const result = await api['actions:create']({
      said: draft.said,
      willDo: draft.willDo,
      ownerName: draft.ownerName,
      ownerRole: draft.ownerRole,
      areaId: draft.areaId === '' ? null : draft.areaId,
      dueDate: draft.dueDate === '' ? null : draft.dueDate,
    });
    setSaving(false);
    if (!result.ok) {
      const refusal = formProblem(result.error);
      setErrors(refusal.errors);
      setProblem(refusal.problem);
      return;
    }
    navigate({ name: 'action', actionId: result.value.id });
  };

  const hasErrors = errors.length > 0 || problem !== null;
  return (
    <>
      <a className="nhsuk-back-link" href={hrefFor({ name: 'actions', query: '' })}>
        Back to actions
      </a>
      <FormErrorSummary errors={errors} problem={problem} />
      <PageHeading title="New action" hasErrors={hasErrors}>
        New action
      </PageHeading>
      <p className="nhsuk-body">
        For something heard outside a round or a story. To act on an observation, tick “Needs follow-up” on it
        in its round; to act on a story, use “Raise an action from this story” on the story.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          bold
          checkPersonalData
          field="said"
          label="What was said"
          hint="In the words people used, without names"
          as="textarea"
          value={draft.said}
          onChange={(said) => setDraft({ ...draft, said })}
          error={errorFor(errors, 'said')}
        />
        <ActionPlanFields
          draft={draft}
          onChange={(changes) => setDraft({ ...draft, ...changes })}
          errors={errors}
          optional
          areaHint="The ward or department it is about; open actions are shown to rounds that visit it"
          dueDateHint="It cannot be before today"
        />
        <button className="nhsuk-button" type="submit" aria-disabled={saving}>
          Raise the action
        </button>
      </form>
    </>
  );
}
