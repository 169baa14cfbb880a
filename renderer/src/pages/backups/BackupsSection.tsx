import { useState } from 'react';
import type { BackupEntryDto } from '../../../../ipc/backups-schemas';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formatCount, formatDateTime } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

type Done = { restoredFrom: string; keptAs: string | null };

/** Settings → Backups: what each backup holds, making one now, and restoring one. */
export function BackupsSection() {
  const [backups, , reload] = useLoad(() => api['backups:list']({}), []);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [confirming, setConfirming] = useState<BackupEntryDto | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async <T,>(
    work: () => Promise<{ ok: true; value: T } | { ok: false; error: AppErrorShape }>,
    then: (v: T) => void,
  ) => {
    setBusy(true);
    setProblem(null);
    const result = await work();
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    then(result.value);
    reload();
  };

  return (
    <section aria-labelledby="backups-heading">
      <h2 className="nhsuk-heading-m" id="backups-heading">
        Backups
      </h2>
      <p className="nhsuk-body">
        PX Rounds keeps encrypted backups of your data in its data folder: one a day, kept for a week, then
        one a week for a month and one a month for a year. Restoring one puts your data back as it was then;
        what you have now is kept as a backup first, so a restore can itself be undone.
      </p>
      {problem !== null && <ErrorSummary problem={problem} />}
      {done !== null && (
        <div className="nhsuk-inset-text" role="status">
          <p>
            The backup from {formatDateTime(done.restoredFrom)} was restored.
            {done.keptAs !== null && ` What you had before is kept as the backup ${done.keptAs}.`}
          </p>
        </div>
      )}
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={busy}
        onClick={() =>
          void run(
            () => api['backups:create']({}),
            () => setDone(null),
          )
        }
      >
        Make a backup now
      </button>
      {confirming !== null && (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Restore the backup from {formatDateTime(confirming.takenAt)}?
            </span>
          </h3>
          <p>
            Your data will be as it was then. What you have now is kept as a backup first. Anything added
            since that backup will only be in that kept backup.
          </p>
          <div className="nhsuk-button-group">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--warning"
              disabled={busy}
              onClick={() => {
                const chosen = confirming;
                void run(
                  () => api['backups:restore']({ name: chosen.name }),
                  (value) => {
                    setConfirming(null);
                    setDone({ restoredFrom: chosen.takenAt, keptAs: value.keptAs });
                  },
                );
              }}
            >
              Restore this backup
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => setConfirming(null)}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {backups.state === 'loading' && <p aria-live="polite">Loading the backups…</p>}
      {backups.state === 'failed' && <ErrorSummary problem={backups.error} />}
      {backups.state === 'ready' && backups.value.length === 0 && (
        <p className="nhsuk-body">There are no backups yet.</p>
      )}
      {backups.state === 'ready' && backups.value.length > 0 && (
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Backups, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Taken
              </th>
              <th scope="col" className="nhsuk-table__header">
                Size
              </th>
              <th scope="col" className="nhsuk-table__header">
                Rounds
              </th>
              <th scope="col" className="nhsuk-table__header">
                Observations
              </th>
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {backups.value.map((backup) => (
              <tr className="nhsuk-table__row" key={backup.name}>
                <td className="nhsuk-table__cell">{formatDateTime(backup.takenAt)}</td>
                <td className="nhsuk-table__cell">{formatSize(backup.bytes)}</td>
                {backup.problem === null ? (
                  <>
                    <td className="nhsuk-table__cell">{formatCount(backup.rounds ?? 0)}</td>
                    <td className="nhsuk-table__cell">{formatCount(backup.observations ?? 0)}</td>
                  </>
                ) : (
                  <td className="nhsuk-table__cell" colSpan={2}>
                    {backup.problem}
                  </td>
                )}
                <td className="nhsuk-table__cell">
                  {backup.problem === null && (
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                      disabled={busy}
                      onClick={() => setConfirming(backup)}
                    >
                      Restore
                      <span className="nhsuk-u-visually-hidden">
                        {' '}
                        the backup from {formatDateTime(backup.takenAt)}
                      </span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
