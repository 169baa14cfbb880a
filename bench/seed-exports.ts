import type { AppContext } from '../domain/app-context';
import { seedObservations, type SeedOptions } from './seed-observations';

// Databases for the export bench: a period of rounds that are completed and signed off, with
// about one observation in eight a direct quote, so the period report has quotes to pick and
// clear, and a single round the size of a long walkabout.

export const BENCH_SIGNER = { signerName: 'Helen Adeyemi', signerRole: 'Non-Executive Director' };

/**
 * Seeds observations, turns some into quotes, completes every round and marks it signed off
 * with a stand-in sign-off row (the period report reads the rounds' status, not their
 * signatures; a real sign-off is benched with the round summary).
 */
export function seedSignedOffPeriod(ctx: AppContext, options: SeedOptions): void {
  const { sqlite } = ctx.store;
  seedObservations(sqlite, options);
  sqlite.transaction(() => {
    sqlite.exec("UPDATE observations SET kind = 'quote' WHERE rowid % 8 = 0");
    sqlite.exec("UPDATE rounds SET status = 'completed', completed_at = starts_at");
    sqlite.exec(`INSERT INTO sign_offs (kind, item_id, signer_name, signer_role, attestation, signed_at, key_id,
        public_key_pem, content_sha256, signature)
      SELECT 'round', id, 'Bench', 'NED', 'Seeded for the bench', starts_at, '${'0'.repeat(64)}', '', '', '' FROM rounds`);
    sqlite.exec("UPDATE rounds SET status = 'signed_off'");
  })();
}

/** One completed round of `observations`, signed off through the channel like a person would. */
export async function seedSignedOffRound(ctx: AppContext, observations: number): Promise<string> {
  const { sqlite } = ctx.store;
  seedObservations(sqlite, {
    observations,
    from: new Date('2026-10-14T09:00:00Z'),
    to: new Date('2026-10-14T12:00:00Z'),
    sites: ['Sutton'],
    areasPerSite: 1,
    observationsPerRound: observations,
    seed: 11,
    tagged: 0.7,
  });
  sqlite.exec("UPDATE observations SET kind = 'quote' WHERE rowid % 8 = 0");
  const { id } = sqlite.prepare('SELECT id FROM rounds').get() as { id: string };
  for (const [channel, request] of [
    ['rounds:complete', { roundId: id }],
    ['sign-off:sign', { kind: 'round', id, ...BENCH_SIGNER, attestation: 'I confirm this record.' }],
  ] as const) {
    const result = await ctx.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  }
  return id;
}
