import { useCallback } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { JobProgress } from '../../components/JobProgress';
import { PageHeading } from '../../components/PageHeading';
import { countsText, kindCountsText } from '../../lib/bundle-text';
import { formatDateTime, plural } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { useLoad } from '../../lib/use-load';
import { HubConnectionForm } from './HubConnectionForm';
import { resultText } from './hub-text';
import { useHubJob, type HubJobState } from './use-hub-job';

type HubStatus = ResponseOf<'hub:status'>;

/**
 * Settings → Trust hub: where the trust's PostgreSQL hub is, publishing what was signed off
 * here, pulling what others published, and what the last runs moved. Everything here still
 * works offline: a publish that cannot reach the hub waits and goes by itself later.
 */
export function TrustHubPage() {
  const [loaded, setLoaded, reload] = useLoad(() => api['hub:status']({}), []);
  const reloadStatus = useCallback(() => reload(), [reload]);
  const hubJob = useHubJob(reloadStatus);
  const failed = loaded.state === 'failed' ? loaded.error : null;
  const jobError = hubJob.status.state === 'failed' ? hubJob.status.error : null;
  const finishedError =
    hubJob.status.state === 'finished' && hubJob.status.job.state === 'failed'
      ? hubJob.status.job.error
      : null;
  return (
    <>
      <a className="nhsuk-back-link" href={hrefFor({ name: 'settings' })}>
        Settings
      </a>
      <PageHeading
        title="Trust hub"
        hasErrors={failed !== null || jobError !== null || finishedError !== null}
      >
        Trust hub
      </PageHeading>
      {failed !== null && <ErrorSummary problem={failed} />}
      <p className="nhsuk-body-l">
        Publish what you signed off to your trust’s hub, and pull in what everyone else published.
      </p>
      {loaded.state === 'loading' && <p aria-live="polite">Loading the trust hub’s settings…</p>}
      {loaded.state === 'ready' && (
        <>
          <HubConnectionForm status={loaded.value} onSaved={setLoaded} />
          <HubRuns status={loaded.value} hubJob={hubJob} />
          <PullLog status={loaded.value} />
        </>
      )}
    </>
  );
}

function HubRuns({ status, hubJob }: { status: HubStatus; hubJob: ReturnType<typeof useHubJob> }) {
  const running = hubJob.status.state === 'running' || hubJob.status.state === 'starting';
  const noConnection = status.connection === null;
  return (
    <section aria-labelledby="hub-runs-heading">
      <h2 className="nhsuk-heading-m" id="hub-runs-heading">
        Publish and pull
      </h2>
      {noConnection && <p className="nhsuk-body">Save the connection above first.</p>}
      <LastRuns status={status} />
      <div className="nhsuk-button-group">
        <RunButton unavailable={running || noConnection} onClick={() => hubJob.start('publish')}>
          Publish
        </RunButton>
        <RunButton unavailable={running || noConnection} onClick={() => hubJob.start('pull')}>
          Pull
        </RunButton>
      </div>
      <RunStatus status={hubJob.status} onCancel={hubJob.cancel} />
    </section>
  );
}

/**
 * Publish or Pull. While a run is under way it says it is unavailable rather than being
 * disabled, so the keyboard's focus stays on it instead of falling back to the top of the page.
 */
function RunButton(props: { unavailable: boolean; onClick: () => void; children: string }) {
  return (
    <button
      type="button"
      className="nhsuk-button"
      aria-disabled={props.unavailable}
      onClick={() => {
        if (!props.unavailable) props.onClick();
      }}
    >
      {props.children}
    </button>
  );
}

function LastRuns({ status }: { status: HubStatus }) {
  return (
    <dl className="nhsuk-summary-list">
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Last published</dt>
        <dd className="nhsuk-summary-list__value">
          {status.lastPublish === null
            ? 'Not yet'
            : `${formatDateTime(status.lastPublish.at)}: ${countsText(status.lastPublish.counts)}`}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Waiting to be published</dt>
        <dd className="nhsuk-summary-list__value">
          {status.queued === 0 ? 'Nothing' : plural(status.queued, 'bundle', 'bundles')}
          {status.retry.nextAttemptAt !== null &&
            `. PX Rounds tries again by itself at ${formatDateTime(status.retry.nextAttemptAt)}`}
          {status.retry.lastError !== null && `. Last try: ${status.retry.lastError}`}
        </dd>
      </div>
      <div className="nhsuk-summary-list__row">
        <dt className="nhsuk-summary-list__key">Last pulled</dt>
        <dd className="nhsuk-summary-list__value">
          {status.lastPull === null
            ? 'Not yet'
            : `${formatDateTime(status.lastPull.at)}: added ${kindCountsText(status.lastPull.added)}; held back ${plural(status.lastPull.held, 'record', 'records')}`}
        </dd>
      </div>
    </dl>
  );
}

function RunStatus({ status, onCancel }: { status: HubJobState; onCancel: () => void }) {
  const what = (run: 'publish' | 'pull') => (run === 'publish' ? 'Publishing' : 'Pulling');
  return (
    <div>
      <p className="nhsuk-u-visually-hidden" role="status">
        {status.state === 'running' ? `${what(status.run)}: ${status.job.stage}` : ''}
      </p>
      {status.state === 'starting' && <p className="nhsuk-body">{what(status.run)}…</p>}
      {status.state === 'running' && (
        <JobProgress
          id="hub-progress"
          label={
            <>
              {what(status.run)}: {status.job.stage}
            </>
          }
          progress={status.job.progress}
          cancelling={status.cancelling}
          cancelLabel="Cancel"
          onCancel={onCancel}
        />
      )}
      {status.state === 'failed' && <ErrorSummary problem={status.error} />}
      {status.state === 'finished' && status.job.state === 'failed' && status.job.error !== null && (
        <ErrorSummary problem={status.job.error} />
      )}
      {status.state === 'finished' && status.job.state === 'done' && status.job.result !== null && (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <h3 className="nhsuk-heading-s">{status.run === 'publish' ? 'Published' : 'Pulled'}</h3>
          {resultText(status.job.result).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      )}
      {status.state === 'finished' && status.job.state === 'cancelled' && (
        <div className="nhsuk-inset-text" role="status">
          <span className="nhsuk-u-visually-hidden">Information: </span>
          <p>Cancelled. What was already sent or brought in is kept; nothing was half-done.</p>
        </div>
      )}
    </div>
  );
}

function PullLog({ status }: { status: HubStatus }) {
  return (
    <section aria-labelledby="pull-log-heading">
      <h2 className="nhsuk-heading-m" id="pull-log-heading">
        Pull log: records held back
      </h2>
      {status.held.length === 0 ? (
        <p className="nhsuk-body">No records are held back.</p>
      ) : (
        <>
          <p className="nhsuk-body">
            These records on the hub were not brought in. Each is tried again at every pull, so one from a
            signer you trust later comes in then. A record whose signature does not match its content never
            will: tell the person who signed it, or IT.
          </p>
          <table className="nhsuk-table">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Records held back</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th className="nhsuk-table__header" scope="col">
                  Record
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Signed by key
                </th>
                <th className="nhsuk-table__header" scope="col">
                  Why it was held back
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {status.held.map((h) => (
                <tr className="nhsuk-table__row" key={h.unitId}>
                  <td className="nhsuk-table__cell">
                    {h.kind.replaceAll('_', ' ')} <span className="nhsuk-u-font-size-16">{h.unitId}</span>
                  </td>
                  <td className="nhsuk-table__cell">
                    <code>{h.fingerprint}</code>
                  </td>
                  <td className="nhsuk-table__cell">{h.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
