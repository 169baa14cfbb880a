import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleOfRounds, bundlesDepsOf, fullDump, syntheticRound } from '../../test/helpers/bundle-fixtures';
import { createSigningIdentity } from '../signing/signing-keys';
import { setUpCollectionKey } from './bundles-service';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { approvedStory } from '../../test/helpers/story-fixtures';
import { contextForEachTest, type TestContext } from '../../test/helpers/test-context';

let governor: TestContext;
let lead: TestContext;
contextForEachTest((ctx) => (governor = ctx));
contextForEachTest((ctx) => (lead = ctx));

async function keysExchanged() {
  const key = await lead.call('bundles:set-up-collection-key', { name: 'PEIG, Example Trust' });
  if (!key.exists) throw new Error('no key');
  const added = await governor.call('bundles:add-recipient', {
    fileName: 'peig.json',
    content: key.publicKeyFile,
  });
  expect(added.fingerprint).toBe(key.fingerprint);
  return key;
}

async function settle(ctx: TestContext, jobId: string) {
  for (;;) {
    const job = await ctx.call('bundles:import-status', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the bundles channels', () => {
  it('send a bundle, saving it beside the exports and naming stories left out, and import it as a job', async () => {
    await signedOffRound(governor);
    await approvedStory(governor);
    const key = await keysExchanged();
    const preview = await governor.call('bundles:preview', { recipientKeyId: key.keyId, period: null });
    expect(preview.counts.rounds).toBe(1);
    expect(preview.leftOut).toEqual([
      expect.objectContaining({
        kind: 'story',
        title: 'Waiting for results',
        reason: 'it has not been signed off yet',
      }),
    ]);
    const sent = await governor.call('bundles:send', {
      recipientKeyId: key.keyId,
      period: null,
      contributorName: 'Helen Adeyemi',
      contributorRole: 'Governor',
    });
    expect(existsSync(sent.path)).toBe(true);

    const inspected = await lead.call('bundles:inspect', {
      fileName: sent.fileName,
      contentBase64: sent.contentBase64,
    });
    expect(inspected).toMatchObject({
      signerTrusted: false,
      forThisLaptop: true,
      header: { contributor: { name: 'Helen Adeyemi' } },
    });

    const refused = await settle(
      lead,
      (
        await lead.call('bundles:import-start', {
          fileName: sent.fileName,
          contentBase64: sent.contentBase64,
        })
      ).jobId,
    );
    expect(refused).toMatchObject({ state: 'failed', error: { reason: 'untrusted_signer' } });

    const job = await lead.call('bundles:import-start', {
      fileName: sent.fileName,
      contentBase64: sent.contentBase64,
      confirmSigner: true,
    });
    const done = await settle(lead, job.jobId);
    expect(done).toMatchObject({
      state: 'done',
      result: { added: { round: 1 }, contributorName: 'Helen Adeyemi' },
    });
    const log = await lead.call('bundles:import-log', {});
    expect(log.entries).toHaveLength(1);
    expect((await lead.call('signing:trusted-list', {})).signers.map((s) => s.name)).toEqual([
      'Helen Adeyemi',
    ]);
  });

  it('cancels an import before it writes anything', async () => {
    await signedOffRound(governor);
    const key = await keysExchanged();
    const sent = await governor.call('bundles:send', {
      recipientKeyId: key.keyId,
      period: null,
      contributorName: 'Helen',
      contributorRole: '',
    });
    const before = fullDump(lead);
    const job = await lead.call('bundles:import-start', {
      fileName: sent.fileName,
      contentBase64: sent.contentBase64,
      confirmSigner: true,
    });
    const cancelled = await lead.call('bundles:import-cancel', { jobId: job.jobId });
    expect(cancelled.state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fullDump(lead)).toBe(before);
  });

  it('imports a bundle of 50,000 observations with progress, and cancels one part-way having written nothing', async () => {
    const l = bundlesDepsOf(lead);
    setUpCollectionKey(l, 'PEIG');
    const helen = createSigningIdentity();
    const rounds = Array.from({ length: 20 }, () => syntheticRound(2_500));
    const contentBase64 = bundleOfRounds(l, helen, rounds).toString('base64');

    const before = fullDump(lead);
    const cancelled = await lead.call('bundles:import-start', {
      fileName: 'big.pxbundle',
      contentBase64,
      confirmSigner: true,
    });
    for (;;) {
      const job = await lead.call('bundles:import-status', { jobId: cancelled.jobId });
      if (job.stage.startsWith('Checking records')) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await lead.call('bundles:import-cancel', { jobId: cancelled.jobId })).state).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fullDump(lead)).toBe(before);

    const job = await lead.call('bundles:import-start', {
      fileName: 'big.pxbundle',
      contentBase64,
      confirmSigner: true,
    });
    const stages = new Set<string>();
    let state = job;
    while (state.state === 'running') {
      stages.add(state.stage);
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = await lead.call('bundles:import-status', { jobId: job.jobId });
    }
    expect(state).toMatchObject({ state: 'done', result: { added: { round: 20 } } });
    expect([...stages].filter((s) => s.startsWith('Checking records')).length).toBeGreaterThan(0);
    expect(lead.store.sqlite.prepare('SELECT count(*) FROM observations').pluck().get()).toBe(50_000);
  }, 120_000);
});
