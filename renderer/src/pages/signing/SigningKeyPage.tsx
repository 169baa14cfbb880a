import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';
import { errorFor, fieldId } from '../../lib/field-ids';
import { formatDate } from '../../lib/format';
import { publicKeyFileName, textDataUrl } from '../../lib/signing-text';
import { useAnnouncer } from '../../lib/use-announcer';
import { useLoad } from '../../lib/use-load';
import { TextField } from '../../components/TextField';
import { LockedSigningKey, NewSigningKeyNextSteps } from './LockedSigningKey';

type TrustedSigner = ResponseOf<'signing:trusted-list'>['signers'][number];

/** The user's own key (to give to colleagues) and the colleagues' keys this computer trusts. */
export function SigningKeyPage() {
  const [keyState, , retryKeyState] = useLoad(() => api['signing:key-state']({}), []);
  const locked = keyState.state === 'ready' && keyState.value.state === 'locked';
  // Asking for the identity makes a key when there is none, so it waits until the key state is
  // known, and is not asked for at all while the key cannot be unlocked.
  const known = keyState.state !== 'loading';
  const [identity, , retryIdentity] = useLoad<ResponseOf<'signing:identity'> | null>(
    async () => (!known || locked ? { ok: true, value: null } : api['signing:identity']({})),
    [known, locked],
  );
  const [replaced, setReplaced] = useState<ResponseOf<'signing:replace-locked-key'> | null>(null);
  const [trusted, setTrusted] = useLoad(() => api['signing:trusted-list']({}), []);
  const [message, announce] = useAnnouncer();
  const [removeProblem, setRemoveProblem] = useState<FormProblem>(NO_PROBLEM);

  const remove = async (signer: TrustedSigner) => {
    const result = await api['signing:untrust']({ keyId: signer.keyId });
    if (!result.ok) {
      setRemoveProblem({ errors: [], problem: result.error });
      return;
    }
    setRemoveProblem(NO_PROBLEM);
    setTrusted(result.value);
    announce(`${signer.name} is no longer a trusted signer.`);
  };

  return (
    <>
      <PageHeading title="Signing key">Signing key</PageHeading>
      <p className="nhsuk-u-visually-hidden" role="status">
        {message}
      </p>
      <section aria-labelledby="own-key-heading" className="pxr-section">
        <h2 className="nhsuk-heading-m" id="own-key-heading">
          Your signing key
        </h2>
        {replaced !== null && <NewSigningKeyNextSteps replaced={replaced} />}
        {locked && (
          <LockedSigningKey
            onReplaced={(value) => {
              setReplaced(value);
              announce('You have a new signing key.');
              retryKeyState();
            }}
          />
        )}
        {keyState.state === 'failed' && <ErrorSummary problem={keyState.error} />}
        {identity.state === 'loading' && <p aria-live="polite">Loading your key…</p>}
        {identity.state === 'failed' && (
          <>
            <ErrorSummary problem={identity.error} />
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={retryIdentity}>
              Try again
            </button>
          </>
        )}
        {identity.state === 'ready' && identity.value !== null && (
          <>
            <p className="nhsuk-body">
              Everything you sign off or export is signed with this key. It was made on this computer and its
              private half never leaves it. Give colleagues your public key so they can check your documents.
            </p>
            <dl className="nhsuk-summary-list">
              <div className="nhsuk-summary-list__row">
                <dt className="nhsuk-summary-list__key">Fingerprint</dt>
                <dd className="nhsuk-summary-list__value pxr-fingerprint" data-testid="own-fingerprint">
                  {identity.value.fingerprint}
                </dd>
              </div>
            </dl>
            <p className="nhsuk-body">
              When you send the file, read the fingerprint to your colleague by phone or in person, so they
              know the key is yours.
            </p>
            <a
              className="nhsuk-button nhsuk-button--secondary"
              href={textDataUrl(identity.value.publicKeyPem)}
              download={publicKeyFileName(identity.value.keyId)}
            >
              Download public key (.pem)
            </a>
          </>
        )}
        {keyState.state === 'ready' && keyState.value.earlierKeys.length > 0 && (
          <>
            <h3 className="nhsuk-heading-s">Your earlier keys</h3>
            <p className="nhsuk-body">
              Keys you signed with before they had to be replaced. Documents signed with them still show as
              yours, “signed with your earlier key”.
            </p>
            <ul className="nhsuk-list" data-testid="earlier-keys">
              {keyState.value.earlierKeys.map((key) => (
                <li key={key.keyId}>
                  <span className="pxr-fingerprint">{key.fingerprint}</span>, replaced{' '}
                  {formatDate(key.replacedAt)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="trusted-heading" className="pxr-section">
        <h2 className="nhsuk-heading-m" id="trusted-heading">
          Trusted signers
        </h2>
        {removeProblem.problem !== null && <ErrorSummary problem={removeProblem.problem} />}
        {trusted.state === 'loading' && <p aria-live="polite">Loading trusted signers…</p>}
        {trusted.state === 'failed' && <ErrorSummary problem={trusted.error} />}
        {trusted.state === 'ready' &&
          (trusted.value.signers.length === 0 ? (
            <p className="nhsuk-body">
              You trust no one else’s key yet. Documents they sign will show as from an unknown signer.
            </p>
          ) : (
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Trusted signers</caption>
              <thead className="nhsuk-table__head">
                <tr>
                  <th scope="col">Name and role</th>
                  <th scope="col">Fingerprint</th>
                  <th scope="col">Added</th>
                  <th scope="col">
                    <span className="nhsuk-u-visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {trusted.value.signers.map((signer) => (
                  <tr key={signer.keyId}>
                    <td>
                      {signer.name}
                      {signer.role !== '' && `, ${signer.role}`}
                    </td>
                    <td className="pxr-fingerprint">{signer.fingerprint}</td>
                    <td>{formatDate(signer.addedAt)}</td>
                    <td>
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-button--small pxr-table-button"
                        onClick={() => void remove(signer)}
                      >
                        Remove<span className="nhsuk-u-visually-hidden"> {signer.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        <TrustForm
          onAdded={(signer) => {
            if (trusted.state === 'ready') {
              const others = trusted.value.signers.filter((s) => s.keyId !== signer.keyId);
              setTrusted({ signers: [...others, signer] });
            }
            announce(`${signer.name} is now a trusted signer.`);
          }}
        />
      </section>
    </>
  );
}

function TrustForm({ onAdded }: { onAdded: (signer: TrustedSigner) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [pem, setPem] = useState<string | null>(null);
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const keyId = fieldId('publicKeyPem');
  const keyError = errorFor(problem.errors, 'publicKeyPem');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const errors = [
      ...(pem === null
        ? [{ field: 'publicKeyPem', message: 'Choose the signer’s public key file (.pem)' }]
        : []),
      ...(name.trim() === '' ? [{ field: 'name', message: 'Enter the signer’s name' }] : []),
    ];
    if (errors.length > 0 || pem === null) {
      setProblem({ errors, problem: null });
      return;
    }
    setBusy(true);
    const result = await api['signing:trust']({ name, role, publicKeyPem: pem });
    setBusy(false);
    if (!result.ok) {
      setProblem(formProblem(result.error, ['publicKeyPem', 'name', 'role']));
      return;
    }
    setProblem(NO_PROBLEM);
    setName('');
    setRole('');
    setPem(null);
    setInputKey((n) => n + 1);
    onAdded(result.value);
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} aria-labelledby="trust-heading">
      <h3 className="nhsuk-heading-s" id="trust-heading">
        Add a trusted signer
      </h3>
      {problem.errors.length > 0 && <ErrorSummary errors={problem.errors} />}
      {problem.problem !== null && <ErrorSummary problem={problem.problem} />}
      <div className={`nhsuk-form-group${keyError !== undefined ? ' nhsuk-form-group--error' : ''}`}>
        <label className="nhsuk-label" htmlFor={keyId}>
          Their public key file (.pem)
        </label>
        <div className="nhsuk-hint" id={`${keyId}-hint`}>
          The file they downloaded from their own Signing key page.
        </div>
        <ErrorMessage id={`${keyId}-error`} message={keyError} />
        <input
          key={inputKey}
          className={`nhsuk-file-upload__input${keyError !== undefined ? ' nhsuk-file-upload__input--error' : ''}`}
          id={keyId}
          type="file"
          accept=".pem,application/x-pem-file,text/plain"
          aria-describedby={`${keyId}-hint${keyError !== undefined ? ` ${keyId}-error` : ''}`}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen === undefined) {
              setPem(null);
              return;
            }
            void chosen.text().then(setPem, () => setPem(null));
          }}
        />
      </div>
      <div className="pxr-inline-fields pxr-inline-fields--top">
        <TextField
          bold
          field="name"
          label="Their name"
          value={name}
          onChange={setName}
          error={errorFor(problem.errors, 'name')}
          width="nhsuk-input--width-20"
        />
        <TextField
          bold
          field="role"
          label="Their role (optional)"
          value={role}
          onChange={setRole}
          error={errorFor(problem.errors, 'role')}
          width="nhsuk-input--width-20"
        />
      </div>
      <button type="submit" className="nhsuk-button" disabled={busy}>
        Trust this signer
      </button>
    </form>
  );
}
