import type { CaptureSnapshot } from '../lib/capture-controller';
import type { SaveStatus } from '../lib/save-schedule';
import { describeError } from '../lib/error-text';
import { formatTime } from '../lib/format';
import { assertNever, type AppErrorShape } from '../../../ipc/errors';

function problemText(error: AppErrorShape): string {
  // Only storage problems are retried by themselves (see draft-saver.ts).
  if (error.kind === 'storage') return `Not saved — retrying. ${error.message}`;
  const { title, body } = describeError(error);
  return `Not saved. ${title}: ${body}`;
}

const NOT_SAVED = 'Not saved';

/** The words for the autosave state of the text, e.g. "Saved at 09:41". */
function draftStatusText(snapshot: CaptureSnapshot): string {
  const { status } = snapshot;
  if (status.state !== 'idle') return metaStatusText(status);
  if (snapshot.backgroundError !== null) return problemText(snapshot.backgroundError);
  if (snapshot.backgroundUnsaved > 0) return 'Saving…';
  if (snapshot.lastSavedAt !== null) return `Saved at ${formatTime(snapshot.lastSavedAt)}`;
  // An observation opened for editing, or restored after a reload, is already in the database.
  if (snapshot.draft.baseUpdatedAt !== null) return `Saved at ${formatTime(snapshot.draft.baseUpdatedAt)}`;
  return 'Saves as you type.';
}

/** The words for saving tags and sentiment on their own (in the observation list). */
export function metaStatusText(status: SaveStatus): string {
  switch (status.state) {
    case 'idle':
      return 'Changes are saved as you make them.';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${formatTime(status.at)}`;
    case 'retrying':
    case 'failed':
      return problemText(status.error);
    default:
      return assertNever(status);
  }
}

/**
 * One line for everything about the observation in the form: its text, and its tags and
 * sentiment (`meta`). A problem with either comes first, then "Saving…", then the later time.
 */
export function saveStatusText(snapshot: CaptureSnapshot, meta: SaveStatus = { state: 'idle' }): string {
  const text = draftStatusText(snapshot);
  if (text.startsWith(NOT_SAVED)) return text;
  switch (meta.state) {
    case 'idle':
      return text;
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'retrying':
    case 'failed':
      return problemText(meta.error);
    case 'saved': {
      if (text === 'Saving…') return text;
      const textSavedAt = snapshot.lastSavedAt;
      const latest = textSavedAt !== null && textSavedAt > meta.at ? textSavedAt : meta.at;
      return `Saved at ${formatTime(latest)}`;
    }
    default:
      return assertNever(meta);
  }
}

export function SaveStatusLine({ snapshot, meta }: { snapshot: CaptureSnapshot; meta?: SaveStatus }) {
  const text = saveStatusText(snapshot, meta);
  const problem = text.startsWith(NOT_SAVED);
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
