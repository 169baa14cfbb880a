import { useState, type FormEvent } from 'react';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { errorFor } from '../../lib/field-ids';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';
import type { Person } from '../../lib/use-person';

type Props = {
  initial: Person | null;
  /** The heading's words: a question on first run, a plain title in settings. */
  heading: string;
  headingId: string;
  onSaved?: (person: Person) => void;
};

/**
 * Who uses PX Rounds on this computer: asked once, then offered wherever the app asks for a
 * name (the round's team, a story's author, sign-off and exports) and recorded in the history.
 */
export function PersonForm({ initial, heading, headingId, onSaved }: Props) {
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState(initial?.role ?? '');
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Person | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const errors = [
      ...(name.trim() === '' ? [{ field: 'personName', message: 'Enter your name' }] : []),
      ...(role.trim() === '' ? [{ field: 'personRole', message: 'Enter your role' }] : []),
    ];
    if (errors.length > 0) {
      setProblem({ errors, problem: null });
      setSaved(null);
      return;
    }
    setBusy(true);
    const result = await api['settings:set-person']({ name, role });
    setBusy(false);
    if (!result.ok || result.value.person === null) {
      const refusal = result.ok ? NO_PROBLEM : formProblem(result.error, ['name', 'role']);
      setProblem({
        errors: refusal.errors.map((e) => ({
          ...e,
          field: e.field === 'name' ? 'personName' : 'personRole',
        })),
        problem: refusal.problem,
      });
      setSaved(null);
      return;
    }
    const person = result.value.person;
    setProblem(NO_PROBLEM);
    setName(person.name);
    setRole(person.role);
    setSaved(person);
    onSaved?.(person);
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby={headingId}>
      <h2 className="nhsuk-heading-m" id={headingId}>
        {heading}
      </h2>
      {problem.errors.length > 0 && <ErrorSummary errors={problem.errors} />}
      {problem.problem !== null && <ErrorSummary problem={problem.problem} />}
      <p className="nhsuk-body">
        PX Rounds fills in your name and role where it asks for them: the team on a round you lead, the
        stories you write, sign-off and exports. The history of each action and the audit log record it. It
        stays on this computer.
      </p>
      <TextField
        bold
        field="personName"
        label="Your name"
        hint="As it should appear on signed documents, for example “Ann Example”."
        value={name}
        onChange={(value) => {
          setName(value);
          setSaved(null);
        }}
        error={errorFor(problem.errors, 'personName')}
        width="nhsuk-input--width-20"
        autoComplete="name"
      />
      <TextField
        bold
        field="personRole"
        label="Your role"
        hint="For example Governor, Non-Executive Director or Clinical lead partner."
        value={role}
        onChange={(value) => {
          setRole(value);
          setSaved(null);
        }}
        error={errorFor(problem.errors, 'personRole')}
        width="nhsuk-input--width-20"
        autoComplete="organization-title"
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Save your name and role
      </button>
      <p className="pxr-save-status" role="status" aria-atomic="true">
        {saved !== null ? `Saved. PX Rounds now knows you as ${saved.name}, ${saved.role}.` : ''}
      </p>
    </form>
  );
}
