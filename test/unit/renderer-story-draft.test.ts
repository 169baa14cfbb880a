import { describe, expect, it } from 'vitest';
import {
  fieldsOfStory,
  restoreFields,
  saveStoredDraft,
  storyChanges,
  storyDraftKey,
} from '../../renderer/src/pages/stories/story-draft';
import { memoryStorage, storyFixture } from './renderer-story-fixture';

describe('story changes to send', () => {
  it('sends only the narrative when only the narrative changed, so the service moves the quotes', () => {
    const saved = fieldsOfStory(storyFixture());
    const local = { ...saved, narrative: `Mrs Smith said: ${saved.narrative}` };
    expect(storyChanges(saved, local)).toEqual({ narrative: local.narrative });
  });

  it('sends quotes the person changed, leaving out any whose words are gone from the narrative', () => {
    const saved = fieldsOfStory(storyFixture());
    const local = {
      ...saved,
      quotes: [...saved.quotes, { start: 0, end: 3, text: 'She' }, { start: 0, end: 4, text: 'Gone' }],
    };
    expect(storyChanges(saved, local).quotes).toEqual([saved.quotes[0], { start: 0, end: 3, text: 'She' }]);
  });

  it('sends nothing when nothing changed', () => {
    const saved = fieldsOfStory(storyFixture());
    expect(storyChanges(saved, { ...saved })).toEqual({});
  });
});

describe('the local copy of a story being written', () => {
  it('is restored when it was typed on top of the story as it is now', () => {
    const storage = memoryStorage();
    const story = storyFixture();
    const typed = { ...fieldsOfStory(story), narrative: 'Typed just before the window closed.' };
    saveStoredDraft(storage, story.id, { fields: typed, baseUpdatedAt: story.updatedAt });
    expect(restoreFields(storage, story).narrative).toBe('Typed just before the window closed.');
  });

  it('gives way to a story changed since (for example by a redaction)', () => {
    const storage = memoryStorage();
    const story = storyFixture({ updatedAt: '2025-11-26T10:00:00.000Z' });
    const typed = { ...fieldsOfStory(story), narrative: 'Old copy' };
    saveStoredDraft(storage, story.id, { fields: typed, baseUpdatedAt: '2025-11-26T09:00:00.000Z' });
    expect(restoreFields(storage, story).narrative).toBe(story.narrative);
  });

  it('ignores a copy that is not a story draft', () => {
    const storage = memoryStorage();
    const story = storyFixture();
    storage.setItem(storyDraftKey(story.id), '{"fields": 3');
    expect(restoreFields(storage, story)).toEqual(fieldsOfStory(story));
  });
});
