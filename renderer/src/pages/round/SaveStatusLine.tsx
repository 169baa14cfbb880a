import type { CaptureSnapshot } from '../../lib/capture-controller';
import { describeError } from '../../lib/error-text';
import { formatTime } from '../../lib/format';
import { assertNever, type AppErrorShape } from '../../../../ipc/errors';

function problemText(error: AppErrorShape): string {
  // Only storage problems are retried by themselves (see draft-saver.ts).
  if (error.kind === 'storage') return `Not saved — retrying. ${error.message}`;
  const { title, body } = describeError(error);
  return `Not saved. ${title}: ${body}`;
}

/** The words for the autosave state, e.g. "Saved at 09:41". */
export function saveStatusText(snapshot: CaptureSnapshot): string {
  const { status } = snapshot;
  switch (status.state) {
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${formatTime(status.at)}`;
    case 'retrying':
    case 'failed':
      return problemText(status.error);
    case 'idle':
      if (snapshot.backgroundError !== null) return problemText(snapshot.backgroundError);
      if (snapshot.backgroundUnsaved > 0) return 'Saving…';
      if (snapshot.lastSavedAt !== null) return `Saved at ${formatTime(snapshot.lastSavedAt)}`;
      // An observation opened for editing, or restored after a reload, is already in the database.
      if (snapshot.draft.baseUpdatedAt !== null)
        return `Saved at ${formatTime(snapshot.draft.baseUpdatedAt)}`;
      return 'Saves as you type.';
    default:
      return assertNever(status);
  }
}

export function SaveStatusLine({ snapshot }: { snapshot: CaptureSnapshot }) {
  const text = saveStatusText(snapshot);
  const problem = text.startsWith('Not saved');
  return (
    // role="status" is a polite live region: the state is read out when typing pauses, without
    // interrupting. The icon-free wording carries the meaning; the colour only repeats it.
    <p
      className={`pxr-save-status${problem ? ' pxr-save-status--problem' : ''}`}
      role="status"
      aria-atomic="true"
    >
      {text}
    </p>
  );
}
