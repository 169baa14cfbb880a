import { useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PageHeading } from '../../components/PageHeading';
import { TextField } from '../../components/TextField';
import { formProblem, NO_PROBLEM, type FormProblem } from '../../lib/form-problem';

const FIELD = 'recoveryKey';

type Locked = Extract<ResponseOf<'recovery:status'>, { state: 'locked' }>;

function why(status: Locked): string {
  return status.reason === 'missing'
    ? `The key that unlocks the data in ${status.dataFolder} is not on this computer.`
    : `This computer cannot unlock the data in ${status.dataFolder} with its own key store. This happens when a laptop is re-imaged or replaced, when a user account is reset, or when the data folder is brought from another computer.`;
}

/**
 * The start-up screen when this computer cannot open the data by itself: the recovery key opens
 * it, and the key is then stored for this computer, so the next start needs nothing.
 */
export function UnlockScreen({ status, onOpened }: { status: Locked; onOpened: () => void }) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<FormProblem>(NO_PROBLEM);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState(false);
  const openedRef = useRef<HTMLDivElement>(null);

  const submit = async () => {
    setBusy(true);
    const result = await api['recovery:unlock']({ recoveryKey: typed });
    setBusy(false);
    if (!result.ok) return setProblem(formProblem(result.error, [FIELD]));
    setProblem(NO_PROBLEM);
    setOpened(true);
  };

  useEffect(() => {
    if (opened) openedRef.current?.focus();
  }, [opened]);

  const fieldError = problem.errors.find((e) => e.field === FIELD)?.message;
  const hasErrors = problem.errors.length > 0 || problem.problem !== null;
  if (opened) {
    return (
      <>
        <PageHeading title="Your data is open">Your data is open</PageHeading>
        <div className="nhsuk-inset-text" tabIndex={-1} ref={openedRef} role="status">
          <p>
            The recovery key opened your data, and its key is now stored for this computer, so PX Rounds will
            open it by itself from now on. Your recovery key still works: keep it safe.
          </p>
        </div>
        <button type="button" className="nhsuk-button" onClick={onOpened}>
          Continue to PX Rounds
        </button>
      </>
    );
  }
  return (
    <>
      <PageHeading title="Open with recovery key" hasErrors={hasErrors}>
        Open with recovery key
      </PageHeading>
      {problem.errors.length > 0 && <ErrorSummary errors={problem.errors} />}
      {problem.problem !== null && <ErrorSummary problem={problem.problem} />}
      <p className="nhsuk-body-l">{why(status)}</p>
      <p className="nhsuk-body">
        Enter the recovery key you printed or stored when you set up PX Rounds. Nothing is changed until the
        key is right.
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void submit();
        }}
      >
        <TextField
          field={FIELD}
          label="Recovery key"
          bold
          hint="8 groups of 5 letters and numbers, for example 7K3QF-M9X2A-… Capitals, spaces and hyphens do not matter."
          value={typed}
          onChange={setTyped}
          error={fieldError}
          width="pxr-unlock-input nhsuk-input--width-30"
        />
        <button type="submit" className="nhsuk-button" disabled={busy}>
          Open my data
        </button>
      </form>
      <p className="nhsuk-body">
        Without the recovery key, the data cannot be opened on this computer. Your IT service desk can help
        you find it, or open PX Rounds on the computer and account where the data was last used.
      </p>
    </>
  );
}
