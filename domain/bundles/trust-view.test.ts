import { describe, expect, it } from 'vitest';
import { bundlesDepsOf, exchangeCollectionKey, sendBundle } from '../../test/helpers/bundle-fixtures';
import { leadExportHeader } from '../../test/helpers/export-fixtures';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { contextForEachTest, type TestContext } from '../../test/helpers/test-context';
import { periodReportFromStore } from '../exports/report-models/period-from-store';
import { importBundleFile } from './bundles-service';

// The trust view: the lead's own rounds and those imported from bundles, in the same tables, read
// by the same report, with "whose rounds" choosing everyone's, the lead's own or one contributor's.

let governor: TestContext;
let lead: TestContext;
contextForEachTest((ctx) => (governor = ctx));
contextForEachTest((ctx) => (lead = ctx));

const base = leadExportHeader('report.docx');

describe('the period report over own and imported rounds', () => {
  it('covers everyone’s rounds by default, or the lead’s own, or one contributor’s', async () => {
    await signedOffRound(governor);
    await signedOffRound(lead);
    const g = bundlesDepsOf(governor);
    const l = bundlesDepsOf(lead);
    importBundleFile(l, sendBundle(g, exchangeCollectionKey(l, [g]), 'Helen Adeyemi').bytes, {
      fileName: 'b.pxbundle',
      confirmSigner: true,
    });
    const today = new Date().toISOString().slice(0, 10);
    const report = (whose: string) =>
      periodReportFromStore(lead.store, { from: today, to: today, site: null, whose }, base).model;

    const everyone = report('everyone');
    expect(everyone.totals.rounds).toBe(2);
    expect(everyone.totals.observations).toBe(8);
    expect(everyone.coverage).toEqual({ laptops: 2, contributors: ['Helen Adeyemi'] });
    const mine = report('mine');
    expect(mine.totals.rounds).toBe(1);
    expect(mine.coverage).toEqual({ laptops: 1, contributors: [] });
    const hers = report(g.identity().keyId);
    expect(hers.totals.rounds).toBe(1);
    expect(hers.coverage).toEqual({ laptops: 1, contributors: ['Helen Adeyemi'] });
  });

  it('counts insights over everyone’s observations, or the lead’s own, or one contributor’s', async () => {
    await signedOffRound(governor);
    await signedOffRound(lead);
    const g = bundlesDepsOf(governor);
    const l = bundlesDepsOf(lead);
    importBundleFile(l, sendBundle(g, exchangeCollectionKey(l, [g])).bytes, {
      fileName: 'b.pxbundle',
      confirmSigner: true,
    });
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const observed = async (whose: string) =>
      (await lead.call('insights:get', { from, to, whose })).observationCount;
    expect(await observed('everyone')).toBe(8);
    expect(await observed('mine')).toBe(4);
    expect(await observed(g.identity().keyId)).toBe(4);
  });
});
