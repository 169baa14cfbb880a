import { useState, type FormEvent } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormErrorSummary } from '../../components/ErrorSummary';
import { fieldId, type FieldError } from '../../lib/field-ids';
import { readFileAsBase64 } from '../../lib/signing-text';

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
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [result, setResult] = useState<DocumentCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = fieldId('auditDocument');
  const error = errors.find((e) => e.field === 'auditDocument')?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setResult(null);
    setProblem(null);
    if (file === null || file.size > MAX_BYTES) {
      const message =
        file === null
          ? 'Choose a signed document or bundle to compare'
          : 'That file is too large to check here';
      setErrors([{ field: 'auditDocument', message }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const contentBase64 = await readFileAsBase64(file);
      const checked = await api['audit:check-document']({ fileName: file.name, contentBase64 });
      if (checked.ok) setResult(checked.value);
      else if (checked.error.kind === 'validation') {
        setErrors([{ field: 'auditDocument', message: checked.error.message }]);
      } else setProblem(checked.error);
    } catch {
      setErrors([{ field: 'auditDocument', message: 'The file could not be read. Choose it again.' }]);
    } finally {
      setBusy(false);
    }
  };

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
        <div className={`nhsuk-form-group${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={inputId}>
            Signed Word document (.docx) or bundle (.pxbundle)
          </label>
          <ErrorMessage id={`${inputId}-error`} message={error} />
          <input
            className={`nhsuk-file-upload__input${error !== undefined ? ' nhsuk-file-upload__input--error' : ''}`}
            id={inputId}
            type="file"
            accept=".docx,.pxbundle"
            aria-describedby={error !== undefined ? `${inputId}-error` : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </div>
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
