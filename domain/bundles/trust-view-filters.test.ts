import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundlesDepsOf, exchangeCollectionKey, sendBundle } from '../../test/helpers/bundle-fixtures';
import { leadExportHeader } from '../../test/helpers/export-fixtures';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';
import { posterFromStore } from '../exports/report-models/period-from-store';
import { importBundleFile } from './bundles-service';

// "Whose rounds" on the rest of the trust view: search, the actions board and the "You said, we
// did" poster each read everyone's records (the lead's own and every imported one), the lead's
// own, or one contributor's.

let governor: TestContext;
let lead: TestContext;
let hers: string;
beforeEach(async () => {
  governor = createTestContext();
  lead = createTestContext();
  await signedOffRound(governor);
  await doneAction(governor, 'The door to the bay sticks.', 'We fixed the door so it closes quietly.');
  await signedOffRound(lead);
  await doneAction(
    lead,
    'The lights in the bay are too bright at night.',
    'We fitted lamps that dim at night.',
  );
  const g = bundlesDepsOf(governor);
  const l = bundlesDepsOf(lead);
  importBundleFile(l, sendBundle(g, exchangeCollectionKey(l, [g])).bytes, {
    fileName: 'b.pxbundle',
    confirmSigner: true,
  });
  hers = g.identity().keyId;
});
afterEach(() => {
  governor.dispose();
  lead.dispose();
});

async function doneAction(ctx: TestContext, said: string, evidence: string) {
  const action = await ctx.call('actions:create', {
    said,
    willDo: 'The ward manager will look into it.',
    ownerName: 'Ward manager',
  });
  await ctx.call('actions:update', { id: action.id, changes: { evidence } });
  await ctx.call('actions:set-status', { id: action.id, status: 'done', reason: 'Done this week' });
}

const WHOSE = ['everyone', 'mine', 'hers'] as const;
const whoseOf = (w: (typeof WHOSE)[number]) => (w === 'hers' ? hers : w);

describe('whose rounds, on search, the actions board and the poster', () => {
  it('searches everyone’s observations, the lead’s own, or one contributor’s, with and without words', async () => {
    const found = async (text: string) =>
      Promise.all(
        WHOSE.map(async (w) => (await lead.call('search:observations', { text, whose: whoseOf(w) })).total),
      );
    expect(await found('')).toEqual([8, 4, 4]);
    expect(await found('calm')).toEqual([2, 1, 1]);
    const theirs = await lead.call('search:observations', { text: 'calm', whose: hers });
    const own = await lead.call('search:observations', { text: 'calm', whose: 'mine' });
    expect(theirs.results[0]?.roundId).not.toBe(own.results[0]?.roundId);
  });

  it('shows everyone’s actions on the board, the lead’s own, or one contributor’s, with counts to match', async () => {
    const board = async (w: (typeof WHOSE)[number]) => {
      const result = await lead.call('actions:list', { whose: whoseOf(w) });
      return { total: result.total, done: result.counts.done, said: result.items.map((i) => i.said) };
    };
    expect(await board('everyone')).toMatchObject({ total: 2, done: 2 });
    expect(await board('mine')).toEqual({
      total: 1,
      done: 1,
      said: ['The lights in the bay are too bright at night.'],
    });
    expect(await board('hers')).toEqual({ total: 1, done: 1, said: ['The door to the bay sticks.'] });
  });

  it('puts everyone’s finished actions on the poster, the lead’s own, or one contributor’s', () => {
    const today = new Date().toISOString().slice(0, 10);
    const base = leadExportHeader('poster.docx');
    const poster = (w: (typeof WHOSE)[number]) =>
      posterFromStore(
        lead.store,
        { from: today, to: today, areaId: null, whose: whoseOf(w), orientation: 'portrait' },
        base,
      )
        .items.map((i) => i.weDid)
        .toSorted();
    expect(poster('everyone')).toEqual([
      'We fitted lamps that dim at night.',
      'We fixed the door so it closes quietly.',
    ]);
    expect(poster('mine')).toEqual(['We fitted lamps that dim at night.']);
    expect(poster('hers')).toEqual(['We fixed the door so it closes quietly.']);
  });

  it('says "Across the trust" on the poster only when it holds everyone’s actions', () => {
    const today = new Date().toISOString().slice(0, 10);
    const scope = (w: (typeof WHOSE)[number]) =>
      posterFromStore(
        lead.store,
        { from: today, to: today, areaId: null, whose: whoseOf(w), orientation: 'portrait' },
        leadExportHeader('poster.docx'),
      ).scope;
    expect(scope('everyone')).toMatch(/^Across the trust, /);
    for (const w of ['mine', 'hers'] as const) {
      expect(scope(w)).not.toMatch(/trust/i);
      expect(scope(w)).toMatch(/^From some of our wards and departments, /);
    }
  });

  it('refuses a whose that is neither everyone, mine nor a key id, on every one of them', async () => {
    for (const [channel, request] of [
      ['search:observations', { whose: 'theirs' }],
      ['actions:list', { whose: 'theirs' }],
    ] as const) {
      const result = await lead.dispatch(channel, request);
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'whose' } });
    }
  });
});
