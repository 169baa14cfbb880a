// Plain words for an error from the app: a heading from its kind and the message written for
// the person using the app, plus what "locked" means here.
import { errorTitle, type AppErrorShape } from '../../../ipc/errors';

/**
 * `detail` is the technical report, when there is one: the screen shows it behind a disclosure
 * after the plain words, never in their place.
 */
export function describeError(error: AppErrorShape): { title: string; body: string; detail: string | null } {
  const title = errorTitle(error.kind);
  const detail = error.detail ?? null;
  if (error.kind === 'locked' && !/complete|signed/i.test(error.message)) {
    return {
      title,
      body: `${error.message} This round has been completed, so what was recorded is kept as it is.`,
      detail,
    };
  }
  return { title, body: error.message, detail };
}
