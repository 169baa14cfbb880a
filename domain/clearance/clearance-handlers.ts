import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { checkClearance, decideClearance } from './clearance-service';
import { setStaffNames, staffNames } from '../settings/staff-names';

export type ClearanceHandlers = HandlerMap<
  'clearance:check' | 'clearance:decide' | 'settings:get-staff-names' | 'settings:set-staff-names'
>;

export function clearanceHandlers(store: Store): ClearanceHandlers {
  return {
    'clearance:check': (request) => checkClearance(store, request),
    'clearance:decide': (request) => decideClearance(store, request),
    'settings:get-staff-names': () => ({ names: staffNames(store) }),
    'settings:set-staff-names': ({ names }) => setStaffNames(store, names),
  };
}
