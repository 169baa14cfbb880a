import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { recordConsent, recordReadBack, withdrawConsent } from './consent-service';
import { getStoryDetail } from './story-dto';
import { approveStory, createStory, listStories, setStorySentiment, updateStory } from './stories-service';

export type StoriesHandlers = HandlerMap<
  | 'stories:list'
  | 'stories:get'
  | 'stories:create'
  | 'stories:update'
  | 'stories:set-sentiment'
  | 'stories:record-consent'
  | 'stories:withdraw-consent'
  | 'stories:record-read-back'
  | 'stories:approve'
>;

export function storiesHandlers(store: Store): StoriesHandlers {
  return {
    'stories:list': (request) => listStories(store, request),
    'stories:get': ({ id }) => getStoryDetail(store, id),
    'stories:create': (request) => createStory(store, request),
    'stories:update': (request) => updateStory(store, request),
    'stories:set-sentiment': (request) => setStorySentiment(store, request),
    'stories:record-consent': (request) => recordConsent(store, request),
    'stories:withdraw-consent': (request) => withdrawConsent(store, request),
    'stories:record-read-back': (request) => recordReadBack(store, request),
    'stories:approve': ({ id }) => approveStory(store, id),
  };
}
