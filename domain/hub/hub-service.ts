import { randomUUID, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { describeHubError, publishUnits, pullUnits, type PulledUnit } from '../../db/hub/hub-client';
import { bundleSourceRepository } from '../../db/repositories/bundle-source-repository';
import { SETTING_KEYS } from '../../db/repositories/settings-repository';
import type { BundleCountsDto, SignedUnitDto } from '../../ipc/bundle-units-schemas';
import { AppError } from '../../ipc/errors';
import { BundleError } from '../bundles/bundle-errors';
import { collectBundleContents } from '../bundles/bundle-export';
import { emptyCounts, mergeUnits, type UnitCounts } from '../bundles/bundle-merge';
import { ownKeyId } from '../bundles/bundles-service';
import { staffNames } from '../settings/staff-names';
import { formatFingerprint } from '../signing/signing-keys';
import { openHub, settingsOf, storedConnection, type HubDeps } from './hub-connection';
import { checkHubRow, publicKeyOf, toHubRow } from './hub-units';

// The trust hub from a laptop: what is signed off goes into an outbox first (one bundle, its id
// fixed), and the outbox is published when the hub can be reached — so publishing works offline
// (it queues), survives a dropped connection (the same bundle is sent again; the hub takes it
// once), and never sends anything twice. Pulling reads what others published since the last
// pull and merges it through the same merge as a bundle file, after checking every unit's
// signature against the signers this laptop trusts. Units that cannot be merged yet are held,
// with the reason, and tried again at every pull.

export type { HubDeps } from './hub-connection';
export { createHubDeps, saveHubConnection, testHubConnection } from './hub-connection';

/** Progress and cancel, as a job gives them (domain/jobs/job-runner.ts). */
export type HubControl = {
  stage: (progress: number, stage: string) => void;
  /** True when the person cancelled: stop before the next bundle or batch. */
  cancelled: () => Promise<boolean>;
};
const noControl: HubControl = { stage: () => undefined, cancelled: async () => false };

const HubState = z.object({ queuedUntil: z.string().nullable(), horizon: z.string().nullable() });
type HubState = z.output<typeof HubState>;

function state(deps: HubDeps): HubState {
  const parsed = HubState.safeParse(settingsOf(deps).get(SETTING_KEYS.hubState));
  return parsed.success ? parsed.data : { queuedUntil: null, horizon: null };
}

function setState(deps: HubDeps, next: HubState): void {
  settingsOf(deps).set(SETTING_KEYS.hubState, next, deps.bundles.store.now().toISOString());
}

export function hubStatus(deps: HubDeps) {
  const connection = storedConnection(deps);
  const lastPublished = deps.hub.lastPublished();
  const lastPull = deps.hub.lastPull();
  return {
    connection: connection
      ? {
          host: connection.host,
          port: connection.port,
          database: connection.database,
          user: connection.user,
          hasCaCertificate: connection.caCertificatePem !== null,
        }
      : null,
    queued: deps.hub.queued(),
    lastPublish: lastPublished
      ? { at: lastPublished.publishedAt, counts: JSON.parse(lastPublished.counts) as BundleCountsDto }
      : null,
    lastPull: lastPull
      ? {
          at: lastPull.finishedAt,
          added: JSON.parse(lastPull.added) as UnitCounts,
          skipped: JSON.parse(lastPull.skipped) as UnitCounts,
          held: lastPull.held,
        }
      : null,
    held: deps.hub.held().map(({ unitId, kind, keyId, reason }) => ({
      unitId,
      kind,
      keyId,
      fingerprint: formatFingerprint(keyId),
      reason,
    })),
  };
}

/** Puts everything signed off since the last time into the outbox as one bundle; null if nothing. */
export function queueForHub(deps: HubDeps): { bundleId: string; counts: BundleCountsDto } | null {
  const { store } = deps.bundles;
  const until = store.now().toISOString();
  const current = state(deps);
  const contents = collectBundleContents(
    {
      source: bundleSourceRepository(store.sqlite),
      identity: deps.bundles.identity(),
      staffNames: staffNames(store),
      now: store.now(),
    },
    { since: current.queuedUntil, until, from: null, to: null },
  );
  if (contents.units.length === 0) return null;
  const bundleId = randomUUID();
  store.transaction(() => {
    deps.hub.queue({
      bundleId,
      createdAt: until,
      units: JSON.stringify(contents.units.map(toHubRow)),
      counts: JSON.stringify(contents.counts),
    });
    setState(deps, { ...current, queuedUntil: until });
    store.audit.append({
      action: 'export',
      entity: 'hub_bundle',
      entityId: bundleId,
      detail: { counts: contents.counts },
    });
  });
  return { bundleId, counts: contents.counts };
}

export type PublishReport = { published: number; alreadyThere: number; units: number; stillQueued: number };

/** Queues what is new, then sends every queued bundle, oldest first, each in one transaction. */
export async function publishToHub(
  deps: HubDeps,
  control: HubControl = noControl,
  options: { queueNew?: boolean } = {},
): Promise<PublishReport> {
  if (options.queueNew !== false) queueForHub(deps);
  const pending = deps.hub.pending();
  const report: PublishReport = { published: 0, alreadyThere: 0, units: 0, stillQueued: pending.length };
  if (pending.length === 0) return report;
  const { client, connection } = await openHub(deps);
  const keyId = deps.bundles.identity().keyId;
  try {
    for (const entry of pending) {
      if (await control.cancelled()) break;
      const rows = JSON.parse(entry.units) as ReturnType<typeof toHubRow>[];
      let result;
      try {
        result = await publishUnits(client, entry.bundleId, keyId, rows);
      } catch (error) {
        throw new AppError('hub', describeHubError(error, connection));
      }
      deps.bundles.store.transaction(() =>
        deps.hub.markPublished(entry.bundleId, deps.bundles.store.now().toISOString()),
      );
      if (result === 'published') report.published += 1;
      else report.alreadyThere += 1;
      report.units += rows.length;
      report.stillQueued -= 1;
      const sent = report.published + report.alreadyThere;
      control.stage(
        sent / pending.length,
        `${sent} of ${pending.length} bundles sent (${report.units} records)`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return report;
}

export type PullReport = {
  added: UnitCounts;
  skipped: UnitCounts;
  held: { unitId: string; reason: string }[];
};

function trustedKeys(deps: HubDeps): (keyId: string) => KeyObject | null {
  const own = ownKeyId(deps.bundles);
  const cache = new Map<string, KeyObject | null>();
  return (keyId) => {
    if (!cache.has(keyId)) {
      if (keyId === own) cache.set(keyId, deps.bundles.identity().publicKey);
      else {
        const signer = deps.bundles.store.trustedSigners.get(keyId);
        cache.set(keyId, signer ? publicKeyOf(signer.publicKeyPem) : null);
      }
    }
    return cache.get(keyId)!;
  };
}

/** Merges one batch of pulled rows: each hub bundle's units together, a conflict held whole. */
function mergeBatch(
  deps: HubDeps,
  rows: readonly PulledUnit[],
  report: PullReport,
  keyFor: (k: string) => KeyObject | null,
) {
  const { store } = deps.bundles;
  const importedAt = store.now().toISOString();
  const own = ownKeyId(deps.bundles);
  const hold = (row: PulledUnit, reason: string) => {
    const { id: unitId, bundleId, keyId, kind, payload, signature } = row;
    deps.hub.hold({ unitId, bundleId, keyId, kind, payload, signature, reason, heldAt: importedAt });
    report.held.push({ unitId: row.id, reason });
  };
  const groups = new Map<string, { rows: PulledUnit[]; units: SignedUnitDto[] }>();
  for (const row of rows) {
    const checked = checkHubRow(row, keyFor);
    if (!checked.ok) {
      store.transaction(() => hold(row, checked.reason));
      continue;
    }
    const group = groups.get(row.bundleId) ?? { rows: [], units: [] };
    group.rows.push(row);
    group.units.push(checked.unit);
    groups.set(row.bundleId, group);
  }
  for (const [bundleId, group] of groups) {
    const contributorKeyId = group.rows[0]!.keyId;
    try {
      store.transaction(() => {
        const merged = mergeUnits(
          deps.bundles.repo,
          group.units,
          { contributorKeyId, bundleId, importedAt },
          own,
        );
        for (const row of group.rows) deps.hub.release(row.id);
        for (const kind of Object.keys(merged.added) as (keyof UnitCounts)[]) {
          report.added[kind] += merged.added[kind];
          report.skipped[kind] += merged.skipped[kind];
        }
      });
    } catch (error) {
      if (!(error instanceof BundleError)) throw error;
      store.transaction(() => group.rows.forEach((row) => hold(row, error.message)));
    }
  }
}

class PullCancelled extends Error {}

/** Brings in what others published since the last pull, and what was held back before. */
export async function pullFromHub(deps: HubDeps, control: HubControl = noControl): Promise<PullReport> {
  const { store } = deps.bundles;
  const startedAt = store.now().toISOString();
  const report: PullReport = { added: emptyCounts(), skipped: emptyCounts(), held: [] };
  const keyFor = trustedKeys(deps);
  const heldBefore = deps.hub
    .held()
    .map(({ unitId, heldAt, reason: _reason, ...row }) => ({ ...row, id: unitId, receivedAt: heldAt }));
  if (heldBefore.length > 0) mergeBatch(deps, heldBefore, report, keyFor);
  const { client, connection } = await openHub(deps);
  let pulled: { horizon: string; count: number };
  try {
    pulled = await pullUnits(client, state(deps).horizon, async (batch, { done, total }) => {
      // Each batch merges in its own transaction, so a cancel keeps what was merged and leaves
      // the horizon where it was: the next pull reads those rows again and skips them.
      if (await control.cancelled()) throw new PullCancelled();
      mergeBatch(deps, batch, report, keyFor);
      control.stage(total === 0 ? 1 : done / total, `${done} of ${total} records read`);
    });
  } catch (error) {
    if (error instanceof PullCancelled) return report;
    throw error instanceof AppError ? error : new AppError('hub', describeHubError(error, connection));
  } finally {
    await client.end().catch(() => undefined);
  }
  store.transaction(() => {
    setState(deps, { ...state(deps), horizon: pulled.horizon });
    deps.hub.logPull({
      startedAt,
      finishedAt: store.now().toISOString(),
      horizon: pulled.horizon,
      added: JSON.stringify(report.added),
      skipped: JSON.stringify(report.skipped),
      held: report.held.length,
    });
    store.audit.append({
      action: 'create',
      entity: 'hub_pull',
      entityId: pulled.horizon,
      detail: { added: report.added, held: report.held.length },
    });
  });
  return report;
}
