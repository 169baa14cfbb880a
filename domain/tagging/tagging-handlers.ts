import type { HandlerMap } from '../handler-types';
import { createInsights } from '../insights/insights-service';
import { setObservationSentiment } from '../observations/observations-service';
import { createSearch } from '../search/search-service';
import type { Store } from '../store';
import { createCustomTag, frameworksCatalogue, setObservationTags } from './tagging-service';

export type TaggingHandlers = HandlerMap<
  | 'frameworks:list'
  | 'tags:create-custom'
  | 'observations:set-tags'
  | 'observations:set-sentiment'
  | 'search:observations'
  | 'insights:get'
>;

export function taggingHandlers(store: Store): TaggingHandlers {
  const search = createSearch(store);
  const insights = createInsights(store);
  return {
    'frameworks:list': () => frameworksCatalogue(store),
    'tags:create-custom': (request) => createCustomTag(store, request),
    'observations:set-tags': (request) => setObservationTags(store, request),
    'observations:set-sentiment': (request) => setObservationSentiment(store, request),
    'search:observations': (request) => search(request),
    'insights:get': (request) => insights(request),
  };
}
