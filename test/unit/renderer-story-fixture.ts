// A stored story and an in-memory Storage, shared by the story editor's unit tests.
import type { StorageLike } from '../../renderer/src/lib/draft-store';
import type { StoryDetailDto } from '../../renderer/src/pages/stories/story-types';

export function memoryStorage(): StorageLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

export function storyFixture(overrides: Partial<StoryDetailDto> = {}): StoryDetailDto {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    title: 'A long wait',
    storyteller: 'patient',
    author: 'Ann Example',
    status: 'draft',
    consentState: 'none',
    readBackState: 'not_done',
    consentReviewOn: null,
    roundId: null,
    createdAt: '2025-11-26T09:00:00.000Z',
    updatedAt: '2025-11-26T09:00:00.000Z',
    narrative: 'She waited four hours. Nobody told her why.',
    quotes: [{ start: 23, end: 43, text: 'Nobody told her why.', matches: true }],
    learningPoints: [],
    textHash: 'a'.repeat(64),
    approvedAt: null,
    withdrawnOn: null,
    consent: null,
    readBacks: [],
    exports: [],
    sentimentSuggested: null,
    sentimentDrivers: [],
    sentimentConfirmed: null,
    equalityStatus: 'not_recorded',
    tags: [],
    provenance: null,
    ...overrides,
  };
}
