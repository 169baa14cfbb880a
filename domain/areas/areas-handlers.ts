import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { addArea, areaNames, listAreas } from './areas-service';

export type AreasHandlers = HandlerMap<'areas:add' | 'areas:names-for-site' | 'areas:list'>;

export function areasHandlers(store: Store): AreasHandlers {
  return {
    'areas:add': (request) => addArea(store, request),
    'areas:names-for-site': ({ site }) => areaNames(store, site),
    'areas:list': ({ site }) => listAreas(store, site),
  };
}
