import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { completeRound, createRound, getRoundDetail, listRounds } from './rounds-service';

export type RoundsHandlers = HandlerMap<'rounds:list' | 'rounds:get' | 'rounds:create' | 'rounds:complete'>;

export function roundsHandlers(store: Store): RoundsHandlers {
  return {
    'rounds:list': () => listRounds(store),
    'rounds:get': ({ roundId }) => getRoundDetail(store, roundId),
    'rounds:create': (request) => createRound(store, request),
    'rounds:complete': ({ roundId }) => completeRound(store, roundId),
  };
}
