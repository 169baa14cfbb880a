import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { checkClearance, decideClearance } from './clearance-service';

export type ClearanceHandlers = HandlerMap<'clearance:check' | 'clearance:decide'>;

export function clearanceHandlers(store: Store): ClearanceHandlers {
  return {
    'clearance:check': (request) => checkClearance(store, request),
    'clearance:decide': (request) => decideClearance(store, request),
  };
}
