import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { kindCountsText } from '../../lib/bundle-text';
import { formatDateTime } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { BundlesNav } from './BundlesNav';

/** Every bundle imported on this laptop: from whom, when, what it added and what was already here. */
export function ImportLogPage() {
  const [log] = useLoad(() => api['bundles:import-log']({}), []);
  return (
    <>
      <PageHeading title="Import log">Import log</PageHeading>
      <BundlesNav current="bundle-log" />
      {log.state === 'loading' && <p aria-live="polite">Loading…</p>}
      {log.state === 'failed' && <ErrorSummary problem={log.error} />}
      {log.state === 'ready' && log.value.entries.length === 0 && (
        <p className="nhsuk-body">No bundles imported yet.</p>
      )}
      {log.state === 'ready' && log.value.entries.length > 0 && (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption">Bundles imported, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Imported</th>
              <th scope="col">From</th>
              <th scope="col">File</th>
              <th scope="col">Added</th>
              <th scope="col">Already here</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {log.value.entries.map((e) => (
              <tr key={e.bundleId}>
                <td>{formatDateTime(e.importedAt)}</td>
                <td>
                  {e.contributorName}
                  <br />
                  <span className="pxr-fingerprint nhsuk-body-s">{e.fingerprint}</span>
                </td>
                <td className="pxr-break">{e.fileName}</td>
                <td>{kindCountsText(e.added)}</td>
                <td>{kindCountsText(e.skipped)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
