import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NARRATIVE_MAX_BYTES } from '../../ipc/stories-schemas';
import { roundWithAreas } from '../../test/helpers/round-fixtures';
import { auditEntries, CARER_STORY_TAGS, settableClock, writeStory } from '../../test/helpers/story-fixtures';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';

const clock = settableClock('2026-06-15T10:00:00.000Z');
let ctx: TestContext;
beforeEach(() => {
  clock.set('2026-06-15T10:00:00.000Z');
  ctx = createTestContext({ now: clock.now });
});
afterEach(() => ctx.dispose());

const count = (table: string) =>
  (ctx.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Exactly `bytes` bytes of UTF-8 mixing English, emoji, Hebrew and Arabic, in paragraphs. */
function narrativeOf(bytes: number): string {
  const paragraph = 'The staff were kind 😊🙏🏽 — שלום, תודה רבה. شكرا جزيلا للممرضات.\n\n';
  let text = paragraph.repeat(Math.floor(bytes / Buffer.byteLength(paragraph)));
  text += 'x'.repeat(bytes - Buffer.byteLength(text));
  return text;
}

describe('writing a story', () => {
  it('starts a story as a draft with its fields, a text fingerprint and a suggested sentiment', async () => {
    const story = await writeStory(ctx, { storyteller: 'carer_family' });
    expect(story).toMatchObject({
      title: 'Waiting for results',
      storyteller: 'carer_family',
      author: 'Dr Ada Obi',
      status: 'draft',
      consentState: 'none',
      readBackState: 'not_done',
      learningPoints: ['Tell people when to expect their results'],
      quotes: [],
      roundId: null,
    });
    expect(story.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(story.sentimentSuggested).not.toBeNull();
  });

  it('accepts a 1 MB narrative of emoji and right-to-left text and gives it back exactly, after a restart too', async () => {
    const narrative = narrativeOf(NARRATIVE_MAX_BYTES);
    expect(Buffer.byteLength(narrative)).toBe(NARRATIVE_MAX_BYTES);
    const story = await writeStory(ctx, { narrative });
    expect(story.narrative === narrative).toBe(true);
    const edited = narrative.slice(0, -1) + 'y';
    await ctx.call('stories:update', { id: story.id, changes: { narrative: edited } });
    ctx = ctx.reopen();
    const reread = await ctx.call('stories:get', { id: story.id });
    expect(reread.narrative === edited).toBe(true);
  });

  it('refuses a narrative over 1 MB, naming the narrative, and writes nothing', async () => {
    const story = await writeStory(ctx);
    const [tables, audit] = [count('stories'), count('audit_log')];
    const tooLong = narrativeOf(NARRATIVE_MAX_BYTES + 1);
    const created = await ctx.dispatch('stories:create', {
      title: 'Too long',
      storyteller: 'patient',
      author: 'Dr Ada Obi',
      narrative: tooLong,
    });
    expect(created).toMatchObject({ ok: false, error: { kind: 'validation', field: 'narrative' } });
    if (!created.ok) expect(created.error.message).toMatch(/narrative must be 1 MB or less/);
    const updated = await ctx.dispatch('stories:update', { id: story.id, changes: { narrative: tooLong } });
    expect(updated).toMatchObject({ ok: false, error: { kind: 'validation', field: 'changes.narrative' } });
    expect([count('stories'), count('audit_log')]).toEqual([tables, audit]);
    expect((await ctx.call('stories:get', { id: story.id })).narrative).toBe(story.narrative);
  });

  it('keeps the paragraphs and blank lines of text pasted from Word', async () => {
    const pasted =
      'We arrived at eight.\r\n\r\nThe nurse,\u000bwho was lovely, explained everything.\r\n\r\n\r\nWe went home at six.\r\n';
    const story = await writeStory(ctx, { narrative: pasted });
    expect(story.narrative).toBe(
      'We arrived at eight.\n\nThe nurse,\nwho was lovely, explained everything.\n\n\nWe went home at six.\n',
    );
    expect(story.narrative.split('\n\n')).toHaveLength(3);
  });

  it('links a story to a round, and refuses a round that does not exist', async () => {
    const { roundId } = await roundWithAreas(ctx, 'Sutton', ['Bud Ward']);
    const story = await writeStory(ctx, { roundId });
    expect(story.roundId).toBe(roundId);
    const missing = await ctx.dispatch('stories:update', {
      id: story.id,
      changes: { roundId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'validation', field: 'roundId' } });
  });

  it('saves one field at a time and records each change in the audit log, without the story’s words', async () => {
    const story = await writeStory(ctx);
    await ctx.call('stories:update', { id: story.id, changes: { title: 'Waiting for news' } });
    const saved = await ctx.call('stories:update', {
      id: story.id,
      changes: { learningPoints: ['Say when results will come', 'Offer a call back'] },
    });
    expect(saved).toMatchObject({ title: 'Waiting for news', narrative: story.narrative });
    expect(saved.learningPoints).toEqual(['Say when results will come', 'Offer a call back']);
    const entries = auditEntries(ctx, story.id);
    expect(entries.map((e) => [e.action, e.entity])).toEqual([
      ['create', 'story'],
      ['update', 'story'],
      ['update', 'story'],
    ]);
    const allDetail = entries.map((e) => e.detail).join(' ');
    expect(allDetail).not.toContain('Waiting for news');
    expect(allDetail).not.toContain('Nobody told me');
    expect(JSON.parse(entries[1]!.detail)).toMatchObject({ title: { length: 16 } });
  });
});

describe('key quotes', () => {
  const narrative = 'At first I was frightened. Then the nurse sat with me. "You are not alone," she said.';

  it('stores a quote by its words and place, and refuses words the narrative does not hold there', async () => {
    const words = '"You are not alone," she said.';
    const start = narrative.indexOf(words);
    const story = await writeStory(ctx, {
      narrative,
      quotes: [{ start, end: start + words.length, text: words }],
    });
    expect(story.quotes).toEqual([{ start, end: start + words.length, text: words, matches: true }]);
    const wrong = await ctx.dispatch('stories:update', {
      id: story.id,
      changes: { quotes: [{ start: 0, end: 5, text: 'Then ' }] },
    });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'validation', field: 'quotes.0.text' } });
  });

  it('follows its words when the narrative is edited before them, and flags it when they are gone', async () => {
    const words = 'the nurse sat with me';
    const start = narrative.indexOf(words);
    const story = await writeStory(ctx, {
      narrative,
      quotes: [{ start, end: start + words.length, text: words }],
    });
    const moved = await ctx.call('stories:update', {
      id: story.id,
      changes: { narrative: `It was a Tuesday. ${narrative}` },
    });
    expect(moved.quotes[0]).toMatchObject({ start: start + 18, text: words, matches: true });
    const gone = await ctx.call('stories:update', {
      id: story.id,
      changes: { narrative: 'At first I was frightened. Then a nurse came by.' },
    });
    expect(gone.quotes).toEqual([expect.objectContaining({ text: words, matches: false })]);
  });
});

describe('tags and sentiment on stories', () => {
  it('tags a story with themes and equality groups through the shared item_tags table', async () => {
    const story = await writeStory(ctx);
    const { item: tagged } = await ctx.call('tagging:set-item-tags', {
      kind: 'story',
      id: story.id,
      ...CARER_STORY_TAGS,
    });
    expect(tagged.tags.map((t) => [t.tagId, t.impact])).toEqual([
      ['listen-and-learn', null],
      ['carers', 'negative'],
    ]);
    expect(tagged).toMatchObject({ equalityStatus: 'recorded' });
    expect(
      ctx.store.sqlite.prepare("SELECT count(*) AS n FROM item_tags WHERE item_kind = 'story'").get(),
    ).toEqual({ n: 2 });
  });

  it('applies the same tag rules as observations', async () => {
    const story = await writeStory(ctx);
    const noImpact = await ctx.dispatch('tagging:set-item-tags', {
      kind: 'story',
      id: story.id,
      tags: [{ frameworkId: 'equality-groups', tagId: 'carers' }],
      equalityStatus: 'recorded',
    });
    expect(noImpact).toMatchObject({ ok: false, error: { field: 'tags.0.impact' } });
    const contradiction = await ctx.dispatch('tagging:set-item-tags', {
      kind: 'story',
      id: story.id,
      tags: [],
      equalityStatus: 'recorded',
    });
    expect(contradiction).toMatchObject({ ok: false, error: { field: 'equalityStatus' } });
  });

  it('keeps the suggested sentiment beside the one the person confirms', async () => {
    const story = await writeStory(ctx, { narrative: 'The staff were wonderful and so kind to us.' });
    expect(story.sentimentSuggested).toBe('positive');
    const confirmed = await ctx.call('stories:set-sentiment', { id: story.id, confirmed: 'mixed' });
    expect(confirmed).toMatchObject({ sentimentSuggested: 'positive', sentimentConfirmed: 'mixed' });
    expect(auditEntries(ctx, story.id).at(-1)).toMatchObject({ entity: 'story_sentiment' });
  });
});

describe('the story list', () => {
  it('lists stories newest change first, without their narratives, filtered by status', async () => {
    const first = await writeStory(ctx, { title: 'First' });
    clock.set('2026-06-15T11:00:00.000Z');
    await writeStory(ctx, { title: 'Second' });
    clock.set('2026-06-15T12:00:00.000Z');
    await ctx.call('stories:update', { id: first.id, changes: { author: 'Sam Patel' } });
    const all = await ctx.call('stories:list', {});
    expect(all.map((s) => s.title)).toEqual(['First', 'Second']);
    expect(all[0]).not.toHaveProperty('narrative');
    expect(await ctx.call('stories:list', { status: 'approved' })).toEqual([]);
  });
});

describe('the audit trail of a story', () => {
  it('records every step of a story’s life, in order, in an intact chain', async () => {
    const story = await writeStory(ctx);
    await ctx.call('tagging:set-item-tags', {
      kind: 'story',
      id: story.id,
      tags: [{ frameworkId: 'trust-key-themes', tagId: 'access' }],
      equalityStatus: 'none_applies',
    });
    await ctx.call('stories:set-sentiment', { id: story.id, confirmed: 'negative' });
    await ctx.call('stories:record-consent', {
      id: story.id,
      givenOn: '2026-03-01',
      method: 'verbal',
      recordedBy: 'Dr Ada Obi',
      scopes: ['peig'],
      identity: 'anonymised',
    });
    await ctx.call('stories:record-read-back', {
      id: story.id,
      checkedOn: '2026-03-02',
      method: 'video',
      textHash: story.textHash,
    });
    await ctx.call('stories:approve', { id: story.id });
    await ctx.call('stories:withdraw-consent', { id: story.id, withdrawnOn: '2026-06-15' });
    expect(
      auditEntries(ctx, story.id).map((e) => [e.action, e.entity, JSON.parse(e.detail).status ?? null]),
    ).toEqual([
      ['create', 'story', 'draft'],
      ['update', 'story_tags', null],
      ['update', 'story_sentiment', null],
      ['create', 'story_consent', null],
      ['create', 'story_read_back', null],
      ['update', 'story', 'approved'],
      ['update', 'story_consent', 'withdrawn'],
    ]);
    expect(await ctx.call('audit:verify', {})).toMatchObject({ ok: true, brokenAt: null });
  });
});
