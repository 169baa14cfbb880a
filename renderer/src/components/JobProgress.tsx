import type { ReactNode } from 'react';

type Props = {
  id: string;
  /** The stage in words, shown as the progress bar's label. */
  label: ReactNode;
  /** From 0 to 1. */
  progress: number;
  cancelling: boolean;
  cancelLabel: string;
  onCancel: () => void;
};

/** A running job: its stage, a progress bar and a Cancel button that waits once pressed. */
export function JobProgress({ id, label, progress, cancelling, cancelLabel, onCancel }: Props) {
  return (
    <>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        {label}
      </label>
      <progress id={id} className="pxr-progress" max={1} value={progress}>
        {Math.round(progress * 100)}%
      </progress>
      <button
        type="button"
        className="nhsuk-button nhsuk-button--secondary"
        disabled={cancelling}
        onClick={onCancel}
      >
        {cancelling ? 'Cancelling…' : cancelLabel}
      </button>
    </>
  );
}
