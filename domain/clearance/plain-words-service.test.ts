import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundlesDepsOf, exchangeCollectionKey, sendBundle } from '../../test/helpers/bundle-fixtures';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { ATTESTATION, decideAll, SIGNER } from '../../test/helpers/sign-off-fixtures';
import { readBack, recordConsent, writeStory } from '../../test/helpers/story-fixtures';
import { contextForEachTest, type TestContext } from '../../test/helpers/test-context';
import { importBundleFile } from '../bundles/bundles-service';
import { docxPart, paragraphTexts } from '../exports/fixtures/docx-parts';

let ctx: TestContext;
let lead: TestContext;
contextForEachTest((fresh) => (ctx = fresh));
contextForEachTest((fresh) => (lead = fresh));

const JARGON = 'The MDT never explained her TTO. A carer asked us to call her back on 07700 900123.';

/** A round with one observation full of jargon (and a phone number), completed: at review. */
async function roundAtReview(context: TestContext) {
  const { roundId, areas } = await roundWithAreas(context, 'Sutton', ['Oak Ward']);
  const observation = await observe(context, roundId, areas['Oak Ward']!, JARGON);
  await context.call('rounds:complete', { roundId });
  return { roundId, observationId: observation.id };
}

const replace = (context: TestContext, itemId: string, term: string) =>
  context.dispatch('clearance:plain-words', { itemKind: 'observation', itemId, term });

const storedText = (context: TestContext, id: string) =>
  context.store.sqlite.prepare('SELECT text FROM observations WHERE id = ?').pluck().get(id) as string;

describe('replacing jargon with its plain words at review', () => {
  it('records the replacement as a decision, keeps the stored text, and says who replaced what with what in the audit log', async () => {
    await ctx.call('settings:set-person', { name: 'Ann Example', role: 'governor' });
    const { observationId } = await roundAtReview(ctx);
    const report = await ctx.call('clearance:plain-words', {
      itemKind: 'observation',
      itemId: observationId,
      term: 'MDT',
    });

    expect(report.plainWords).toEqual([
      { term: 'MDT', words: 'team of specialists', decidedBy: 'Ann Example', decidedAt: expect.any(String) },
    ]);
    // The advice is about the text as it will leave: MDT is gone from it, TTO is still there.
    expect(report.plainLanguage.terms.map((t) => t.text)).toEqual(['TTO']);
    // Nothing is lost: the completed round's text is as it was captured.
    expect(storedText(ctx, observationId)).toBe(JARGON);
    const audit = ctx.store.sqlite
      .prepare(
        "SELECT actor, detail FROM audit_log WHERE entity = 'clearance_decision' AND entity_id = ? ORDER BY seq DESC",
      )
      .get(observationId) as { actor: string; detail: string };
    expect(audit.actor).toBe('Ann Example');
    expect(JSON.parse(audit.detail)).toMatchObject({
      itemKind: 'observation',
      field: 'text',
      decision: 'plain_words',
      replaced: 'MDT',
      with: 'team of specialists',
      appliedInPlace: false,
    });
    expect(ctx.store.audit.verify().ok).toBe(true);

    // Offered once: a second press finds nothing to replace.
    const again = await replace(ctx, observationId, 'MDT');
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error).toMatchObject({ kind: 'validation', field: 'term' });
  });

  it('puts the plain words in the signed round summary and in the bundle PEIG imports, with a valid sign-off', async () => {
    const { roundId, observationId } = await roundAtReview(ctx);
    await ctx.call('clearance:plain-words', { itemKind: 'observation', itemId: observationId, term: 'MDT' });
    await decideAll(ctx, 'observation', observationId);
    await ctx.call('sign-off:sign', { kind: 'round', id: roundId, ...SIGNER, attestation: ATTESTATION });

    const started = await ctx.call('exports:start', {
      documentType: 'round_summary',
      roundId,
      personalDataConfirmed: true,
    });
    const job = await ctx.exportJobs.settled(started.jobId);
    const text = paragraphTexts(docxPart(readFileSync(job.result!.path), 'word/document.xml')).join('\n');
    expect(text).toContain('The team of specialists never explained her TTO.');
    expect(text).not.toContain('MDT');
    expect(text).not.toContain('07700 900123');

    const contributor = bundlesDepsOf(ctx);
    const peig = bundlesDepsOf(lead);
    const sent = sendBundle(contributor, exchangeCollectionKey(peig, [contributor]));
    importBundleFile(peig, sent.bytes, { fileName: sent.fileName, confirmSigner: true });
    expect(storedText(lead, observationId)).toBe(
      'The team of specialists never explained her TTO. A carer asked us to call her back on [phone number removed].',
    );
    const imported = await lead.call('sign-off:get', { kind: 'round', id: roundId });
    expect(imported.signOff?.signatureValid).toBe(true);
  });

  it('is refused once the round is signed off, and while it is still open', async () => {
    const { roundId, observationId } = await roundAtReview(ctx);
    await decideAll(ctx, 'observation', observationId);
    await ctx.call('sign-off:sign', { kind: 'round', id: roundId, ...SIGNER, attestation: ATTESTATION });
    const locked = await replace(ctx, observationId, 'MDT');
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.kind).toBe('locked');
    expect(
      (await ctx.call('clearance:check', { itemKind: 'observation', itemId: observationId })).plainWords,
    ).toEqual([]);

    const open = await roundWithAreas(ctx, 'Chelsea', ['Day Unit']);
    const draft = await observe(ctx, open.roundId, open.areas['Day Unit']!, 'The MDT met.');
    const refused = await replace(ctx, draft.id, 'MDT');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/still open/);
  });

  it('in a story at review: keeps it approved and its words as read back, and its export reads the plain words, quotes too', async () => {
    const narrative = 'The MDT met on Monday.\n\nNobody from the MDT rang me.';
    const quote = 'Nobody from the MDT rang me.';
    const start = narrative.indexOf(quote);
    const written = await writeStory(ctx, {
      narrative,
      quotes: [{ start, end: start + quote.length, text: quote }],
    });
    await recordConsent(ctx, written.id);
    await readBack(ctx, written);
    await ctx.call('stories:approve', { id: written.id });

    const report = await ctx.call('clearance:plain-words', {
      itemKind: 'story',
      itemId: written.id,
      term: 'MDT',
    });
    expect(report.plainWords.map((r) => [r.term, r.words])).toEqual([['MDT', 'team of specialists']]);
    const story = await ctx.call('stories:get', { id: written.id });
    expect(story.status).toBe('approved');
    expect(story.narrative).toBe(narrative);

    await decideAll(ctx, 'story', written.id);
    await ctx.call('sign-off:sign', { kind: 'story', id: written.id, ...SIGNER, attestation: ATTESTATION });
    const started = await ctx.call('exports:start', {
      documentType: 'story',
      storyId: written.id,
      audience: 'peig',
      personalDataConfirmed: true,
    });
    const job = await ctx.exportJobs.settled(started.jobId);
    const text = paragraphTexts(docxPart(readFileSync(job.result!.path), 'word/document.xml')).join('\n');
    expect(text).toContain('The team of specialists met on Monday.');
    expect(text).toContain('Nobody from the team of specialists rang me.');
    expect(text).not.toContain('MDT');

    const locked = await ctx.dispatch('clearance:plain-words', {
      itemKind: 'story',
      itemId: written.id,
      term: 'MDT',
    });
    expect(locked.ok).toBe(false);
    if (!locked.ok) expect(locked.error.kind).toBe('locked');
  });
});
