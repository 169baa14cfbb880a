import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';
import { createInsights } from './insights-service';
import { shownCount } from './small-numbers';

let ctx: TestContext;
let clock: Date;
beforeEach(() => {
  clock = new Date('2026-08-01T10:00:00Z');
  ctx = createTestContext({ now: () => clock });
});
afterEach(() => ctx.dispose());

const Q3 = { from: '2026-07-01T00:00:00+01:00', to: '2026-10-01T00:00:00+01:00' };
type TagInput = {
  frameworkId: string;
  tagId: string;
  impact: 'positive' | 'negative' | 'neutral' | 'unclear' | null;
  description: null;
};
const theme = (tagId: string): TagInput => ({
  frameworkId: 'trust-key-themes',
  tagId,
  impact: null,
  description: null,
});
const group = (tagId: string, impact: 'positive' | 'negative' | 'neutral' | 'unclear') => ({
  frameworkId: 'equality-groups',
  tagId,
  impact,
  description: null,
});

async function seedQuarter() {
  const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Bud Ward', 'Day Unit'], clock);
  const tag = async (
    text: string,
    area: string,
    tags: TagInput[],
    status: 'recorded' | 'none_applies' | 'not_recorded',
  ) => {
    const obs = await observe(ctx, roundId, areas[area]!, text);
    await ctx.call('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags,
      equalityStatus: status,
    });
    return obs;
  };
  const carers = [];
  for (let i = 0; i < 6; i += 1) {
    carers.push(
      await tag(
        `The staff were kind to me as a carer (${i})`,
        'Bud Ward',
        [theme('confidence-and-trust'), group('carers', 'positive')],
        'recorded',
      ),
    );
  }
  const homeless = await tag(
    'Nobody told us where to go, I have no fixed address',
    'Day Unit',
    [theme('access'), group('homelessness', 'negative')],
    'recorded',
  );
  await tag('The bay was clean', 'Day Unit', [], 'none_applies');
  await observe(ctx, roundId, areas['Day Unit']!, 'Waiting area was calm');
  // Outside the period: must not count.
  clock = new Date('2026-10-15T10:00:00Z');
  const late = await roundWithAreas(ctx, 'Sutton', ['Bud Ward'], clock);
  const outside = await observe(ctx, late.roundId, late.areas['Bud Ward']!, 'The nurses were rude');
  await ctx.call('tagging:set-item-tags', {
    kind: 'observation',
    id: outside.id,
    tags: [theme('access'), group('race', 'negative')],
    equalityStatus: 'recorded',
  });
  return { carers, homeless };
}

describe('insights', () => {
  it('counts themes by sentiment for the period', async () => {
    const { carers, homeless } = await seedQuarter();
    await ctx.call('observations:set-sentiment', { id: carers[0]!.id, confirmed: 'mixed', fftAnswer: null });
    const insights = await ctx.call('insights:get', { ...Q3, site: 'Sutton' });
    expect(insights.observationCount).toBe(9);
    const confidence = insights.themes.find((t) => t.tagId === 'confidence-and-trust')!;
    expect(confidence.total).toBe(6);
    expect(confidence.counts).toMatchObject({ positive: 5, mixed: 1 });
    const access = insights.themes.find((t) => t.tagId === 'access')!;
    expect(access).toMatchObject({ total: 1, counts: { negative: 1 } });
    expect(insights.themes).toHaveLength(5);
    expect(insights.untagged.total).toBe(2);
    expect(homeless.sentimentSuggested).toBe('negative');
  });

  it('counts observations tagged with 15 Steps domains under those domains, not as having no theme', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Bud Ward'], clock);
    const obs = await observe(ctx, roundId, areas['Bud Ward']!, 'The fire door was propped open');
    const domain = { frameworkId: 'fifteen-steps-domains', tagId: 'safe', impact: null, description: null };
    await ctx.call('tagging:set-item-tags', {
      kind: 'observation',
      id: obs.id,
      tags: [domain],
      equalityStatus: 'not_recorded',
    });
    const insights = await ctx.call('insights:get', { ...Q3, site: 'Sutton' });
    expect(insights.themes.find((t) => t.frameworkId === 'fifteen-steps-domains')).toMatchObject({
      tagId: 'safe',
      label: 'Safe',
      total: 1,
    });
    expect(insights.untagged.total).toBe(0);
    // Domains nobody used stay off the list; the key themes are always there.
    expect(insights.themes.filter((t) => t.frameworkId === 'fifteen-steps-domains')).toHaveLength(1);
    expect(insights.themes.filter((t) => t.frameworkId === 'trust-key-themes')).toHaveLength(5);
  });

  it('counts right when a second copy is set up on the same connection', async () => {
    await seedQuarter();
    const request = { ...Q3, site: 'Sutton', whose: 'everyone', threshold: 5 };
    const before = await ctx.call('insights:get', request);
    // Setting up insights registers its counting function with SQLite again, replacing the one
    // the app registered; both copies must still count.
    const second = createInsights(ctx.store);
    expect(second(request)).toEqual(before);
    expect(await ctx.call('insights:get', request)).toEqual(before);
    expect(before.observationCount).toBe(9);
  });

  it('shows equality coverage by area, rolls sub-groups up, and marks groups never heard from', async () => {
    await seedQuarter();
    const insights = await ctx.call('insights:get', { ...Q3, site: null });
    const byId = new Map(insights.equality.groups.map((g) => [g.tagId, g]));
    const carers = byId.get('carers')!;
    expect(carers.total).toEqual({ count: 6, shown: '6' });
    const budWard = insights.equality.areas.find((a) => a.name === 'Bud Ward')!;
    expect(carers.byArea.find((a) => a.areaId === budWard.areaId)).toMatchObject({ count: 6 });
    expect(carers.impacts.positive).toBe(6);
    expect(carers.neverHeard).toBe(false);

    const homeless = byId.get('homelessness')!;
    expect(homeless.total).toEqual({ count: 1, shown: 'fewer than 5' });
    const inclusion = byId.get(homeless.parentId!)!;
    expect(inclusion.total.count).toBe(1);
    expect(inclusion.neverHeard).toBe(false);

    expect(byId.get('race')!.neverHeard).toBe(true);
    expect(byId.get('race')!.total).toEqual({ count: 0, shown: '0' });
    expect(byId.get('sexual-orientation')!.neverHeard).toBe(true);
    expect(insights.equality).toMatchObject({ recorded: 7, noneApplies: 1, notRecorded: 1 });
  });

  it('uses the threshold asked for', async () => {
    await seedQuarter();
    const insights = await ctx.call('insights:get', { ...Q3, site: null, threshold: 10 });
    expect(insights.equality.groups.find((g) => g.tagId === 'carers')!.total).toEqual({
      count: 6,
      shown: 'fewer than 10',
    });
  });

  it('reports agreement between suggested and confirmed sentiment, and overrides', async () => {
    const { carers, homeless } = await seedQuarter();
    await ctx.call('observations:set-sentiment', {
      id: carers[0]!.id,
      confirmed: 'positive',
      fftAnswer: null,
    });
    await ctx.call('observations:set-sentiment', {
      id: carers[1]!.id,
      confirmed: 'positive',
      fftAnswer: null,
    });
    await ctx.call('observations:set-sentiment', { id: homeless.id, confirmed: 'negative', fftAnswer: null });
    await ctx.call('observations:set-sentiment', {
      id: carers[2]!.id,
      confirmed: 'negative',
      fftAnswer: null,
    });
    const insights = await ctx.call('insights:get', { ...Q3, site: null });
    expect(insights.sentiment).toMatchObject({ compared: 4, overridden: 1, unconfirmed: 5 });
    // suggested P,P,N,P vs confirmed P,P,N,N: po = 3/4, pe = (3/4)(2/4) + (1/4)(2/4) = 1/2, kappa = 0.5
    expect(insights.sentiment.kappa).toBeCloseTo(0.5, 10);
  });
});

describe('small-number suppression', () => {
  it('shows 1 to 4 as "fewer than 5", and zero and 5 upwards as they are, with commas past 999', () => {
    expect([0, 1, 4, 5, 12, 1254].map((n) => shownCount(n))).toEqual([
      '0',
      'fewer than 5',
      'fewer than 5',
      '5',
      '12',
      '1,254',
    ]);
    expect(shownCount(7, 10)).toBe('fewer than 10');
  });
});
