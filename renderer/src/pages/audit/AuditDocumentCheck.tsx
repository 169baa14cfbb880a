import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { FileUploadField } from '../../components/FileUploadField';
import { FormErrorSummary } from '../../components/ErrorSummary';
import { fieldId } from '../../lib/field-ids';
import { useFileCheck } from '../../lib/use-file-check';

type DocumentCheck = ResponseOf<'audit:check-document'>;

/** Bundles can be larger than exports; far beyond this, a file is not one of either. */
const MAX_BYTES = 50 * 1024 * 1024;

const HEADINGS: Record<DocumentCheck['outcome'], string> = {
  matches: 'The audit log agrees with this file',
  truncated: 'The audit log has been cut short since this file was signed',
  rewritten: 'The audit log has been changed since this file was signed',
  not_checkable: 'This file cannot be compared with the audit log',
};

/**
 * The check that holds even against someone with both keys: a signed export or bundle that has
 * been with other people since it was signed, brought back and compared with this log.
 */
export function AuditDocumentCheck() {
  const { errors, problem, result, busy, error, submit, choose } = useFileCheck({
    field: 'auditDocument',
    refuse: (file) =>
      file === null
        ? 'Choose a signed document or bundle to compare'
        : file.size > MAX_BYTES
          ? 'That file is too large to check here'
          : null,
    check: (input) => api['audit:check-document'](input),
  });
  const inputId = fieldId('auditDocument');

  return (
    <>
      <h3 className="nhsuk-heading-s">Compare with a document or bundle you sent</h3>
      <p className="nhsuk-body">
        Every Word document and bundle PX Rounds signs carries the audit log’s latest entry at that moment.
        Someone who could unlock both this database and your signing key could rebuild the log on this
        computer and sign it again, but not change a copy PEIG already holds. Ask for one back and compare it
        here.
      </p>
      <FormErrorSummary errors={errors} problem={problem} />
      <form noValidate onSubmit={(event) => void submit(event)} aria-label="Compare with a signed file">
        <FileUploadField
          id={inputId}
          label="Signed Word document (.docx) or bundle (.pxbundle)"
          labelClassName="nhsuk-label"
          accept=".docx,.pxbundle"
          error={error}
          onChoose={choose}
        />
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
          {busy ? 'Comparing…' : 'Compare with the audit log'}
        </button>
      </form>
      <div aria-live="polite">
        {result !== null && (
          <div className={result.outcome === 'matches' ? 'nhsuk-inset-text' : 'nhsuk-warning-callout'}>
            {result.outcome === 'matches' ? (
              <h4 className="nhsuk-heading-xs">{HEADINGS[result.outcome]}</h4>
            ) : (
              <h4 className="nhsuk-warning-callout__label">
                <span role="text">
                  <span className="nhsuk-u-visually-hidden">Important: </span>
                  {HEADINGS[result.outcome]}
                </span>
              </h4>
            )}
            <p>{result.message}</p>
          </div>
        )}
      </div>
    </>
  );
}
