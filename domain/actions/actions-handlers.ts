import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { actionsForRound, getActionDetail, listActions } from './action-queries';
import {
  addActionSource,
  createAction,
  createActionFrom,
  recordRevisit,
  setActionStatus,
  updateAction,
} from './actions-service';

export type ActionsHandlers = HandlerMap<
  | 'actions:list'
  | 'actions:get'
  | 'actions:create'
  | 'actions:create-from'
  | 'actions:add-source'
  | 'actions:update'
  | 'actions:set-status'
  | 'actions:for-round'
  | 'actions:record-revisit'
>;

export function actionsHandlers(store: Store): ActionsHandlers {
  return {
    'actions:list': (request) => listActions(store, request),
    'actions:get': ({ id }) => getActionDetail(store, id),
    'actions:create': (request) => createAction(store, request),
    'actions:create-from': (request) => createActionFrom(store, request),
    'actions:add-source': (request) => addActionSource(store, request),
    'actions:update': (request) => updateAction(store, request),
    'actions:set-status': (request) => setActionStatus(store, request),
    'actions:for-round': ({ roundId }) => actionsForRound(store, roundId),
    'actions:record-revisit': (request) => recordRevisit(store, request),
  };
}
