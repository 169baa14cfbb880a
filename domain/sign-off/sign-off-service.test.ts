import { describe, expect, it } from 'vitest';
import { approvedStory, auditEntries, writeStory } from '../../test/helpers/story-fixtures';
import {
  ATTESTATION,
  completedRound,
  decideAll,
  signedOffRound,
  signedOffStory,
  SIGNER,
} from '../../test/helpers/sign-off-fixtures';
import { observe, roundWithAreas } from '../../test/helpers/round-fixtures';
import { contextForEachTest } from '../../test/helpers/test-context';

const ctx = contextForEachTest();

const raw =
  (sql: string, ...params: unknown[]) =>
  () =>
    ctx.store.sqlite.prepare(sql).run(...params);

describe('reviewing a round before sign-off', () => {
  it('is not ready while the round is in progress', async () => {
    const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Oak Ward']);
    await observe(ctx, roundId, areas['Oak Ward']!, 'The ward was calm.');
    const review = await ctx.call('sign-off:get', { kind: 'round', id: roundId });
    expect(review.readyToSign).toBe(false);
    expect(review.blockers).toContain('Complete the round before signing it off.');
    expect(review.signOff).toBeNull();
  });

  it('lists every observation with its personal-data check, and is ready once each finding is decided', async () => {
    const { roundId, observations } = await completedRound(ctx);
    let review = await ctx.call('sign-off:get', { kind: 'round', id: roundId });
    expect(review.items.map((i) => i.itemId)).toEqual(observations.map((o) => o.id));
    expect(review.items[0]!.heading).toMatch(/^Oak Ward · seen · \d\d:\d\d · “The ward was calm, and the…”$/);
    // Each heading is its own, even for observations made in the same area and minute.
    expect(new Set(review.items.map((i) => i.heading)).size).toBe(review.items.length);
    expect(review.summary).toEqual(['2 areas visited', '4 observations', 'No visiting team recorded']);
    expect(review.readyToSign).toBe(false);
    expect(review.blockers.join(' ')).toMatch(/2 observations have possible personal details/);
    expect(review.defaultAttestation).toMatch(/fair and accurate record/);

    for (const o of observations) await decideAll(ctx, 'observation', o.id);
    review = await ctx.call('sign-off:get', { kind: 'round', id: roundId });
    expect(review.blockers).toEqual([]);
    expect(review.readyToSign).toBe(true);
  });

  it('refuses to sign a round that is not ready, and writes nothing', async () => {
    const { roundId } = await completedRound(ctx);
    const result = await ctx.dispatch('sign-off:sign', {
      kind: 'round',
      id: roundId,
      ...SIGNER,
      attestation: ATTESTATION,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'validation' } });
    if (!result.ok) expect(result.error.message).toMatch(/possible personal details/);
    expect((await ctx.call('rounds:get', { roundId })).status).toBe('completed');
    expect(ctx.store.sqlite.prepare('SELECT count(*) AS n FROM sign_offs').get()).toEqual({ n: 0 });
  });
});

describe('signing off a round', () => {
  it('stores who signed, what they attested and when, with a valid signature, and locks the round', async () => {
    const { roundId, signOff } = await signedOffRound(ctx);
    const identity = await ctx.call('signing:identity', {});
    expect(signOff).toMatchObject({
      ...SIGNER,
      attestation: ATTESTATION,
      keyId: identity.keyId,
      fingerprint: identity.fingerprint,
      signatureValid: true,
    });
    expect((await ctx.call('rounds:get', { roundId })).status).toBe('signed_off');
    const review = await ctx.call('sign-off:get', { kind: 'round', id: roundId });
    expect(review.signOff).toEqual(signOff);
    expect(review.readyToSign).toBe(false);
    const entries = auditEntries(ctx, roundId).filter((e) => e.action === 'sign_off');
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.detail)).toMatchObject({ ...SIGNER, keyId: identity.keyId });
    expect(ctx.store.audit.verify().ok).toBe(true);

    const again = await ctx.dispatch('sign-off:sign', {
      kind: 'round',
      id: roundId,
      ...SIGNER,
      attestation: 'x',
    });
    expect(again).toMatchObject({ ok: false, error: { kind: 'locked' } });
  });

  it('cannot be undone or rewritten with raw SQL: the round, its observations and the sign-off are locked', async () => {
    const { roundId, observations } = await signedOffRound(ctx);
    const obs = observations[0]!.id;
    expect(raw("UPDATE rounds SET site = 'Chelsea' WHERE id = ?", roundId)).toThrow(
      /locked: the round is signed off/,
    );
    expect(raw("UPDATE rounds SET status = 'completed' WHERE id = ?", roundId)).toThrow(/locked/);
    expect(raw('DELETE FROM rounds WHERE id = ?', roundId)).toThrow(/locked/);
    expect(raw("UPDATE observations SET text = 'changed' WHERE id = ?", obs)).toThrow(/locked/);
    expect(raw('UPDATE observations SET needs_follow_up = 1 WHERE id = ?', obs)).toThrow(/locked/);
    expect(raw('DELETE FROM observations WHERE id = ?', obs)).toThrow(/locked/);
    expect(raw("UPDATE sign_offs SET signer_name = 'Someone else'")).toThrow(
      /locked: a sign-off cannot be changed/,
    );
    expect(raw("UPDATE sign_offs SET signature = ''")).toThrow(/locked/);
    expect(raw('DELETE FROM sign_offs')).toThrow(/locked: a sign-off cannot be changed/);
    expect((await ctx.call('sign-off:get', { kind: 'round', id: roundId })).signOff?.signatureValid).toBe(
      true,
    );
  });

  it('shows the signature as invalid when the record is changed behind the triggers’ back', async () => {
    const { roundId, observations } = await signedOffRound(ctx);
    const db = ctx.store.sqlite;
    db.exec('DROP TRIGGER observations_signed_off_locked; DROP TRIGGER observations_locked_update');
    db.prepare("UPDATE observations SET text = 'Everything was perfect.' WHERE id = ?").run(
      observations[0]!.id,
    );
    const review = await ctx.call('sign-off:get', { kind: 'round', id: roundId });
    expect(review.signOff?.signatureValid).toBe(false);
  });

  it('does not let a round reach signed_off without its sign-off, nor a sign-off be written for an open round', async () => {
    const { roundId } = await completedRound(ctx);
    expect(raw("UPDATE rounds SET status = 'signed_off' WHERE id = ?", roundId)).toThrow(
      /signed off only with its sign-off on record/,
    );
    const open = await roundWithAreas(ctx, 'Sutton', ['Oak Ward']);
    expect(
      raw(
        `INSERT INTO sign_offs (kind, item_id, signer_name, signer_role, attestation, signed_at, key_id, public_key_pem, content_sha256, signature)
         VALUES ('round', ?, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h')`,
        open.roundId,
      ),
    ).toThrow(/only a completed round can be signed off/);
  });
});

describe('signing off a story', () => {
  it('is blocked until the story is approved with consent, then signs and locks it', async () => {
    const draft = await writeStory(ctx);
    const review = await ctx.call('sign-off:get', { kind: 'story', id: draft.id });
    expect(review.readyToSign).toBe(false);
    expect(review.blockers).toEqual([
      'Approve the story (after reading it back to the storyteller) before signing it off.',
      'Record the storyteller’s consent before signing the story off.',
    ]);

    const { story, signOff } = await signedOffStory(ctx);
    expect(signOff.signatureValid).toBe(true);
    const update = await ctx.dispatch('stories:update', { id: story.id, changes: { title: 'New title' } });
    expect(update).toMatchObject({ ok: false, error: { kind: 'locked' } });
    expect(raw("UPDATE stories SET narrative = 'changed' WHERE id = ?", story.id)).toThrow(
      /locked: the story is signed off/,
    );
    expect(raw('DELETE FROM stories WHERE id = ?', story.id)).toThrow(/locked/);
    expect(raw('UPDATE story_consents SET scopes = \'["public"]\' WHERE story_id = ?', story.id)).toThrow(
      /locked: the story is signed off/,
    );
    expect(raw('DELETE FROM story_read_backs WHERE story_id = ?', story.id)).toThrow(/locked/);
    expect(
      raw(
        "INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id) VALUES ('story', ?, 'trust-key-themes', 'access')",
        story.id,
      ),
    ).toThrow(/locked: the story is signed off/);
  });

  it('still lets the storyteller withdraw consent, and the signature stays valid', async () => {
    const { story } = await signedOffStory(ctx);
    const { story: withdrawn } = await ctx.call('stories:withdraw-consent', {
      id: story.id,
      withdrawnOn: '2026-03-10',
    });
    expect(withdrawn.status).toBe('withdrawn');
    const review = await ctx.call('sign-off:get', { kind: 'story', id: story.id });
    expect(review.signOff?.signatureValid).toBe(true);
  });

  it('refuses a story whose consent has been withdrawn', async () => {
    const story = await approvedStory(ctx);
    await ctx.call('stories:withdraw-consent', { id: story.id, withdrawnOn: '2026-03-10' });
    const review = await ctx.call('sign-off:get', { kind: 'story', id: story.id });
    expect(review.readyToSign).toBe(false);
    expect(review.blockers.join(' ')).toMatch(/withdrawn consent/);
  });
});

describe('addenda', () => {
  it('are added only after sign-off, signed, listed in order and never changed', async () => {
    const { roundId } = await completedRound(ctx);
    const early = await ctx.dispatch('sign-off:add-addendum', {
      kind: 'round',
      id: roundId,
      text: 'Correction',
      ...SIGNER,
    });
    expect(early).toMatchObject({ ok: false, error: { kind: 'validation' } });

    const { roundId: signed } = await signedOffRound(ctx);
    const first = await ctx.call('sign-off:add-addendum', {
      kind: 'round',
      id: signed,
      text: 'The Day Unit visit was at 11:30, not 11:00.',
      ...SIGNER,
    });
    const second = await ctx.call('sign-off:add-addendum', {
      kind: 'round',
      id: signed,
      text: 'The estates team has since fixed the door.',
      signerName: 'Tom Okafor',
      signerRole: 'Governor',
    });
    expect(first.signatureValid).toBe(true);
    const review = await ctx.call('sign-off:get', { kind: 'round', id: signed });
    expect(review.addenda).toEqual([first, second]);
    expect(raw("UPDATE sign_off_addenda SET text = 'rewritten'")).toThrow(
      /locked: an addendum cannot be changed/,
    );
    expect(raw('DELETE FROM sign_off_addenda')).toThrow(/locked/);
    expect(auditEntries(ctx, first.id)).toMatchObject([{ action: 'sign_off', entity: 'round_addendum' }]);
  });

  it('shows an addendum whose text was changed behind the triggers’ back as invalid', async () => {
    const { roundId } = await signedOffRound(ctx);
    await ctx.call('sign-off:add-addendum', { kind: 'round', id: roundId, text: 'A correction.', ...SIGNER });
    ctx.store.sqlite.exec(
      "DROP TRIGGER sign_off_addenda_no_update; UPDATE sign_off_addenda SET text = 'Another.'",
    );
    const review = await ctx.call('sign-off:get', { kind: 'round', id: roundId });
    expect(review.addenda[0]?.signatureValid).toBe(false);
  });
});
