import { describe, expect, it } from 'vitest';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { contextForEachTest, type TestContext } from '../../test/helpers/test-context';
import { suggestTags } from './suggest-tags';

let ctx: TestContext;
contextForEachTest((fresh) => (ctx = fresh));

const theme = (tagId: string) => ({
  frameworkId: 'trust-key-themes',
  tagId,
  impact: null,
  description: null,
});
const group = (
  tagId: string,
  impact: 'positive' | 'negative' | 'neutral' | 'unclear',
  description: string | null = null,
) => ({
  frameworkId: 'equality-groups',
  tagId,
  impact,
  description,
});

describe('tagging observations', () => {
  it('stores themes and equality groups with impact, and they survive a restart', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Bud Ward']);
    const obs = await observe(
      ctx,
      roundId,
      areas['Bud Ward']!,
      'We had no interpreter and nobody explained the scan',
    );
    const { item: tagged } = await ctx.call('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [theme('listen-and-learn'), theme('access'), group('limited-english', 'negative')],
      equalityStatus: 'recorded',
    });
    expect(tagged.tags.map((t) => [t.tagId, t.impact])).toEqual([
      ['listen-and-learn', null],
      ['access', null],
      ['limited-english', 'negative'],
    ]);
    expect(tagged.tags[0]!.label).toMatch(/Listen and learn/);

    ctx = ctx.reopen();
    const detail = await ctx.call('rounds:get', { roundId });
    expect(detail.observations[0]!.tags.map((t) => t.tagId)).toEqual([
      'listen-and-learn',
      'access',
      'limited-english',
    ]);
    expect(detail.observations[0]!.equalityStatus).toBe('recorded');
  });

  it('keeps "not recorded" distinct from "none applies"', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 1']);
    const obs = await observe(
      ctx,
      roundId,
      areas['Ward 1']!,
      'The floor was clean',
      'environment',
      'not_applicable',
    );
    expect(obs.equalityStatus).toBe('not_recorded');
    const { item: none } = await ctx.call('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [],
      equalityStatus: 'none_applies',
    });
    expect(none).toMatchObject({ equalityStatus: 'none_applies' });
    const refusals = await Promise.all([
      ctx.dispatch('tagging:set-item-tags', {
        kind: 'observation',
        id: obs.id,
        tags: [group('carers', 'positive')],
        equalityStatus: 'none_applies',
      }),
      ctx.dispatch('tagging:set-item-tags', {
        kind: 'observation',
        id: obs.id,
        tags: [],
        equalityStatus: 'recorded',
      }),
    ]);
    for (const r of refusals)
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation', field: 'equalityStatus' } });
  });

  it('requires an impact on equality tags and a description on "other"', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 1']);
    const obs = await observe(ctx, roundId, areas['Ward 1']!, 'x');
    const noImpact = await ctx.dispatch('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [{ frameworkId: 'equality-groups', tagId: 'carers', impact: null, description: null }],
      equalityStatus: 'recorded',
    });
    expect(noImpact).toMatchObject({ ok: false, error: { kind: 'validation', field: 'tags.0.impact' } });
    const themeImpact = await ctx.dispatch('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [{ ...theme('access'), impact: 'negative' }],
      equalityStatus: 'not_recorded',
    });
    expect(themeImpact).toMatchObject({ ok: false, error: { field: 'tags.0.impact' } });
    const other = await ctx.dispatch('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [group('other', 'unclear')],
      equalityStatus: 'recorded',
    });
    expect(other).toMatchObject({ ok: false, error: { field: 'tags.0.description' } });
    const { item: described } = await ctx.call('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [group('other', 'unclear', 'Armed forces veterans')],
      equalityStatus: 'recorded',
    });
    expect(described.tags[0]!.description).toBe('Armed forces veterans');
    const unknown = await ctx.dispatch('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [theme('no-such-theme')],
      equalityStatus: 'not_recorded',
    });
    expect(unknown).toMatchObject({ ok: false, error: { field: 'tags.0.tagId' } });
  });

  it('lets people add their own tags and use them', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 1']);
    const obs = await observe(ctx, roundId, areas['Ward 1']!, 'Menus only in English');
    const custom = await ctx.call('tagging:create-custom-tag', { label: 'Food and drink' });
    expect((await ctx.call('tagging:create-custom-tag', { label: 'food and drink' })).id).toBe(custom.id);
    const { item: tagged } = await ctx.call('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [{ frameworkId: 'custom', tagId: custom.id, impact: null, description: null }],
      equalityStatus: 'not_recorded',
    });
    expect(tagged.tags[0]!.label).toBe('Food and drink');
    const catalogue = await ctx.call('tagging:frameworks', {});
    expect(catalogue.frameworks.find((f) => f.id === 'custom')!.items.map((i) => i.label)).toEqual([
      'Food and drink',
    ]);
    expect(catalogue.frameworks.find((f) => f.id === 'equality-groups')!.items.length).toBeGreaterThanOrEqual(
      9 + 5 + 3,
    );
  });

  it('never stores a suggested tag until someone accepts it', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 1']);
    const text = 'My husband needed an interpreter and the wheelchair would not fit through the door';
    const obs = await observe(ctx, roundId, areas['Ward 1']!, text);
    expect(suggestTags(text).length).toBeGreaterThan(0);
    await ctx.call('observations:update', { id: obs.id, changes: { text: `${text}, again` } });
    const stored = (await ctx.call('rounds:get', { roundId })).observations[0]!;
    expect(stored.tags).toEqual([]);
    expect(stored.equalityStatus).toBe('not_recorded');
    const accepted = suggestTags(text).find((s) => s.tagId === 'limited-english')!;
    const { item: after } = await ctx.call('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [
        { frameworkId: accepted.frameworkId, tagId: accepted.tagId, impact: 'negative', description: null },
      ],
      equalityStatus: 'recorded',
    });
    expect(after.tags.map((t) => t.tagId)).toEqual(['limited-english']);
  });

  it('allows tagging after completion but not after sign-off', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 1']);
    const obs = await observe(ctx, roundId, areas['Ward 1']!, 'Kind staff');
    await ctx.call('rounds:complete', { roundId });
    await ctx.call('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [theme('confidence-and-trust')],
      equalityStatus: 'none_applies',
    });
    await ctx.call('observations:set-sentiment', {
      id: obs.id,
      confirmed: 'positive',
      fftAnswer: 'very_good',
    });
    await ctx.call('sign-off:sign', {
      kind: 'round',
      id: roundId,
      signerName: 'Helen Adeyemi',
      signerRole: 'Non-Executive Director',
      attestation: 'I confirm this is a fair record.',
    });
    const refused = await ctx.dispatch('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [],
      equalityStatus: 'none_applies',
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'locked' } });
  });
});

describe('sentiment on observations', () => {
  it('stores the suggestion with the words that drove it, and the person’s confirmation beside it', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 1']);
    const obs = await observe(ctx, roundId, areas['Ward 1']!, 'Nobody told us what was happening');
    expect(obs.sentimentSuggested).toBe('negative');
    expect(obs.sentimentDrivers.length).toBeGreaterThan(0);
    const driver = obs.sentimentDrivers[0]!;
    expect('Nobody told us what was happening'.slice(driver.start, driver.end)).toBe(driver.phrase);
    const overridden = await ctx.call('observations:set-sentiment', {
      id: obs.id,
      confirmed: 'mixed',
      fftAnswer: 'neither',
    });
    expect([overridden.sentimentSuggested, overridden.sentimentConfirmed, overridden.fftAnswer]).toEqual([
      'negative',
      'mixed',
      'neither',
    ]);
    const changed = await ctx.call('observations:update', {
      id: obs.id,
      changes: { text: 'The nurses were wonderful' },
    });
    expect(changed.sentimentSuggested).toBe('positive');
    expect(changed.sentimentConfirmed).toBe('mixed');
  });

  it('takes a Friends and Family Test answer only on what someone said', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Ward 1']);
    const seen = await observe(
      ctx,
      roundId,
      areas['Ward 1']!,
      'Clutter in the corridor',
      'seen',
      'not_applicable',
    );
    const result = await ctx.dispatch('observations:set-sentiment', {
      id: seen.id,
      confirmed: 'negative',
      fftAnswer: 'poor',
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'fftAnswer' } });
  });
});
