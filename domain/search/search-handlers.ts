import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { createSearch } from './search-service';

export type SearchHandlers = HandlerMap<'search:observations'>;

export function searchHandlers(store: Store): SearchHandlers {
  const search = createSearch(store);
  return {
    'search:observations': (request) => search(request),
  };
}
