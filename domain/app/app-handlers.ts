import type { ResponseOf } from '../../ipc/contract';
import type { HandlerMap } from '../handler-types';

export type AppHandlers = HandlerMap<'app:info'>;

type AppInfo = ResponseOf<'app:info'>;

/** `diskSpace` is read at each call: free space changes while the app runs. */
export function appHandlers(
  info: Omit<AppInfo, 'diskSpace'>,
  diskSpace: () => AppInfo['diskSpace'],
): AppHandlers {
  return {
    'app:info': () => ({ ...info, diskSpace: diskSpace() }),
  };
}
