import { useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import type { AddendumInfo, SignOffKind, SignOffInfo } from '../../../../ipc/sign-off-schemas';
import { api } from '../../api-client';
import { usePerson } from '../../lib/use-person';
import { ErrorSummary } from '../../components/ErrorSummary';
import { signerErrors, type SignerForm } from '../../lib/export-form';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';
import { errorFor } from '../../lib/field-ids';
import { formatDateTime } from '../../lib/format';
import { TextField } from '../../components/TextField';
import { SignerFields } from '../exports/ExportFields';

type SignOffDto = z.output<typeof SignOffInfo>;
type AddendumDto = z.output<typeof AddendumInfo>;

function SignatureTag({ valid }: { valid: boolean }) {
  return valid ? (
    <strong className="nhsuk-tag nhsuk-tag--green">Signature checks out</strong>
  ) : (
    <strong className="nhsuk-tag nhsuk-tag--red">Signature does not match</strong>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="nhsuk-summary-list__row">
      <dt className="nhsuk-summary-list__key">{label}</dt>
      <dd className="nhsuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** Who signed it off, when, with which key, and whether the stored signature still holds. */
export function SignOffSummary({ signOff }: { signOff: SignOffDto }) {
  return (
    <dl className="nhsuk-summary-list" data-testid="sign-off-summary">
      <Row label="Signed off by">
        {signOff.signerName}, {signOff.signerRole}
      </Row>
      <Row label="When">{formatDateTime(signOff.signedAt)}</Row>
      <Row label="What they confirmed">{signOff.attestation}</Row>
      <Row label="Key fingerprint">
        <span className="pxr-fingerprint">{signOff.fingerprint}</span>
      </Row>
      <Row label="Signature">
        <SignatureTag valid={signOff.signatureValid} />
      </Row>
    </dl>
  );
}

export function Addenda({ addenda }: { addenda: readonly AddendumDto[] }) {
  if (addenda.length === 0) return <p className="nhsuk-body">No corrections have been added.</p>;
  return (
    <ol className="nhsuk-list pxr-addenda">
      {addenda.map((addendum) => (
        <li key={addendum.id} className="pxr-addendum">
          <p className="nhsuk-body pxr-addendum__text">{addendum.text}</p>
          <p className="nhsuk-body-s">
            {addendum.signerName}, {addendum.signerRole}, {formatDateTime(addendum.signedAt)}.{' '}
            <SignatureTag valid={addendum.signatureValid} />
          </p>
          <p className="nhsuk-body-s pxr-muted">
            Key fingerprint <span className="pxr-fingerprint">{addendum.fingerprint}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}

type CorrectionProps = { kind: SignOffKind; id: string; onAdded: (message: string) => void };

/** A signed correction: the record stays as signed, the correction is added beside it. */
export function AddCorrection({ kind, id, onAdded }: CorrectionProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [signer, setSigner] = useState<SignerForm>({ signerName: '', signerRole: '', attestation: '' });
  usePerson((me) =>
    setSigner((current) =>
      current.signerName === '' && current.signerRole === ''
        ? { ...current, signerName: me.name, signerRole: me.role }
        : current,
    ),
  );
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);

  if (!open) {
    return (
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setOpen(true)}>
        Add a correction
      </button>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const errors = [
      ...(text.trim() === '' ? [{ field: 'text', message: 'Enter the correction' }] : []),
      ...signerErrors(signer, { withAttestation: false }),
    ];
    if (errors.length > 0) {
      setProblem({ errors, problem: null });
      return;
    }
    setBusy(true);
    const result = await api['sign-off:add-addendum']({
      kind,
      id,
      text,
      signerName: signer.signerName,
      signerRole: signer.signerRole,
    });
    setBusy(false);
    if (!result.ok) {
      setProblem(formProblem(result.error, ['text', 'signerName', 'signerRole']));
      return;
    }
    setProblem(NO_PROBLEM);
    setText('');
    setOpen(false);
    onAdded('Correction signed and added.');
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-label="Add a correction">
      {problem.errors.length > 0 && <ErrorSummary errors={problem.errors} />}
      {problem.problem !== null && <ErrorSummary problem={problem.problem} />}
      <TextField
        bold
        field="text"
        label="The correction"
        hint="Say what was wrong and what is right. It is signed and kept with the record; the record itself does not change."
        as="textarea"
        value={text}
        onChange={setText}
        error={errorFor(problem.errors, 'text')}
      />
      <SignerFields
        form={signer}
        onChange={(patch) => setSigner((current) => ({ ...current, ...patch }))}
        errors={problem.errors}
        withAttestation={false}
      />
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Sign and add the correction
      </button>{' '}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        onClick={() => {
          setOpen(false);
          setProblem(NO_PROBLEM);
        }}
      >
        Cancel
      </button>
    </form>
  );
}
