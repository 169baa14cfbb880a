import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { createCustomTag, frameworksCatalogue, setItemTags, type Taggables } from './tagging-service';

export type TaggingHandlers = HandlerMap<
  'tagging:frameworks' | 'tagging:create-custom-tag' | 'tagging:set-item-tags'
>;

export function taggingHandlers(store: Store, taggables: Taggables): TaggingHandlers {
  return {
    'tagging:frameworks': () => frameworksCatalogue(store),
    'tagging:create-custom-tag': (request) => createCustomTag(store, request),
    'tagging:set-item-tags': (request) => setItemTags(store, taggables, request),
  };
}
