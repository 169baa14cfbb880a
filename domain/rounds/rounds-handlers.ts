import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import {
  createObservation,
  deleteObservation,
  updateObservation,
} from '../observations/observations-service';
import {
  addArea,
  areaNames,
  listAreas,
  completeRound,
  createRound,
  getRoundDetail,
  listRounds,
} from './rounds-service';

export type RoundsHandlers = HandlerMap<
  | 'rounds:list'
  | 'rounds:get'
  | 'rounds:create'
  | 'rounds:complete'
  | 'areas:add'
  | 'areas:names-for-site'
  | 'areas:list'
  | 'observations:create'
  | 'observations:update'
  | 'observations:delete'
>;

export function roundsHandlers(store: Store): RoundsHandlers {
  return {
    'rounds:list': () => listRounds(store),
    'rounds:get': ({ roundId }) => getRoundDetail(store, roundId),
    'rounds:create': (request) => createRound(store, request),
    'rounds:complete': ({ roundId }) => completeRound(store, roundId),
    'areas:add': (request) => addArea(store, request),
    'areas:names-for-site': ({ site }) => areaNames(store, site),
    'areas:list': ({ site }) => listAreas(store, site),
    'observations:create': (request) => createObservation(store, request),
    'observations:update': (request) => updateObservation(store, request),
    'observations:delete': ({ id }) => deleteObservation(store, id),
  };
}
