import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';
import { errorFor } from '../../lib/field-ids';
import { textDataUrl } from '../../lib/signing-text';
import { useLoad } from '../../lib/use-load';
import { TextField } from '../../components/TextField';
import { BundlesNav } from './BundlesNav';
import { LockedCollectionKey, NewCollectionKeyNextSteps } from './LockedCollectionKey';

/**
 * The PEIG lead's collection key: made once on this laptop, its public half shared as a file
 * with every contributor, who compare its fingerprint with the one shown here.
 */
export function CollectionKeyPage() {
  const [keyState, , retryKeyState] = useLoad(() => api['bundles:collection-key-state']({}), []);
  const locked = keyState.state === 'ready' && keyState.value.state === 'locked';
  const [key, setKey, retry] = useLoad(() => api['bundles:collection-key']({}), []);
  const [replaced, setReplaced] = useState<ResponseOf<'bundles:replace-locked-collection-key'> | null>(null);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await api['bundles:set-up-collection-key']({ name });
    setBusy(false);
    if (!result.ok) {
      setProblem(formProblem(result.error, ['name']));
      return;
    }
    setProblem(NO_PROBLEM);
    setKey(result.value);
  };

  const hasErrors = problem.errors.length > 0 || problem.problem !== null;
  return (
    <>
      {problem.errors.length > 0 && <ErrorSummary errors={problem.errors} />}
      {problem.problem !== null && <ErrorSummary problem={problem.problem} />}
      <PageHeading title="Collection key" hasErrors={hasErrors}>
        Collection key
      </PageHeading>
      <BundlesNav current="collection-key" />
      {key.state === 'loading' && <p aria-live="polite">Loading…</p>}
      {replaced !== null && <NewCollectionKeyNextSteps replaced={replaced} />}
      {locked && replaced === null && (
        <LockedCollectionKey
          onReplaced={(value) => {
            setReplaced(value);
            setKey(value.key);
            retryKeyState();
          }}
        />
      )}
      {key.state === 'failed' && !locked && (
        <>
          <ErrorSummary problem={key.error} />
          <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={retry}>
            Try again
          </button>
        </>
      )}
      {key.state === 'ready' && !key.value.exists && (
        <>
          <p className="nhsuk-body">
            The PEIG lead’s laptop holds the trust’s collection key. Bundles from governors and clinical lead
            partners are locked to it, so only this laptop can open them. Set it up once, on the laptop of the
            person who collects for PEIG.
          </p>
          <form noValidate onSubmit={(event) => void submit(event)} aria-label="Set up the collection key">
            <TextField
              field="name"
              label="Whose collection is this?"
              hint="Contributors see this name when they add the key, for example “PEIG, Example NHS Foundation Trust”."
              value={name}
              onChange={setName}
              error={errorFor(problem.errors, 'name')}
            />
            <button type="submit" className="nhsuk-button" disabled={busy}>
              {busy ? 'Setting up…' : 'Set up the collection key'}
            </button>
          </form>
        </>
      )}
      {key.state === 'ready' && key.value.exists && (
        <>
          <p className="nhsuk-body">
            Bundles sent to this key can be opened only on this laptop. Give the key file to each contributor
            (by email or the shared drive: it holds nothing secret). When they add it, ask them to read you
            the fingerprint their app shows, and check it is this one.
          </p>
          <dl className="nhsuk-summary-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Collection</dt>
              <dd className="nhsuk-summary-list__value">{key.value.name}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Fingerprint</dt>
              <dd className="nhsuk-summary-list__value pxr-fingerprint" data-testid="collection-fingerprint">
                {key.value.fingerprint}
              </dd>
            </div>
          </dl>
          <a
            className="nhsuk-button"
            href={textDataUrl(key.value.publicKeyFile, 'application/json')}
            download={`px-rounds-collection-key-${key.value.keyId.slice(0, 8)}.json`}
          >
            Download the collection key file
          </a>
        </>
      )}
    </>
  );
}
