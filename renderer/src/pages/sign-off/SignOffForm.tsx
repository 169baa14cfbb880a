import { useState, type FormEvent } from 'react';
import type { SignOffKind } from '../../../../ipc/sign-off-schemas';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { signerErrors, type SignerForm } from '../../lib/export-form';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';
import { SignerFields } from '../exports/ExportFields';
import { usePerson } from '../../lib/use-person';

const SIGNER_FIELDS = ['signerName', 'signerRole', 'attestation'];

type Props = {
  kind: SignOffKind;
  id: string;
  defaultAttestation: string;
  /** Called once the sign-off is stored, to show the signed record. */
  onSigned: () => void;
};

/** "Sign off": who signs, in what role, and the sentence they attest, signed with their key. */
export function SignOffForm({ kind, id, defaultAttestation, onSigned }: Props) {
  const [form, setForm] = useState<SignerForm>({
    signerName: '',
    signerRole: '',
    attestation: defaultAttestation,
  });
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  usePerson((me) =>
    setForm((current) =>
      current.signerName === '' && current.signerRole === ''
        ? { ...current, signerName: me.name, signerRole: me.role }
        : current,
    ),
  );
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const errors = signerErrors(form);
    if (errors.length > 0) {
      setProblem({ errors, problem: null });
      return;
    }
    setBusy(true);
    const result = await api['sign-off:sign']({ kind, id, ...form });
    setBusy(false);
    if (!result.ok) {
      setProblem(formProblem(result.error, SIGNER_FIELDS));
      return;
    }
    setProblem(NO_PROBLEM);
    onSigned();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="sign-off-heading">
      {problem.errors.length > 0 && <ErrorSummary errors={problem.errors} />}
      {problem.problem !== null && <ErrorSummary problem={problem.problem} />}
      <p className="nhsuk-body">
        Signing uses the signing key kept on this computer. Once signed off, the {kind} cannot be changed; a
        correction can still be added, signed in the same way.
      </p>
      <SignerFields
        form={form}
        onChange={(patch) => setForm((current) => ({ ...current, ...patch }))}
        errors={problem.errors}
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Sign off
      </button>
    </form>
  );
}
