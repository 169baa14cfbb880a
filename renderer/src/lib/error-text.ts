// Plain words for an error from the app: a heading from its kind and the message written for
// the person using the app, plus what "locked" means here.
import { errorTitle, type AppErrorShape } from '../../../ipc/errors';

export function describeError(error: AppErrorShape): { title: string; body: string } {
  const title = errorTitle(error.kind);
  if (error.kind === 'locked' && !/complete|signed/i.test(error.message)) {
    return {
      title,
      body: `${error.message} This round has been completed, so what was recorded is kept as it is.`,
    };
  }
  return { title, body: error.message };
}
