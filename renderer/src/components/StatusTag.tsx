import type { RoundStatus } from '../../../ipc/contract';
import { STATUS_LABELS, STATUS_TAG_CLASSES } from '../lib/labels';

export function StatusTag({ status }: { status: RoundStatus }) {
  return <strong className={`nhsuk-tag ${STATUS_TAG_CLASSES[status]}`}>{STATUS_LABELS[status]}</strong>;
}
