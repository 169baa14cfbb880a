import { describe, expect, it } from 'vitest';
import {
  bundleOfRounds,
  bundlesDepsOf,
  exchangeCollectionKey,
  fullDump,
  sendBundle,
  syntheticRound,
} from '../../test/helpers/bundle-fixtures';
import { ATTESTATION, completedRound, decideAll, SIGNER } from '../../test/helpers/sign-off-fixtures';
import { contextForEachTest, type TestContext } from '../../test/helpers/test-context';
import { importBundleFile } from './bundles-service';

// A tag a contributor made themselves travels with its label (format 2), so what they tagged
// with it reads the same at the lead; bundles of format 1, which carry no labels, still import.

let governor: TestContext;
let lead: TestContext;
contextForEachTest((ctx) => (governor = ctx));
contextForEachTest((ctx) => (lead = ctx));

async function roundTaggedWith(label: string) {
  const round = await completedRound(governor);
  const tag = await governor.call('tagging:create-custom-tag', { label });
  const [observation] = round.observations;
  await governor.call('tagging:set-item-tags', {
    kind: 'observation',
    id: observation!.id,
    tags: [{ frameworkId: 'custom', tagId: tag.id }],
    equalityStatus: 'not_recorded',
  });
  for (const o of round.observations) await decideAll(governor, 'observation', o.id);
  await governor.call('sign-off:sign', {
    kind: 'round',
    id: round.roundId,
    ...SIGNER,
    attestation: ATTESTATION,
  });
  return { roundId: round.roundId, observationId: observation!.id, tag };
}

describe('the labels of a contributor’s own tags', () => {
  it('travel in the bundle, so the lead reads the tag by its label, once however often it is imported', async () => {
    const { roundId, observationId, tag } = await roundTaggedWith('Car parking');
    const g = bundlesDepsOf(governor);
    const l = bundlesDepsOf(lead);
    const sent = sendBundle(g, exchangeCollectionKey(l, [g]));
    expect(sent.bytes.subarray(0, 18).toString('latin1')).toBe('PX-ROUNDS-BUNDLE 3');
    const first = importBundleFile(l, sent.bytes, { fileName: sent.fileName, confirmSigner: true });
    expect(first.added.tag_label).toBe(1);

    const round = await lead.call('rounds:get', { roundId });
    const tags = round.observations.find((o) => o.id === observationId)?.tags ?? [];
    expect(tags).toEqual([
      expect.objectContaining({ frameworkId: 'custom', tagId: tag.id, label: 'Car parking' }),
    ]);
    // The lead can search by it too, like any tag they have.
    const found = await lead.call('search:observations', { tag: { frameworkId: 'custom', tagId: tag.id } });
    expect(found.total).toBe(1);

    const before = fullDump(lead);
    const again = sendBundle(g, exchangeCollectionKey(l, [g]));
    expect(again.counts.rounds).toBe(0);
    importBundleFile(l, sent.bytes, { fileName: sent.fileName, confirmSigner: false });
    expect(fullDump(lead)).toBe(before);
  });

  it('still imports a bundle of format 1, which carries no tag labels', () => {
    const l = bundlesDepsOf(lead);
    const g = bundlesDepsOf(governor);
    exchangeCollectionKey(l, [g]);
    const bytes = bundleOfRounds(l, g.identity(), [syntheticRound(3)], 1);
    expect(bytes.subarray(0, 18).toString('latin1')).toBe('PX-ROUNDS-BUNDLE 1');
    const outcome = importBundleFile(l, bytes, { fileName: 'old.pxbundle', confirmSigner: true });
    expect(outcome.added.round).toBe(1);
    expect(lead.store.sqlite.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(3);
  });
});
