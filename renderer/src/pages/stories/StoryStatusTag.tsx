import type { StoryStatus } from '../../../../ipc/vocabulary';
import { STORY_STATUS_LABELS, STORY_STATUS_TAG_CLASSES } from './story-labels';

export function StoryStatusTag({ status }: { status: StoryStatus }) {
  return (
    <strong className={`nhsuk-tag ${STORY_STATUS_TAG_CLASSES[status]}`}>{STORY_STATUS_LABELS[status]}</strong>
  );
}
