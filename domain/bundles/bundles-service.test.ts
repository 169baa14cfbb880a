import { describe, expect, it } from 'vitest';
import {
  bundlesDepsOf,
  exchangeCollectionKey,
  fullDump,
  sendBundle,
} from '../../test/helpers/bundle-fixtures';
import {
  ATTESTATION,
  decideAll,
  SIGNER,
  signedOffRound,
  signedOffStory,
} from '../../test/helpers/sign-off-fixtures';
import { readBack, recordConsent, writeStory } from '../../test/helpers/story-fixtures';
import { contextForEachTest, type TestContext } from '../../test/helpers/test-context';
import { importBundleFile, importLog, previewBundle } from './bundles-service';

let governor: TestContext;
let lead: TestContext;
contextForEachTest((ctx) => (governor = ctx));
contextForEachTest((ctx) => (lead = ctx));

const count = (ctx: TestContext, sql: string) => ctx.store.sqlite.prepare(sql).pluck().get() as number;

describe('sending signed-off work to PEIG and importing it', () => {
  it('brings a governor’s signed-off round and story into the lead’s tables, with provenance, redactions and a valid sign-off', async () => {
    const { roundId } = await signedOffRound(governor);
    const { story } = await signedOffStory(governor);
    const g = bundlesDepsOf(governor);
    const l = bundlesDepsOf(lead);
    const keyId = exchangeCollectionKey(l, [g]);
    const sent = sendBundle(g, keyId);
    expect(sent.counts).toMatchObject({ rounds: 1, observations: 4, stories: 1 });

    const outcome = importBundleFile(l, sent.bytes, { fileName: sent.fileName, confirmSigner: true });
    expect(outcome.added).toMatchObject({ round: 1, story: 1 });
    expect(outcome.alreadyImportedAt).toBeNull();
    const round = lead.store.sqlite
      .prepare('SELECT status, contributor_key_id AS k, bundle_id AS b FROM rounds WHERE id = ?')
      .get(roundId);
    expect(round).toEqual({ status: 'signed_off', k: g.identity().keyId, b: sent.bundleId });
    const detail = await lead.call('rounds:get', { roundId });
    expect(detail.provenance).toMatchObject({ contributorName: 'Helen Adeyemi', bundleId: sent.bundleId });
    expect((await governor.call('rounds:get', { roundId })).provenance).toBeNull();
    expect(count(lead, 'SELECT count(*) FROM observations')).toBe(4);
    const texts = lead.store.sqlite.prepare('SELECT text FROM observations').pluck().all() as string[];
    expect(texts.join(' ')).toContain('[phone number removed]');
    expect(texts.join(' ')).not.toContain('07700 900123');
    // The words that led to each sentiment still point at the text as sent.
    const rows = lead.store.sqlite.prepare('SELECT text, sentiment_drivers AS d FROM observations').all() as {
      text: string;
      d: string;
    }[];
    for (const row of rows) {
      for (const d of JSON.parse(row.d) as { phrase: string; start: number; end: number }[]) {
        expect(row.text.slice(d.start, d.end)).toBe(d.phrase);
      }
    }
    expect((await lead.call('stories:get', { id: story.id })).status).toBe('approved');
    const review = await lead.call('sign-off:get', { kind: 'story', id: story.id });
    expect(review.signOff?.signatureValid).toBe(true);
    expect(importLog(l).entries).toHaveLength(1);
  });

  it('imports the same bundle twice without changing anything the second time', async () => {
    await signedOffRound(governor);
    const g = bundlesDepsOf(governor);
    const l = bundlesDepsOf(lead);
    const sent = sendBundle(g, exchangeCollectionKey(l, [g]));
    importBundleFile(l, sent.bytes, { fileName: sent.fileName, confirmSigner: true });
    const before = fullDump(lead);
    const again = importBundleFile(l, sent.bytes, { fileName: sent.fileName, confirmSigner: false });
    expect(again.alreadyImportedAt).not.toBeNull();
    expect(again.added.round).toBe(0);
    expect(fullDump(lead)).toBe(before);
  });

  it('sends only what was signed off since the last bundle', async () => {
    await signedOffRound(governor);
    const g = bundlesDepsOf(governor);
    const keyId = exchangeCollectionKey(bundlesDepsOf(lead), [g]);
    sendBundle(g, keyId);
    const next = previewBundle(g, {
      recipientKeyId: keyId,
      period: null,
      contributorName: 'H',
      contributorRole: '',
    });
    expect(next.counts.rounds).toBe(0);
  });

  it('keeps the sign-off and its corrections valid at the lead when personal details were redacted at sign-off', async () => {
    const { roundId } = await signedOffRound(governor);
    await governor.call('sign-off:add-addendum', {
      kind: 'round',
      id: roundId,
      text: 'The parking problem was passed to the estates team.',
      ...SIGNER,
    });
    const written = await writeStory(governor, {
      narrative:
        'My daughter rang 07700 900456 for news.\n\nNobody told me when the scan results would come.',
    });
    await recordConsent(governor, written.id);
    await decideAll(governor, 'story', written.id);
    await readBack(governor, await governor.call('stories:get', { id: written.id }));
    await governor.call('stories:approve', { id: written.id });
    await governor.call('sign-off:sign', {
      kind: 'story',
      id: written.id,
      ...SIGNER,
      attestation: ATTESTATION,
    });
    const g = bundlesDepsOf(governor);
    const l = bundlesDepsOf(lead);
    const sent = sendBundle(g, exchangeCollectionKey(l, [g]));
    importBundleFile(l, sent.bytes, { fileName: sent.fileName, confirmSigner: true });

    const story = await lead.call('stories:get', { id: written.id });
    expect(story.narrative).not.toContain('07700 900456');
    const round = await lead.call('sign-off:get', { kind: 'round', id: roundId });
    expect(round.signOff).toMatchObject({
      signatureValid: true,
      signerName: SIGNER.signerName,
      attestation: ATTESTATION,
    });
    expect(round.addenda.map((a) => a.signatureValid)).toEqual([true]);
    expect((await lead.call('sign-off:get', { kind: 'story', id: written.id })).signOff?.signatureValid).toBe(
      true,
    );
    // The governor's own sign-off is untouched and still valid there.
    expect(
      (await governor.call('sign-off:get', { kind: 'round', id: roundId })).signOff?.signatureValid,
    ).toBe(true);
  });

  it('never signs afresh a round changed since its sign-off: it travels with its original, invalid, signature', async () => {
    const { roundId, observations } = await signedOffRound(governor);
    const db = governor.store.sqlite;
    db.exec('DROP TRIGGER observations_signed_off_locked; DROP TRIGGER observations_locked_update');
    db.prepare("UPDATE observations SET text = 'Everything was perfect.' WHERE id = ?").run(
      observations[0]!.id,
    );
    const g = bundlesDepsOf(governor);
    const l = bundlesDepsOf(lead);
    const sent = sendBundle(g, exchangeCollectionKey(l, [g]));
    importBundleFile(l, sent.bytes, { fileName: sent.fileName, confirmSigner: true });
    const signOff = (await lead.call('sign-off:get', { kind: 'round', id: roundId })).signOff;
    expect(signOff?.signatureValid).toBe(false);
    expect(lead.store.signOffs.get('round', roundId)?.signature).toBe(
      governor.store.signOffs.get('round', roundId)?.signature,
    );
  });

  it('says who contributed an imported story and action, and from which bundle; the lead’s own say nothing', async () => {
    const { story } = await signedOffStory(governor);
    const action = await governor.call('actions:create', {
      said: 'Nobody told me when the scan results would come.',
      willDo: 'Give every patient a date for their results.',
      sources: [{ kind: 'story', id: story.id }],
    });
    const own = await lead.call('actions:create', {
      said: 'The signs to the day unit are hard to follow.',
      willDo: 'Put up new signs to the day unit.',
    });
    const g = bundlesDepsOf(governor);
    const l = bundlesDepsOf(lead);
    const sent = sendBundle(g, exchangeCollectionKey(l, [g]), 'Helen Adeyemi');
    importBundleFile(l, sent.bytes, { fileName: sent.fileName, confirmSigner: true });
    const provenance = {
      contributorKeyId: g.identity().keyId,
      contributorName: 'Helen Adeyemi',
      bundleId: sent.bundleId,
    };
    expect((await lead.call('stories:get', { id: story.id })).provenance).toMatchObject(provenance);
    expect((await lead.call('actions:get', { id: action.id })).provenance).toMatchObject(provenance);
    expect((await lead.call('actions:get', { id: own.id })).provenance).toBeNull();
    expect((await governor.call('stories:get', { id: story.id })).provenance).toBeNull();
    expect((await governor.call('actions:get', { id: action.id })).provenance).toBeNull();
  });
});
