import type { ClearanceReportDto } from '../../ipc/contract';
import { approvedStory } from './story-fixtures';
import { observe, roundWithAreas } from './round-fixtures';
import type { TestContext } from './test-context';

export const SIGNER = { signerName: 'Helen Adeyemi', signerRole: 'Non-Executive Director' };
export const ATTESTATION = 'I confirm that this is a fair and accurate record of the round.';

/** Decides every undecided finding of an item: names kept (staff named for praise), the rest redacted. */
export async function decideAll(
  ctx: TestContext,
  itemKind: 'observation' | 'story',
  itemId: string,
): Promise<ClearanceReportDto> {
  let report = await ctx.call('clearance:check', { itemKind, itemId });
  for (;;) {
    const next = report.findings.find((f) => f.state === 'undecided');
    if (!next) return report;
    report = await ctx.call('clearance:decide', {
      itemKind,
      itemId,
      field: next.field,
      findingKey: next.findingKey,
      ...(next.kind === 'name'
        ? { decision: 'kept', reason: 'Staff member named for praise, with their agreement' }
        : { decision: 'redacted' }),
    });
  }
}

export const ROUND_TEXTS = {
  calm: 'The ward was calm, and the Rose Garden outside was tidy.',
  quote: 'They always tell me what they are doing before they do it.',
  phone: 'A carer asked us to call her back on 07700 900123 about parking.',
  praise: 'A patient said Nurse Sarah Jones had been wonderful all week.',
};

/** A completed round in two areas with four observations, one with a phone number and one a name. */
export async function completedRound(ctx: TestContext, startsAt = new Date()) {
  const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Oak Ward', 'Day Unit'], startsAt);
  const observations = [
    await observe(ctx, roundId, areas['Oak Ward']!, ROUND_TEXTS.calm, 'seen', 'not_applicable'),
    await observe(ctx, roundId, areas['Oak Ward']!, ROUND_TEXTS.quote, 'quote', 'patient'),
    await observe(ctx, roundId, areas['Day Unit']!, ROUND_TEXTS.phone, 'heard', 'carer_family'),
    await observe(ctx, roundId, areas['Day Unit']!, ROUND_TEXTS.praise, 'heard', 'patient'),
  ];
  await ctx.call('rounds:complete', { roundId });
  return { roundId, areas, observations };
}

/** Decides every finding of a completed round's observations and signs the round off. */
export async function signOffCompletedRound(
  ctx: TestContext,
  round: { roundId: string; observations: readonly { id: string }[] },
) {
  for (const o of round.observations) await decideAll(ctx, 'observation', o.id);
  return ctx.call('sign-off:sign', { kind: 'round', id: round.roundId, ...SIGNER, attestation: ATTESTATION });
}

/** A completed round with every finding decided, signed off. */
export async function signedOffRound(ctx: TestContext, startsAt = new Date()) {
  const round = await completedRound(ctx, startsAt);
  return { ...round, signOff: await signOffCompletedRound(ctx, round) };
}

/** An approved story (consent for `scopes`), its findings decided, signed off. */
export async function signedOffStory(ctx: TestContext, consent: Parameters<typeof approvedStory>[1] = {}) {
  const story = await approvedStory(ctx, consent);
  await decideAll(ctx, 'story', story.id);
  const signOff = await ctx.call('sign-off:sign', {
    kind: 'story',
    id: story.id,
    ...SIGNER,
    attestation: 'I confirm the story is told as approved.',
  });
  return { story: await ctx.call('stories:get', { id: story.id }), signOff };
}
