import { useEffect, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../../ipc/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CancelButton } from '../../components/CancelButton';

type Props = { onComplete: () => Promise<AppErrorShape | null> };

/** "Complete round", with a second step: completing locks every observation in the round. */
export function CompleteRound({ onComplete }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const questionRef = useRef<HTMLHeadingElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const complete = async () => {
    if (busy) return;
    setBusy(true);
    const error = await onComplete();
    setBusy(false);
    setProblem(error);
    if (error !== null) setConfirming(false);
  };

  return (
    <section aria-labelledby="complete-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m" id="complete-heading">
        Finish the round
      </h2>
      {problem !== null && <ProblemAlert problem={problem} />}
      {confirming ? (
        <div className="nhsuk-warning-callout">
          <h3 className="nhsuk-warning-callout__label" tabIndex={-1} ref={questionRef}>
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Complete this round?
          </h3>
          <p>Once it is completed, observations and areas cannot be added, changed or deleted.</p>
          <button type="button" className="nhsuk-button" onClick={() => void complete()}>
            Yes, complete the round
          </button>{' '}
          <CancelButton onClick={() => setConfirming(false)} />
        </div>
      ) : (
        <>
          <p>When you have visited every area, complete the round. It can then be reviewed and signed off.</p>
          <button
            type="button"
            ref={startRef}
            className="nhsuk-button nhsuk-button--secondary"
            onClick={() => setConfirming(true)}
          >
            Complete round
          </button>
        </>
      )}
    </section>
  );
}
