import type { ResponseOf } from '../../ipc/contract';
import type { HandlerMap } from '../handler-types';

export type AppHandlers = HandlerMap<'app:info'>;

export function appHandlers(info: ResponseOf<'app:info'>): AppHandlers {
  return {
    'app:info': () => info,
  };
}
