import { describe, expect, it } from 'vitest';
import {
  approvedStory,
  auditEntries,
  readBack,
  recordConsent,
  writeStory,
} from '../../test/helpers/story-fixtures';
import { contextForEachTest, type TestContext } from '../../test/helpers/test-context';
import { storyTextHash } from './story-text';

// Time stands still here: "today" is 15 June 2026 for every read-back and approval.
const NOW = new Date('2026-06-15T10:00:00.000Z');
let ctx: TestContext;
contextForEachTest((fresh) => (ctx = fresh), { now: () => NOW });

describe('reading a story back', () => {
  it('does not approve a story that has not been read back, even with consent', async () => {
    const story = await writeStory(ctx);
    await recordConsent(ctx, story.id);
    expect(await ctx.dispatch('stories:approve', { id: story.id })).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'readBack' },
    });
    expect((await ctx.call('stories:get', { id: story.id })).status).toBe('draft');
  });

  it('fixes the text read back by the SHA-256 of its narrative, quotes and learning points', async () => {
    const narrative = 'They listened. "I felt heard," I told my daughter.';
    const words = '"I felt heard,"';
    const start = narrative.indexOf(words);
    const quotes = [{ start, end: start + words.length, text: words }];
    const story = await writeStory(ctx, { narrative, quotes, learningPoints: ['Keep listening'] });
    const checked = await readBack(ctx, story, {
      method: 'in_person',
      changesRequested: 'Spell my town right',
    });
    expect(checked.status).toBe('read_back');
    expect(checked.readBackState).toBe('current');
    expect(checked.readBacks).toEqual([
      {
        checkedOn: '2026-03-02',
        method: 'in_person',
        changesRequested: 'Spell my town right',
        textHash: storyTextHash({ narrative, quotes, learningPoints: ['Keep listening'] }),
        recordedAt: '2026-06-15T10:00:00.000Z',
      },
    ]);
    expect(auditEntries(ctx, story.id).at(-1)).toMatchObject({ action: 'create', entity: 'story_read_back' });
  });

  it('refuses a read-back of a version that has since changed', async () => {
    const story = await writeStory(ctx);
    await ctx.call('stories:update', { id: story.id, changes: { narrative: `${story.narrative} Later…` } });
    expect(
      await ctx.dispatch('stories:record-read-back', {
        id: story.id,
        checkedOn: '2026-06-15',
        method: 'phone',
        textHash: story.textHash,
      }),
    ).toMatchObject({ ok: false, error: { field: 'textHash' } });
  });

  it('refuses a read-back dated in the future', async () => {
    const story = await writeStory(ctx);
    expect(
      await ctx.dispatch('stories:record-read-back', {
        id: story.id,
        checkedOn: '2026-06-16',
        method: 'letter',
        textHash: story.textHash,
      }),
    ).toMatchObject({ ok: false, error: { field: 'checkedOn' } });
  });
});

describe('editing after read-back', () => {
  it('sends an approved story back to draft, "read back needed", in the same change as the edit', async () => {
    const story = await approvedStory(ctx);
    const edited = await ctx.call('stories:update', {
      id: story.id,
      changes: { narrative: `${story.narrative} We were told in the end.` },
    });
    expect(edited).toMatchObject({ status: 'draft', readBackState: 'outdated', approvedAt: null });
    const last = auditEntries(ctx, story.id).at(-1)!;
    expect(last).toMatchObject({ action: 'update', entity: 'story' });
    expect(JSON.parse(last.detail)).toMatchObject({ status: 'draft', textHash: edited.textHash });
    expect(await ctx.dispatch('stories:approve', { id: story.id })).toMatchObject({
      ok: false,
      error: { field: 'readBack' },
    });
  });

  it('treats a change to a learning point or a quote like a change to the narrative', async () => {
    const story = await approvedStory(ctx);
    const points = await ctx.call('stories:update', {
      id: story.id,
      changes: { learningPoints: ['Phone people with their results'] },
    });
    expect(points.status).toBe('draft');
  });

  it('leaves an approved story approved when only its title, author or tags change', async () => {
    const story = await approvedStory(ctx);
    const renamed = await ctx.call('stories:update', {
      id: story.id,
      changes: { title: 'Waiting', author: 'Sam' },
    });
    expect(renamed).toMatchObject({ status: 'approved', readBackState: 'current' });
  });

  it('brings back "read back" (not "approved") when the edit is undone exactly', async () => {
    const story = await approvedStory(ctx);
    await ctx.call('stories:update', { id: story.id, changes: { narrative: 'Something else entirely.' } });
    const undone = await ctx.call('stories:update', {
      id: story.id,
      changes: { narrative: story.narrative },
    });
    expect(undone).toMatchObject({ status: 'read_back', readBackState: 'current', textHash: story.textHash });
    expect((await ctx.call('stories:approve', { id: story.id })).status).toBe('approved');
  });

  it('approves again after a fresh read-back of the new text', async () => {
    const story = await approvedStory(ctx);
    const edited = await ctx.call('stories:update', {
      id: story.id,
      changes: { narrative: 'A new version.' },
    });
    const checked = await readBack(ctx, edited, { checkedOn: '2026-06-15' });
    expect(checked.readBacks).toHaveLength(2);
    expect((await ctx.call('stories:approve', { id: story.id })).status).toBe('approved');
  });

  it('is enforced by the database: raw SQL cannot change the text of an approved story and leave it approved', async () => {
    const story = await approvedStory(ctx);
    expect(() =>
      ctx.store.sqlite.prepare("UPDATE stories SET narrative = 'forged' WHERE id = ?").run(story.id),
    ).toThrow(/read back/);
    expect(() =>
      ctx.store.sqlite.prepare("UPDATE stories SET read_back_hash = 'x' WHERE id = ?").run(story.id),
    ).toThrow(/CHECK/);
    expect((await ctx.call('stories:get', { id: story.id })).narrative).toBe(story.narrative);
  });
});
