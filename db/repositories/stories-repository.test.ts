import { describe, expect, it } from 'vitest';
import { writeStory } from '../../test/helpers/story-fixtures';
import { contextForEachTest } from '../../test/helpers/test-context';
import type { NewExport } from './stories-repository';

const ctx = contextForEachTest();

const entry = (storyId: string, over: Partial<NewExport> = {}): NewExport => ({
  storyId,
  exportedAt: '2026-06-15T10:00:00.000Z',
  kind: 'story',
  fileName: 'Waiting for results.docx',
  scope: 'peig',
  identity: 'anonymised',
  ...over,
});

describe('recordExport', () => {
  it('records each export of a story and lists them oldest first', async () => {
    const story = await writeStory(ctx);
    const later = ctx.store.stories.recordExport(entry(story.id, { exportedAt: '2026-07-01T09:00:00.000Z' }));
    const earlier = ctx.store.stories.recordExport(
      entry(story.id, { kind: 'period_report', fileName: 'Q1.docx' }),
    );
    expect(later).not.toBe(earlier);
    expect(ctx.store.stories.exportsFor(story.id).map((e) => [e.id, e.fileName])).toEqual([
      [earlier, 'Q1.docx'],
      [later, 'Waiting for results.docx'],
    ]);
  });

  it('keeps the record append-only', async () => {
    const story = await writeStory(ctx);
    ctx.store.stories.recordExport(entry(story.id));
    expect(() => ctx.store.sqlite.exec("UPDATE exports SET file_name = 'other.docx'")).toThrow(
      /cannot be changed/,
    );
    expect(() => ctx.store.sqlite.exec('DELETE FROM exports')).toThrow(/cannot be changed/);
    expect(ctx.store.stories.exportsFor(story.id)).toHaveLength(1);
  });

  it('refuses an export of a story that does not exist or whose consent was withdrawn', async () => {
    expect(() => ctx.store.stories.recordExport(entry('no-such-story'))).toThrow(/FOREIGN KEY/);
    const story = await writeStory(ctx);
    await ctx.call('stories:withdraw-consent', {
      id: story.id,
      withdrawnOn: new Date().toISOString().slice(0, 10),
    });
    expect(() => ctx.store.stories.recordExport(entry(story.id))).toThrow(/withdrawn/);
    expect(ctx.store.stories.exportsFor(story.id)).toEqual([]);
  });
});
