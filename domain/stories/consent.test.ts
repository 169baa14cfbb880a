import type { RequestOf } from '../../ipc/contract';
import { describe, expect, it } from 'vitest';
import {
  approvedStory,
  auditEntries,
  consentRequest,
  readBack,
  recordConsent,
  freshContextEach,
  writeStory,
} from '../../test/helpers/story-fixtures';
import type { TestContext } from '../../test/helpers/test-context';
import { isExportAllowed } from './consent-rules';
import { recordStoryExport } from './consent-service';

let ctx: TestContext;
const clock = freshContextEach('2026-06-15T10:00:00.000Z', (fresh) => (ctx = fresh));

/** Records consent through the channel, as a result to inspect (see consentRequest for the defaults). */
const dispatchConsent = (id: string, fields: Partial<RequestOf<'stories:record-consent'>> = {}) =>
  ctx.dispatch('stories:record-consent', consentRequest(id, fields));

const consentStateOf = async (id: string) =>
  (await ctx.call('stories:list', { includeWithdrawn: true })).find((s) => s.id === id)?.consentState;

describe('recording consent', () => {
  it('refuses uses that contradict each other: PEIG only with a wider use', async () => {
    const story = await writeStory(ctx);
    for (const scopes of [
      ['peig', 'trust_internal', 'public'],
      ['trust_internal'],
      ['staff_training'],
    ] as const) {
      const result = await ctx.dispatch('stories:record-consent', {
        id: story.id,
        givenOn: '2026-03-01',
        method: 'written',
        recordedBy: 'Dr Ada Obi',
        scopes: [...scopes],
        identity: 'anonymised',
      });
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'scopes' } });
    }
    expect(ctx.store.stories.consent(story.id)).toBeUndefined();
  });

  it('records how, by whom and for what, with a review date 24 months on by default', async () => {
    const story = await writeStory(ctx);
    const consented = await recordConsent(ctx, story.id, {
      method: 'easy_read',
      scopes: ['trust_internal', 'peig', 'peig'],
      identity: 'named',
    });
    expect(consented.consent).toMatchObject({
      givenOn: '2026-03-01',
      method: 'easy_read',
      recordedBy: 'Dr Ada Obi',
      scopes: ['peig', 'trust_internal'],
      identity: 'named',
      reviewOn: '2028-03-01',
    });
    expect(consented.consentState).toBe('valid');
    expect(auditEntries(ctx, story.id).at(-1)).toMatchObject({ action: 'create', entity: 'story_consent' });
  });

  it('takes 24 months after 29 February as the last day of February', async () => {
    const story = await writeStory(ctx);
    expect((await recordConsent(ctx, story.id, { givenOn: '2024-02-29' })).consent?.reviewOn).toBe(
      '2026-02-28',
    );
  });

  it('refuses a consent date in the future, judged by the date in London', async () => {
    const story = await writeStory(ctx);
    const tomorrow = await dispatchConsent(story.id, { givenOn: '2026-06-16', method: 'verbal' });
    expect(tomorrow).toMatchObject({ ok: false, error: { kind: 'validation', field: 'givenOn' } });
    expect((await ctx.call('stories:get', { id: story.id })).consent).toBeNull();
    // 23:30 UTC on 15 June is 00:30 on 16 June in London (BST): the 16th is today there.
    clock.set('2026-06-15T23:30:00.000Z');
    expect((await recordConsent(ctx, story.id, { givenOn: '2026-06-16' })).consent?.givenOn).toBe(
      '2026-06-16',
    );
  });

  it('refuses a review date on or before the consent date, and writes nothing', async () => {
    const story = await writeStory(ctx);
    for (const reviewOn of ['2026-02-01', '2026-03-01']) {
      const result = await dispatchConsent(story.id, { reviewOn });
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'reviewOn' } });
    }
    expect((await ctx.call('stories:get', { id: story.id })).consent).toBeNull();
    expect(auditEntries(ctx, story.id)).toHaveLength(1);
  });

  it('refuses consent without any use agreed', async () => {
    const story = await writeStory(ctx);
    const none = await dispatchConsent(story.id, { scopes: [] });
    expect(none).toMatchObject({ ok: false, error: { field: 'scopes' } });
  });
});

describe('consent and approval', () => {
  it('does not approve a story without consent, even once it has been read back', async () => {
    const story = await writeStory(ctx);
    await readBack(ctx, story);
    const refused = await ctx.dispatch('stories:approve', { id: story.id });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation', field: 'consent' } });
    expect((await ctx.call('stories:get', { id: story.id })).status).toBe('read_back');
    await recordConsent(ctx, story.id);
    expect((await ctx.call('stories:approve', { id: story.id })).status).toBe('approved');
  });

  it('does not approve a story whose consent is past its review date', async () => {
    const story = await writeStory(ctx);
    await recordConsent(ctx, story.id, { givenOn: '2024-01-10', reviewOn: '2026-01-10' });
    await readBack(ctx, story);
    expect(await ctx.dispatch('stories:approve', { id: story.id })).toMatchObject({
      ok: false,
      error: { field: 'consent' },
    });
  });
});

describe('consent expiry', () => {
  it('flags consent as expired from the day after its review date in London, while it is still that day in UTC', async () => {
    const story = await writeStory(ctx);
    await recordConsent(ctx, story.id, { givenOn: '2026-03-01', reviewOn: '2027-07-15' });
    clock.set('2027-07-15T22:30:00.000Z'); // 23:30 on 15 July in London
    expect(await consentStateOf(story.id)).toBe('valid');
    clock.set('2027-07-15T23:30:00.000Z'); // 00:30 on 16 July in London, still the 15th in UTC
    expect(await consentStateOf(story.id)).toBe('expired');
    expect((await ctx.call('stories:list', { consentState: 'expired' })).map((s) => s.id)).toEqual([
      story.id,
    ]);
    expect(await ctx.call('stories:list', { consentState: 'valid' })).toEqual([]);
  });

  it('says "none" for a story without consent', async () => {
    const story = await writeStory(ctx);
    expect(await consentStateOf(story.id)).toBe('none');
  });
});

describe('consent scopes', () => {
  it('approves a story consented for PEIG only, but allows only PEIG and only anonymised out', async () => {
    const story = await approvedStory(ctx, { scopes: ['peig'], identity: 'anonymised' });
    expect(story.status).toBe('approved');
    const now = clock.now();
    expect(isExportAllowed(story, 'peig', { identity: 'anonymised', now })).toEqual({ allowed: true });
    expect(isExportAllowed(story, 'public', { identity: 'anonymised', now })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/public use/),
    });
    expect(isExportAllowed(story, 'peig', { identity: 'named', now })).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/anonymised/),
    });
  });

  it('allows a named export where the storyteller agreed to be named', async () => {
    const story = await approvedStory(ctx, {
      scopes: ['peig', 'trust_internal', 'staff_training'],
      identity: 'named',
    });
    expect(isExportAllowed(story, 'staff_training', { identity: 'named', now: clock.now() }).allowed).toBe(
      true,
    );
  });

  it('records an export only within the consent, with its audit entry', async () => {
    const story = await approvedStory(ctx, { scopes: ['peig'] });
    const input = {
      storyId: story.id,
      kind: 'story',
      fileName: 'story.docx',
      identity: 'anonymised',
    } as const;
    expect(() => recordStoryExport(ctx.store, { ...input, scope: 'public' })).toThrow(/did not agree/);
    recordStoryExport(ctx.store, { ...input, scope: 'peig' });
    expect((await ctx.call('stories:get', { id: story.id })).exports).toEqual([
      expect.objectContaining({ fileName: 'story.docx', scope: 'peig', kind: 'story' }),
    ]);
    expect(auditEntries(ctx, story.id).at(-1)).toMatchObject({ action: 'export', entity: 'story' });
  });
});

describe('withdrawing consent', () => {
  const storyText = (ctx: TestContext, word: string) =>
    ctx.store.sqlite
      .prepare(
        "SELECT si.item_id AS id FROM search_index JOIN search_items si ON si.rowid = search_index.rowid WHERE search_index MATCH ? AND si.item_kind = 'story'",
      )
      .all(word);

  it('marks the story withdrawn and keeps it out of the approved list, search and exports', async () => {
    const story = await approvedStory(ctx, { scopes: ['peig', 'trust_internal', 'staff_training'] });
    expect(storyText(ctx, 'scan')).toEqual([{ id: story.id }]);
    expect((await ctx.call('stories:list', { status: 'approved' })).map((s) => s.id)).toEqual([story.id]);

    const result = await ctx.call('stories:withdraw-consent', { id: story.id, withdrawnOn: '2026-06-14' });
    expect(result.story).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: '2026-06-14',
      consentState: 'withdrawn',
    });
    expect(await ctx.call('stories:list', { status: 'approved' })).toEqual([]);
    expect(await ctx.call('stories:list', {})).toEqual([]);
    expect((await ctx.call('stories:list', { includeWithdrawn: true })).map((s) => s.id)).toEqual([story.id]);
    expect(storyText(ctx, 'scan')).toEqual([]);
    expect(isExportAllowed(result.story, 'peig', { identity: 'anonymised', now: clock.now() }).allowed).toBe(
      false,
    );
    expect(() =>
      ctx.store.stories.recordExport({
        storyId: story.id,
        exportedAt: clock.now().toISOString(),
        kind: 'story',
        fileName: 'late.docx',
        scope: 'peig',
        identity: 'anonymised',
      }),
    ).toThrow(/withdrawn/);
    expect(auditEntries(ctx, story.id).at(-1)).toMatchObject({ action: 'update', entity: 'story_consent' });
  });

  it('lists every file the story went out in before, so PEIG can be told', async () => {
    const story = await approvedStory(ctx, { scopes: ['peig', 'trust_internal', 'staff_training'] });
    recordStoryExport(ctx.store, {
      storyId: story.id,
      kind: 'story',
      fileName: 'Story for PEIG.docx',
      scope: 'peig',
      identity: 'anonymised',
    });
    clock.set('2026-06-20T09:00:00.000Z');
    recordStoryExport(ctx.store, {
      storyId: story.id,
      kind: 'period_report',
      fileName: 'PEIG report Q1.docx',
      scope: 'staff_training',
      identity: 'anonymised',
    });
    const result = await ctx.call('stories:withdraw-consent', { id: story.id, withdrawnOn: '2026-06-20' });
    expect(result.priorExports).toEqual([
      {
        exportedAt: '2026-06-15T10:00:00.000Z',
        kind: 'story',
        fileName: 'Story for PEIG.docx',
        scope: 'peig',
        identity: 'anonymised',
      },
      {
        exportedAt: '2026-06-20T09:00:00.000Z',
        kind: 'period_report',
        fileName: 'PEIG report Q1.docx',
        scope: 'staff_training',
        identity: 'anonymised',
      },
    ]);
  });

  it('withdraws a draft with no consent on record, and then refuses every change', async () => {
    const story = await writeStory(ctx);
    await ctx.call('stories:withdraw-consent', { id: story.id, withdrawnOn: '2026-06-15' });
    for (const [channel, request] of [
      ['stories:update', { id: story.id, changes: { title: 'New' } }],
      ['stories:set-sentiment', { id: story.id, confirmed: 'positive' }],
      ['stories:withdraw-consent', { id: story.id, withdrawnOn: '2026-06-15' }],
    ] as const) {
      expect(await ctx.dispatch(channel, request)).toMatchObject({ ok: false, error: { kind: 'locked' } });
    }
    expect(await dispatchConsent(story.id)).toMatchObject({ ok: false, error: { kind: 'locked' } });
  });

  it('refuses a withdrawal date in the future or before consent was given', async () => {
    const story = await writeStory(ctx);
    await recordConsent(ctx, story.id, { givenOn: '2026-03-01' });
    for (const withdrawnOn of ['2026-06-16', '2026-02-28']) {
      expect(await ctx.dispatch('stories:withdraw-consent', { id: story.id, withdrawnOn })).toMatchObject({
        ok: false,
        error: { field: 'withdrawnOn' },
      });
    }
    expect((await ctx.call('stories:get', { id: story.id })).status).toBe('draft');
  });
});
