import type { Database } from 'better-sqlite3-multiple-ciphers';

// A laptop's own record of the trust hub (migration 0015): the outbox of bundles waiting to be
// published, units pulled but held back, and the pull log.

export type OutboxRow = { bundleId: string; createdAt: string; units: string; counts: string };
export type HeldUnitRow = {
  unitId: string;
  bundleId: string;
  keyId: string;
  kind: string;
  payload: string;
  signature: string;
  reason: string;
  heldAt: string;
};
export type PullRow = {
  startedAt: string;
  finishedAt: string;
  horizon: string;
  added: string;
  skipped: string;
  held: number;
};

export function hubRepository(sqlite: Database) {
  const queue = sqlite.prepare(
    'INSERT INTO hub_outbox (bundle_id, created_at, units, counts) VALUES (@bundleId, @createdAt, @units, @counts)',
  );
  const pending = sqlite.prepare(
    'SELECT bundle_id AS bundleId, created_at AS createdAt, units, counts FROM hub_outbox WHERE published_at IS NULL ORDER BY created_at, bundle_id',
  );
  const queued = sqlite.prepare('SELECT count(*) FROM hub_outbox WHERE published_at IS NULL').pluck();
  const markPublished = sqlite.prepare(
    'UPDATE hub_outbox SET published_at = ? WHERE bundle_id = ? AND published_at IS NULL',
  );
  const lastPublished = sqlite.prepare(
    'SELECT published_at AS publishedAt, counts FROM hub_outbox WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 1',
  );
  const hold = sqlite.prepare(
    `INSERT INTO hub_held_units (unit_id, bundle_id, key_id, kind, payload, signature, reason, held_at)
     VALUES (@unitId, @bundleId, @keyId, @kind, @payload, @signature, @reason, @heldAt)
     ON CONFLICT (unit_id) DO UPDATE SET reason = excluded.reason`,
  );
  const held = sqlite.prepare(
    'SELECT unit_id AS unitId, bundle_id AS bundleId, key_id AS keyId, kind, payload, signature, reason, held_at AS heldAt FROM hub_held_units ORDER BY held_at, unit_id',
  );
  const release = sqlite.prepare('DELETE FROM hub_held_units WHERE unit_id = ?');
  const logPull = sqlite.prepare(
    'INSERT INTO hub_pulls (started_at, finished_at, horizon, added, skipped, held) VALUES (@startedAt, @finishedAt, @horizon, @added, @skipped, @held)',
  );
  const lastPull = sqlite.prepare(
    'SELECT started_at AS startedAt, finished_at AS finishedAt, horizon, added, skipped, held FROM hub_pulls ORDER BY id DESC LIMIT 1',
  );
  return {
    queue: (row: OutboxRow) => void queue.run(row),
    pending: () => pending.all() as OutboxRow[],
    /** How many bundles wait, without reading them. */
    queued: () => queued.get() as number,
    markPublished: (bundleId: string, at: string) => void markPublished.run(at, bundleId),
    lastPublished: () => (lastPublished.get() as { publishedAt: string; counts: string } | undefined) ?? null,
    hold: (row: HeldUnitRow) => void hold.run(row),
    held: () => held.all() as HeldUnitRow[],
    release: (unitId: string) => void release.run(unitId),
    logPull: (row: PullRow) => void logPull.run(row),
    lastPull: () => (lastPull.get() as PullRow | undefined) ?? null,
  };
}

export type HubRepository = ReturnType<typeof hubRepository>;
