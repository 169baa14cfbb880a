import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { createInsights } from './insights-service';

export type InsightsHandlers = HandlerMap<'insights:get'>;

export function insightsHandlers(store: Store): InsightsHandlers {
  const insights = createInsights(store);
  return {
    'insights:get': (request) => insights(request),
  };
}
