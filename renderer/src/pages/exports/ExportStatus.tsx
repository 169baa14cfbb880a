import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { JobProgress } from '../../components/JobProgress';
import { formProblem } from '../../lib/form-problem';
import { hrefFor } from '../../lib/routes';
import { folderOf, opensslCommand, progressText, verifyCommand } from '../../lib/signing-text';
import type { ExportedFileDto, ExportState } from '../../lib/use-export-job';

type Props = {
  status: ExportState;
  /** Fields of the form above: a refusal about one of them is shown there, beside the field. */
  formFields?: readonly string[];
  onAnswer: (replace: boolean) => void;
  onCancel: () => void;
};

/** What the running screen reader hears: the stage in words, not every percentage point. */
function announcement(status: ExportState): string {
  switch (status.state) {
    case 'starting':
      return 'Starting the export';
    case 'running':
      return status.cancelling ? 'Cancelling the export' : status.job.stage;
    case 'done':
      return `Export finished: ${status.file.fileName}`;
    case 'cancelled':
      return 'The export was cancelled';
    default:
      return '';
  }
}

/**
 * An export's progress and outcome: the stage words (announced politely), a progress bar and
 * Cancel while it runs; the file, its fingerprint and how to check it when it is done.
 */
export function ExportStatus({ status, onAnswer, onCancel, formFields = [] }: Props) {
  return (
    <div className="pxr-export-status">
      <p className="nhsuk-u-visually-hidden" role="status">
        {announcement(status)}
      </p>
      {status.state === 'starting' && <p className="nhsuk-body">Starting the export…</p>}
      {status.state === 'asking' && <OverwriteQuestion question={status.question} onAnswer={onAnswer} />}
      {status.state === 'running' && (
        <div className="pxr-export-progress">
          <JobProgress
            id="export-progress"
            label={progressText(status.job)}
            progress={status.job.progress}
            cancelling={status.cancelling}
            cancelLabel="Cancel export"
            onCancel={onCancel}
          />
        </div>
      )}
      {status.state === 'done' && <ExportDone file={status.file} />}
      {status.state === 'failed' && formProblem(status.error, formFields).problem !== null && (
        <ErrorSummary problem={status.error} />
      )}
      {status.state === 'cancelled' && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>The export was cancelled. No file was written.</p>
        </div>
      )}
      {status.state === 'kept' && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Nothing was exported and the existing file was kept. To keep both, give the new one another name.
          </p>
        </div>
      )}
    </div>
  );
}

function OverwriteQuestion({
  question,
  onAnswer,
}: {
  question: string;
  onAnswer: (replace: boolean) => void;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="nhsuk-warning-callout">
      <h3 className="nhsuk-warning-callout__label" tabIndex={-1} ref={ref}>
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {question}
        </span>
      </h3>
      <p>Replacing it cannot be undone. The file already there will be lost.</p>
      <button type="button" className="nhsuk-button nhsuk-button--warning" onClick={() => onAnswer(true)}>
        Yes, replace it
      </button>{' '}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => onAnswer(false)}>
        No, keep the existing file
      </button>
    </div>
  );
}

function ExportDone({ file }: { file: ExportedFileDto }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <div className="nhsuk-panel">
        <h2 className="nhsuk-panel__heading pxr-focus-target" tabIndex={-1} ref={ref}>
          Export complete
        </h2>
        <div className="nhsuk-panel__body">
          Saved and signed as <strong className="pxr-break">{file.fileName}</strong>
        </div>
      </div>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">File</dt>
          <dd className="nhsuk-summary-list__value pxr-break">{file.fileName}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Folder</dt>
          <dd className="nhsuk-summary-list__value pxr-break">{folderOf(file.path)}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Signature file</dt>
          <dd className="nhsuk-summary-list__value pxr-break">{file.sidecarPath}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">SHA-256 fingerprint of the file</dt>
          <dd className="nhsuk-summary-list__value pxr-fingerprint" data-testid="export-sha256">
            {file.sha256}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">Signed with key</dt>
          <dd className="nhsuk-summary-list__value pxr-fingerprint">{file.fingerprint}</dd>
        </div>
      </dl>
      <h3 className="nhsuk-heading-s">How to check it</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        <li>
          In PX Rounds: open <a href={hrefFor({ name: 'verify' })}>Verify a file</a> and choose it.
        </li>
        <li>
          From a command line: <code className="pxr-code">{verifyCommand(file.fileName)}</code>
        </li>
        <li>
          With openssl, using the signature file beside it and the signer’s public key (download yours from{' '}
          <a href={hrefFor({ name: 'signing-key' })}>Signing key</a>):
          <pre className="pxr-command">
            <code>{opensslCommand(file.fileName)}</code>
          </pre>
          It prints “Signature Verified Successfully” when the file is unchanged.
        </li>
      </ul>
    </>
  );
}
