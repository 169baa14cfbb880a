import { calendarDateIn } from '../../domain/time/trust-time';
import type { RequestOf } from '../../ipc/contract';
import { completedRound, SIGNER, signOffCompletedRound } from './sign-off-fixtures';
import type { TestContext } from './test-context';

/** What the PEIG lead's export asks for besides its filter: the trust, who signs, the file. */
export function leadExportHeader(fileName: string) {
  return {
    organisation: 'Example NHS Foundation Trust',
    signOff: {
      signerName: 'Pat',
      signerRole: 'PEIG lead',
      attestation: 'I confirm',
      signedAt: new Date().toISOString(),
      keyId: 'a'.repeat(64),
    },
    fileName,
  };
}

/**
 * A round on the 15 Steps question set (the fixtures' default), completed and signed off with its
 * first two observations tagged with the question set's headings, the second with a trust key
 * theme too.
 */
export async function signedOffFifteenStepsRound(ctx: TestContext) {
  const round = await completedRound(ctx);
  const [calm, quote] = round.observations;
  const step = (tagId: string) => ({
    frameworkId: 'fifteen-steps-domains',
    tagId,
    impact: null,
    description: null,
  });
  await ctx.call('tagging:set-item-tags', {
    kind: 'observation',
    id: calm!.id,
    tags: [step('well-organised-and-calm')],
    equalityStatus: 'not_recorded',
  });
  await ctx.call('tagging:set-item-tags', {
    kind: 'observation',
    id: quote!.id,
    tags: [step('caring-and-involving'), { ...step('listen-and-learn'), frameworkId: 'trust-key-themes' }],
    equalityStatus: 'not_recorded',
  });
  await signOffCompletedRound(ctx, round);
  return round;
}

/** An action in `areaId` at Sutton, done, saying what was done: what a poster shows. */
export async function doneActionWithEvidence(ctx: TestContext, areaId: string) {
  const action = await ctx.call('actions:create', {
    said: 'The door to the bay sticks and wakes patients at night.',
    willDo: 'Estates will fix the door.',
    ownerName: 'Estates helpdesk',
    areaId,
    site: 'Sutton',
  });
  await ctx.call('actions:update', {
    id: action.id,
    changes: { evidence: 'We fixed the door so it closes quietly.' },
  });
  return ctx.call('actions:set-status', { id: action.id, status: 'done', reason: 'Fixed' });
}

type ExportRequest = RequestOf<'exports:start'>;

/** What the app is asked for, to export today's documents: a round's summary, the period report, the poster. */
export function todaysExportRequests(roundId: string): {
  roundSummary: ExportRequest;
  periodReport: ExportRequest;
  poster: ExportRequest & { documentType: 'you_said_we_did' };
} {
  const today = calendarDateIn(new Date());
  const attested = { ...SIGNER, attestation: 'I confirm this.', from: today, to: today };
  return {
    roundSummary: { documentType: 'round_summary', roundId, personalDataConfirmed: true },
    periodReport: { documentType: 'period_report', site: null, personalDataConfirmed: true, ...attested },
    poster: { documentType: 'you_said_we_did', areaId: null, personalDataConfirmed: true, ...attested },
  };
}
