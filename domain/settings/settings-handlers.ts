import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { organisation, setOrganisation } from './organisation';
import { person, setPerson } from './person';
import { setStaffNames, staffNames } from './staff-names';

export type SettingsHandlers = HandlerMap<
  | 'settings:get-staff-names'
  | 'settings:set-staff-names'
  | 'settings:get-organisation'
  | 'settings:set-organisation'
  | 'settings:get-person'
  | 'settings:set-person'
>;

/** `defaultOrganisation` is the organisation's name until someone sets it. */
export function settingsHandlers(store: Store, defaultOrganisation: string): SettingsHandlers {
  return {
    'settings:get-staff-names': () => ({ names: staffNames(store) }),
    'settings:set-staff-names': ({ names }) => setStaffNames(store, names),
    'settings:get-organisation': () => organisation(store, defaultOrganisation),
    'settings:set-organisation': ({ name }) => setOrganisation(store, name),
    'settings:get-person': () => person(store),
    'settings:set-person': ({ name, role }) => setPerson(store, name, role),
  };
}
