import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import {
  createObservation,
  deleteObservation,
  setFollowUp,
  setObservationSentiment,
  updateObservation,
} from './observations-service';

export type ObservationsHandlers = HandlerMap<
  | 'observations:create'
  | 'observations:update'
  | 'observations:delete'
  | 'observations:set-sentiment'
  | 'observations:set-follow-up'
>;

export function observationsHandlers(store: Store): ObservationsHandlers {
  return {
    'observations:create': (request) => createObservation(store, request),
    'observations:update': (request) => updateObservation(store, request),
    'observations:delete': ({ id }) => deleteObservation(store, id),
    'observations:set-sentiment': (request) => setObservationSentiment(store, request),
    'observations:set-follow-up': (request) => setFollowUp(store, request),
  };
}
