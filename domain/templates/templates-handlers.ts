import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';

export type TemplatesHandlers = HandlerMap<'templates:list'>;

export function templatesHandlers(store: Store): TemplatesHandlers {
  return {
    'templates:list': () => store.templates.list(),
  };
}
