import { useState } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { AuditDocumentCheck } from './AuditDocumentCheck';

type AuditCheck = ResponseOf<'audit:verify'>;

/** Settings → Audit log: checks the hash chain and the signed anchors, and says what it found. */
export function AuditSection() {
  const [result, setResult] = useState<AuditCheck | null>(null);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    setProblem(null);
    const answer = await api['audit:verify']({});
    setBusy(false);
    if (!answer.ok) {
      setResult(null);
      setProblem(answer.error);
      return;
    }
    setResult(answer.value);
  };

  return (
    <section aria-labelledby="audit-heading">
      <h2 className="nhsuk-heading-m" id="audit-heading">
        Audit log
      </h2>
      <p className="nhsuk-body">
        Every change made in PX Rounds is written in an audit log that the app never edits or deletes, each
        entry linked to the one before. At every sign-off, export, bundle and backup, the log’s latest entry
        is signed with your signing key and kept outside the database, and in the document or bundle that
        leaves this computer. The check below shows whether entries were changed, removed, or cut from the
        end.
      </p>
      {problem !== null && <ErrorSummary problem={problem} />}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={busy}
        onClick={() => void check()}
      >
        Check the audit log
      </button>
      {/* Announced when the answer arrives; the details follow it in the same place. */}
      <div aria-live="polite">
        {result !== null && result.ok && (
          <div className="nhsuk-inset-text">
            <p>{result.summary}</p>
          </div>
        )}
        {result !== null && !result.ok && (
          <div className="nhsuk-warning-callout">
            <h3 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                The audit log does not check out
              </span>
            </h3>
            <p>{result.summary}</p>
            <ul>
              {result.findings.map((finding) => (
                <li key={`${finding.kind}-${finding.seq ?? ''}`}>{finding.message}</li>
              ))}
            </ul>
            <p>
              Nothing has been changed by this check. Keep this computer as it is and tell your information
              governance lead; documents and bundles you have sent carry signed copies of the log’s state,
              which show what it held then.
            </p>
          </div>
        )}
      </div>
      <AuditDocumentCheck />
    </section>
  );
}
