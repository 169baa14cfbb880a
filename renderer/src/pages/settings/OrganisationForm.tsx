import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { errorFor } from '../../lib/field-ids';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';
import { TextField } from '../../components/TextField';

type Organisation = ResponseOf<'settings:get-organisation'>;

/** The organisation's name that heads every export: a general one until someone sets it. */
export function OrganisationForm({ initial }: { initial: Organisation }) {
  const [current, setCurrent] = useState(initial);
  const [name, setName] = useState(initial.isDefault ? '' : initial.name);
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setProblem({ errors: [{ field: 'name', message: 'Enter your organisation’s name' }], problem: null });
      setSaved(false);
      return;
    }
    setBusy(true);
    const result = await api['settings:set-organisation']({ name });
    setBusy(false);
    if (!result.ok) {
      setProblem(formProblem(result.error, ['name']));
      setSaved(false);
      return;
    }
    setProblem(NO_PROBLEM);
    setCurrent(result.value);
    setName(result.value.name);
    setSaved(true);
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="organisation-heading">
      <h2 className="nhsuk-heading-m" id="organisation-heading">
        Your organisation
      </h2>
      {problem.errors.length > 0 && <ErrorSummary errors={problem.errors} />}
      {problem.problem !== null && <ErrorSummary problem={problem.problem} />}
      <p className="nhsuk-body">
        Every Word document PX Rounds exports carries this name above its title.{' '}
        {current.isDefault
          ? `None has been set yet, so exports say “${current.name}”.`
          : `Exports now say “${current.name}”.`}
      </p>
      <TextField
        bold
        field="name"
        label="Organisation name"
        hint="As it should appear on documents for committees, for example “The Royal Marsden NHS Foundation Trust”."
        value={name}
        onChange={(value) => {
          setName(value);
          setSaved(false);
        }}
        error={errorFor(problem.errors, 'name')}
        width="nhsuk-input--width-30"
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Save organisation name
      </button>
      <p className="pxr-save-status" role="status" aria-atomic="true">
        {saved ? `Saved. Exports from now on say “${current.name}”.` : ''}
      </p>
    </form>
  );
}
