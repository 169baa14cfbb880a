import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppErrorShape, Result } from '../../../ipc/errors';
import { ErrorSummary } from './ErrorSummary';
import { WarningCallout } from './WarningCallout';

type Words = {
  /** Heading level of the warning and the confirm step, to fit the page around it. */
  level: 'h2' | 'h3';
  testId: string;
  title: string;
  /** Why the key cannot be unlocked here: paragraphs inside the warning. */
  explanation: ReactNode;
  /** "Make a new … key"; the confirm heading adds "?" and its button starts "Yes, make …". */
  make: string;
  confirmHeadingId: string;
  /** What making a new key does: list items. */
  consequences: ReactNode;
};

type Props<T> = Words & { replace: () => Promise<Result<T>>; onReplaced: (replaced: T) => void };

/**
 * A key file that this computer's key store cannot open (a re-imaged laptop): the warning, then
 * a confirm step before a new key is made. Nothing is replaced until the person confirms.
 */
export function LockedKeyReplacement<T>(props: Props<T>) {
  const { level: Heading, make, replace, onReplaced } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AppErrorShape | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const confirm = async () => {
    setBusy(true);
    const result = await replace();
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error);
      return;
    }
    setProblem(null);
    onReplaced(result.value);
  };

  return (
    <>
      {problem !== null && <ErrorSummary problem={problem} />}
      <WarningCallout level={Heading} testId={props.testId} title={props.title}>
        {props.explanation}
      </WarningCallout>
      {!confirming ? (
        <button type="button" className="nhsuk-button" onClick={() => setConfirming(true)}>
          {make}
        </button>
      ) : (
        <section aria-labelledby={props.confirmHeadingId}>
          <Heading className="nhsuk-heading-s" id={props.confirmHeadingId} tabIndex={-1} ref={confirmRef}>
            {`${make}?`}
          </Heading>
          <ul className="nhsuk-list nhsuk-list--bullet">{props.consequences}</ul>
          <div className="nhsuk-button-group">
            <button type="button" className="nhsuk-button" disabled={busy} onClick={() => void confirm()}>
              {`Yes, ${make.charAt(0).toLowerCase()}${make.slice(1)}`}
            </button>
            <button
              type="button"
              className="nhsuk-button nhsuk-button--secondary"
              disabled={busy}
              onClick={() => setConfirming(false)}
            >
              Cancel
            </button>
          </div>
        </section>
      )}
    </>
  );
}
