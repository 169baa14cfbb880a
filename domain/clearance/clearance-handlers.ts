import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { checkClearance, decideClearance } from './clearance-service';
import { replaceWithPlainWords } from './plain-words-service';

export type ClearanceHandlers = HandlerMap<'clearance:check' | 'clearance:decide' | 'clearance:plain-words'>;

export function clearanceHandlers(store: Store): ClearanceHandlers {
  return {
    'clearance:check': (request) => checkClearance(store, request),
    'clearance:decide': (request) => decideClearance(store, request),
    'clearance:plain-words': (request) => replaceWithPlainWords(store, request),
  };
}
