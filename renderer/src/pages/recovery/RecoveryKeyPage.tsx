import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';
import { Checkbox } from '../../components/Checkbox';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { fieldId } from '../../lib/field-ids';
import { formatDateTime } from '../../lib/format';
import { hrefFor } from '../../lib/routes';
import { useLoad } from '../../lib/use-load';
import { RecoveryKeySheet } from './RecoveryKeySheet';

const CONFIRM_FIELD = 'storedRecoveryKey';
const CONFIRM_MESSAGE = 'Confirm that you have printed the recovery key or stored it somewhere safe';

type Shown = { pendingId: string; groups: string[] };

/** Settings → Recovery key: when it was made, and making one (shown once, kept when confirmed). */
export function RecoveryKeyPage() {
  const [status, setStatus] = useLoad(() => api['recovery:status']({}), []);
  const [shown, setShown] = useState<Shown | null>(null);
  const [stored, setStored] = useState(false);
  const [confirmError, setConfirmError] = useState(false);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const [keptAt, setKeptAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const keptRef = useRef<HTMLDivElement>(null);
  const sheetRef = useRef<HTMLHeadingElement>(null);

  // The key is what the person came for: focus goes to it, so it is read out next; once kept,
  // focus goes to the words that say so.
  useEffect(() => {
    if (shown !== null) sheetRef.current?.focus();
  }, [shown]);
  useEffect(() => {
    if (keptAt !== null) keptRef.current?.focus();
  }, [keptAt]);

  const madeAt = status.state === 'ready' && status.value.state === 'open' ? status.value.madeAt : null;

  const make = async () => {
    setBusy(true);
    setProblem(null);
    setKeptAt(null);
    const result = await api['recovery:create']({});
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    setShown(result.value);
    setStored(false);
    setConfirmError(false);
  };

  const keep = async () => {
    if (shown === null) return;
    if (!stored) return setConfirmError(true);
    setBusy(true);
    setProblem(null);
    const result = await api['recovery:confirm']({ pendingId: shown.pendingId });
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    setShown(null);
    setKeptAt(result.value.madeAt);
    setStatus({ state: 'open', madeAt: result.value.madeAt });
  };

  const hasErrors = confirmError || problem !== null;
  return (
    <>
      <PageHeading title="Recovery key" hasErrors={hasErrors}>
        Recovery key
      </PageHeading>
      {confirmError && <ErrorSummary errors={[{ field: CONFIRM_FIELD, message: CONFIRM_MESSAGE }]} />}
      {problem !== null && <ErrorSummary problem={problem} />}
      {status.state === 'failed' && <ErrorSummary problem={status.error} />}
      <p className="nhsuk-body-l">
        Your data is encrypted with a key that this computer keeps for your user account. The recovery key
        opens your data if that is lost: when the laptop is replaced or re-imaged, or your account is reset.
      </p>
      {keptAt !== null && (
        <div className="nhsuk-inset-text" tabIndex={-1} ref={keptRef} role="status">
          <p>
            Your recovery key is kept. Made {formatDateTime(keptAt)}. Keep it away from this laptop, where a
            thief or a fault cannot take both.
          </p>
        </div>
      )}
      {status.state === 'ready' && keptAt === null && (
        <p className="nhsuk-body">
          {madeAt === null
            ? 'You have not made a recovery key yet.'
            : `Your recovery key was made ${formatDateTime(madeAt)}.`}
        </p>
      )}
      {shown === null ? (
        <>
          {madeAt !== null && (
            <p className="nhsuk-body">
              Make a new one if the old one may have been seen by someone else, or has been lost. The old one
              stops working once you keep the new one.
            </p>
          )}
          <button
            type="button"
            className="nhsuk-button"
            disabled={busy || status.state !== 'ready'}
            onClick={() => void make()}
          >
            {madeAt === null ? 'Make a recovery key' : 'Make a new recovery key'}
          </button>
        </>
      ) : (
        <>
          <RecoveryKeySheet groups={shown.groups} headingRef={sheetRef} />
          <div className="nhsuk-button-group">
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              onClick={() => window.print()}
            >
              Print the recovery key
            </button>
          </div>
          <div className={`nhsuk-form-group${confirmError ? ' nhsuk-form-group--error' : ''}`}>
            <ErrorMessage
              id={`${fieldId(CONFIRM_FIELD)}-error`}
              message={confirmError ? CONFIRM_MESSAGE : undefined}
            />
            <Checkbox
              id={fieldId(CONFIRM_FIELD)}
              label="I have printed this recovery key, or stored it somewhere safe away from this laptop"
              checked={stored}
              onChange={(checked) => {
                setStored(checked);
                if (checked) setConfirmError(false);
              }}
              {...(confirmError ? { describedBy: `${fieldId(CONFIRM_FIELD)}-error` } : {})}
            />
          </div>
          <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void keep()}>
            Keep this recovery key
          </button>
        </>
      )}
      <p className="nhsuk-body">
        <a href={hrefFor({ name: 'settings' })}>Back to settings</a>
      </p>
    </>
  );
}
