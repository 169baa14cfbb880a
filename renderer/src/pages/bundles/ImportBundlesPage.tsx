import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { countsText, kindCountsText } from '../../lib/bundle-text';
import { fieldId } from '../../lib/field-ids';
import { formatDateTime } from '../../lib/format';
import { BundlesNav } from './BundlesNav';
import { useImportQueue, type QueueItem } from './use-import-queue';

/**
 * The PEIG lead imports bundles: one or many files, each checked before anything is written
 * (signature, signer, collection key, every record), then merged; a bundle imported again adds
 * nothing. In the browser host the files are chosen with the file input; the desktop app's file
 * input opens the operating system's dialog.
 */
export function ImportBundlesPage() {
  const queue = useImportQueue();
  const inputId = fieldId('bundles');
  const ready = queue.items.filter((i) => i.inspection !== null && i.job?.state !== 'done');
  const waitingForTrust = ready.filter((i) => !i.inspection!.signerTrusted && !i.confirmSigner);
  return (
    <>
      <PageHeading title="Import bundles">Import bundles</PageHeading>
      <BundlesNav current="bundle-import" />
      <p className="nhsuk-body">
        Choose the bundle files governors and clinical lead partners sent you (.pxbundle). Each is checked
        first: its signature, who signed it, that it was made for this laptop’s collection key, and every
        record in it. A bundle that fails any check changes nothing. Importing a bundle again, or bundles that
        overlap, never doubles anything.
      </p>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label nhsuk-label--s" htmlFor={inputId}>
          Bundle files
        </label>
        <div className="nhsuk-hint" id={`${inputId}-hint`}>
          You can choose several at once.
        </div>
        <input
          className="nhsuk-file-upload__input"
          id={inputId}
          type="file"
          multiple
          accept=".pxbundle"
          aria-describedby={`${inputId}-hint`}
          disabled={queue.running}
          onChange={(event) => void queue.choose([...(event.target.files ?? [])])}
        />
      </div>
      {queue.items.map((item) => (
        <BundleCard key={item.key} item={item} onConfirm={(value) => queue.confirm(item.key, value)} />
      ))}
      {ready.length > 0 && (
        <div className="nhsuk-button-group">
          <button
            type="button"
            className="nhsuk-button"
            disabled={queue.running || waitingForTrust.length > 0}
            aria-describedby={waitingForTrust.length > 0 ? 'trust-needed' : undefined}
            onClick={() => void queue.importAll()}
          >
            {queue.running
              ? 'Importing…'
              : ready.length === 1
                ? 'Import the bundle'
                : `Import ${ready.length} bundles`}
          </button>
          {queue.running && (
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => void queue.cancel()}
            >
              Cancel import
            </button>
          )}
        </div>
      )}
      {waitingForTrust.length > 0 && (
        <p className="nhsuk-body" id="trust-needed">
          Confirm each new signer’s fingerprint above before importing.
        </p>
      )}
    </>
  );
}

function BundleCard({ item, onConfirm }: { item: QueueItem; onConfirm: (value: boolean) => void }) {
  const header = item.inspection?.header;
  const job = item.job;
  const checkboxId = `${fieldId('confirm')}-${item.key}`;
  return (
    <section className="nhsuk-card" aria-label={`Bundle ${item.fileName}`}>
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading nhsuk-heading-s pxr-break">{item.fileName}</h2>
        {item.problem !== null && <ErrorSummary problem={item.problem} />}
        {item.inspection === null && item.problem === null && <p className="nhsuk-body">Checking…</p>}
        {header !== undefined && item.inspection !== null && (
          <dl className="nhsuk-summary-list">
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">From</dt>
              <dd className="nhsuk-summary-list__value">
                {header.contributor.name}
                {header.contributor.role === '' ? '' : `, ${header.contributor.role}`}{' '}
                {item.inspection.signerTrusted ? (
                  <strong className="nhsuk-tag nhsuk-tag--green">Trusted signer</strong>
                ) : (
                  <strong className="nhsuk-tag nhsuk-tag--orange">New signer</strong>
                )}
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Their key’s fingerprint</dt>
              <dd className="nhsuk-summary-list__value pxr-fingerprint">
                {item.inspection.contributorFingerprint}
              </dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Made</dt>
              <dd className="nhsuk-summary-list__value">{formatDateTime(header.createdAt)}</dd>
            </div>
            <div className="nhsuk-summary-list__row">
              <dt className="nhsuk-summary-list__key">Holds</dt>
              <dd className="nhsuk-summary-list__value">{countsText(header.counts)}</dd>
            </div>
          </dl>
        )}
        {item.inspection !== null && !item.inspection.forThisLaptop && (
          <p className="nhsuk-body">
            This bundle was made for another collection key ({item.inspection.recipientFingerprint}); it
            cannot be opened here.
          </p>
        )}
        {item.inspection !== null && !item.inspection.signerTrusted && job === null && (
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input
                className="nhsuk-checkboxes__input"
                id={checkboxId}
                type="checkbox"
                checked={item.confirmSigner}
                onChange={(event) => onConfirm(event.target.checked)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={checkboxId}>
                I have checked this fingerprint with {header?.contributor.name || 'the sender'}: trust their
                key
              </label>
            </div>
          </div>
        )}
        {job !== null && <JobStatus job={job} />}
      </div>
    </section>
  );
}

function JobStatus({ job }: { job: NonNullable<QueueItem['job']> }) {
  const progressId = `import-progress-${job.jobId}`;
  return (
    <div>
      <p className="nhsuk-u-visually-hidden" role="status">
        {job.state === 'running' ? job.stage : ''}
      </p>
      {job.state === 'running' && (
        <>
          <label className="nhsuk-label nhsuk-label--s" htmlFor={progressId}>
            {job.stage}
          </label>
          <progress id={progressId} className="pxr-progress" max={1} value={job.progress}>
            {Math.round(job.progress * 100)}%
          </progress>
        </>
      )}
      {job.state === 'done' && job.result !== null && (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          {job.result.alreadyImportedAt !== null ? (
            <p>Already imported on {formatDateTime(job.result.alreadyImportedAt)}: nothing was added.</p>
          ) : (
            <>
              <p>Added: {kindCountsText(job.result.added)}.</p>
              <p>Already here, skipped: {kindCountsText(job.result.skipped)}.</p>
            </>
          )}
          {job.result.withdrawn.map((w) => (
            <p key={w.storyId}>
              Consent withdrawn for “{w.title}”: it is out of the trust view.{' '}
              {w.exports.length === 0
                ? 'It was not in any export from this laptop.'
                : `It was in ${w.exports.map((e) => e.fileName).join(', ')}.`}
            </p>
          ))}
        </div>
      )}
      {job.state === 'failed' && job.error !== null && <ErrorSummary problem={job.error} />}
      {job.state === 'cancelled' && (
        <div className="nhsuk-inset-text">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>The import was cancelled. Nothing was imported.</p>
        </div>
      )}
    </div>
  );
}
