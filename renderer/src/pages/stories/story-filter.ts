// The story list's filter as URL parameters (`#/stories?status=approved`), so a filter survives
// Back and a reload. DOM-free.
import type { RequestOf } from '../../../../ipc/contract';

export const STORY_FILTERS = ['all', 'draft', 'approved', 'withdrawn'] as const;
export type StoryFilter = (typeof STORY_FILTERS)[number];

export const STORY_FILTER_LABELS: Readonly<Record<StoryFilter, string>> = {
  all: 'All in use',
  draft: 'Drafts',
  approved: 'Approved',
  withdrawn: 'Withdrawn',
};

export function filterFromQuery(query: string): StoryFilter {
  const status = new URLSearchParams(query).get('status');
  return STORY_FILTERS.find((filter) => filter === status && filter !== 'all') ?? 'all';
}

export function queryForFilter(filter: StoryFilter): string {
  return filter === 'all' ? '' : new URLSearchParams({ status: filter }).toString();
}

/** "All in use" leaves withdrawn stories out, as the service does unless asked. */
export function listRequestFor(filter: StoryFilter): RequestOf<'stories:list'> {
  return filter === 'all' ? { status: null } : { status: filter };
}
