import type { ActionStatus } from '../../../../ipc/contract';
import { ACTION_STATUS_LABELS, ACTION_STATUS_TAG_CLASSES } from './action-labels';

export function ActionStatusTag({ status }: { status: ActionStatus }) {
  return (
    <strong className={`nhsuk-tag ${ACTION_STATUS_TAG_CLASSES[status]}`}>
      {ACTION_STATUS_LABELS[status]}
    </strong>
  );
}

/** Overdue said in words as well as colour, wherever an action is listed. */
export function OverdueTag({ overdue }: { overdue: boolean }) {
  if (!overdue) return null;
  return <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>;
}
