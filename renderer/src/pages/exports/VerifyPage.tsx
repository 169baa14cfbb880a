import { useEffect, useRef } from 'react';
import { api } from '../../api-client';
import { FileUploadField } from '../../components/FileUploadField';
import { FormErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { fieldId } from '../../lib/field-ids';
import { useFileCheck } from '../../lib/use-file-check';
import { formatDateTime } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import {
  documentTypeLabel,
  keyOwnerText,
  signerText,
  verdictText,
  type VerificationDto,
} from '../../lib/signing-text';

/** Exports are a few MB; anything far bigger is not one, and would only be slow to read. */
const MAX_BYTES = 50 * 1024 * 1024;

/** Checks a signed Word document offline: is it unchanged since signing, and who signed it. */
export function VerifyPage() {
  const { errors, problem, result, busy, error, submit, choose } = useFileCheck({
    field: 'file',
    refuse: (file) =>
      file === null
        ? 'Choose a Word document (.docx) to check'
        : file.size > MAX_BYTES
          ? 'That file is too large to be a PX Rounds export'
          : null,
    check: (input) => api['exports:verify'](input),
  });
  const inputId = fieldId('file');

  return (
    <>
      <FormErrorSummary errors={errors} problem={problem} />
      <PageHeading title="Verify a signed file" hasErrors={errors.length > 0 || problem !== null}>
        Verify a signed file
      </PageHeading>
      <p className="nhsuk-body">
        Check that a Word document exported from PX Rounds is exactly as it was signed, and who signed it. The
        file is read on this computer; nothing is sent anywhere.
      </p>
      <form noValidate onSubmit={(event) => void submit(event)} aria-label="Verify a signed file">
        <FileUploadField
          id={inputId}
          label="Word document (.docx)"
          labelClassName="nhsuk-label nhsuk-label--s"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          error={error}
          onChoose={choose}
        />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          {busy ? 'Checking…' : 'Check the file'}
        </button>
      </form>
      <p className="nhsuk-u-visually-hidden" role="status">
        {result === null
          ? ''
          : `${verdictText(result)}. ${result.trusted ? 'Trusted signer.' : 'Unknown signer.'}`}
      </p>
      {result !== null && <VerificationResult result={result} />}
    </>
  );
}

function VerificationResult({ result }: { result: VerificationDto }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [result]);
  return (
    <section aria-labelledby="verify-result-heading" className="pxr-section">
      <div className={`nhsuk-panel${result.valid ? '' : ' pxr-panel--invalid'}`}>
        <h2
          className="nhsuk-panel__heading pxr-focus-target"
          id="verify-result-heading"
          tabIndex={-1}
          ref={ref}
        >
          {verdictText(result)}
        </h2>
        <div className="nhsuk-panel__body pxr-break">{result.fileName}</div>
      </div>
      <p className="nhsuk-body">
        {result.trusted ? (
          <strong className="nhsuk-tag nhsuk-tag--green">Trusted signer</strong>
        ) : (
          <strong className="nhsuk-tag nhsuk-tag--orange">Unknown signer</strong>
        )}
      </p>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Signed by (as the file says)</dt>
          <dd className="nhsuk-summary-list__value">{signerText(result)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Key trusted as</dt>
          <dd className="nhsuk-summary-list__value">{keyOwnerText(result)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">When</dt>
          <dd className="nhsuk-summary-list__value">
            {result.signedAt === null ? 'Not known' : formatDateTime(result.signedAt)}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">What</dt>
          <dd className="nhsuk-summary-list__value">
            {documentTypeLabel(result.documentType)}
            {result.title !== null && `: ${result.title}`}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Key fingerprint</dt>
          <dd className="nhsuk-summary-list__value pxr-fingerprint">{result.fingerprint ?? 'Not known'}</dd>
        </div>
        {result.appVersion !== null && (
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Made with</dt>
            <dd className="nhsuk-summary-list__value">PX Rounds {result.appVersion}</dd>
          </div>
        )}
      </dl>
      {result.problems.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Problems found</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      {!result.trusted && result.keyId !== null && (
        <p className="nhsuk-body">
          To trust this signer, ask them for their public key file and add it on the{' '}
          <a href={hrefFor({ name: 'signing-key' })}>Signing key</a> page. Compare the fingerprint with them
          first, by phone or in person.
        </p>
      )}
    </section>
  );
}
