import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import {
  completeRound,
  createRound,
  getRoundDetail,
  listRounds,
  type RoundObservations,
} from './rounds-service';

export type RoundsHandlers = HandlerMap<
  'rounds:list' | 'rounds:sites' | 'rounds:get' | 'rounds:create' | 'rounds:complete'
>;

export function roundsHandlers(store: Store, observationsOf: RoundObservations): RoundsHandlers {
  return {
    'rounds:list': () => listRounds(store),
    'rounds:sites': () => store.rounds.sites(),
    'rounds:get': ({ roundId }) => getRoundDetail(store, roundId, observationsOf),
    'rounds:create': (request) => createRound(store, request, observationsOf),
    'rounds:complete': ({ roundId }) => completeRound(store, roundId, observationsOf),
  };
}
