import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundlesDepsOf, exchangeCollectionKey, sendBundle } from '../../test/helpers/bundle-fixtures';
import { registerHubPublisher, startHubCluster } from '../../test/helpers/hub-fixtures';
import type { PostgresCluster } from '../../test/helpers/postgres-cluster';
import { signedOffRound, signedOffStory } from '../../test/helpers/sign-off-fixtures';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';
import type { BundlesDeps } from '../bundles/bundles-service';
import { importBundleFile } from '../bundles/bundles-service';
import {
  createHubDeps,
  hubStatus,
  publishToHub,
  pullFromHub,
  saveHubConnection,
  type HubDeps,
} from './hub-service';

// Laptops meeting at a real PostgreSQL hub, logged in as the roles trust IT would grant.

const DB = 'trust_hub';
const PASSWORD = 'a password IT chose';

/**
 * What the trust view shows: every record table, without where each copy came from (and without
 * when each laptop installed its built-in question sets).
 */
function trustView(ctx: TestContext): string {
  const skip =
    /^(audit_log|settings|bundle_imports|bundles_sent|collection_keys|hub_|trusted_signers|__px|search|last_checkpoint|sqlite_)/;
  const tables = (
    ctx.store.sqlite
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all() as string[]
  ).filter((t) => !skip.test(t));
  return tables
    .map((table) => {
      const rows = ctx.store.sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
      const shown = rows.map((row) => {
        const { bundle_id: _b, imported_at: _i, ...rest } = row;
        if (table === 'templates' && rest.source === 'builtin') delete rest.created_at;
        return JSON.stringify(rest);
      });
      return `${table}\n${shown.sort().join('\n')}`;
    })
    .join('\n');
}

describe('publishing to and pulling from the trust hub', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startHubCluster({
      database: DB,
      roles: ['ann', 'ben', 'peig_lead'],
      password: PASSWORD,
      reader: 'peig_lead',
    });
  }, 120_000);
  afterAll(() => cluster?.stop());

  let contexts: TestContext[] = [];
  beforeEach(() => {
    contexts = [];
  });
  afterEach(() => contexts.forEach((c) => c.dispose()));
  const laptop = () => {
    const ctx = createTestContext();
    contexts.push(ctx);
    return ctx;
  };

  function connect(deps: HubDeps, user: string) {
    saveHubConnection(deps, {
      host: '127.0.0.1',
      port: cluster.port,
      database: DB,
      user,
      caCertificatePem: null,
      password: PASSWORD,
    });
  }

  const registerPublisher = (role: string, bundles: BundlesDeps) =>
    registerHubPublisher(cluster.url(DB), role, bundles.identity());

  async function trust(lead: TestContext, contributor: BundlesDeps, name: string) {
    await lead.call('signing:trust', {
      name,
      role: 'Governor',
      publicKeyPem: contributor.identity().publicKeyPem,
    });
  }

  it('gives the lead the same trust view as importing the same bundles, and twice changes nothing', async () => {
    const ann = laptop();
    const ben = laptop();
    await signedOffRound(ann);
    await signedOffStory(ann);
    await signedOffRound(ben);
    const annBundles = bundlesDepsOf(ann);
    const benBundles = bundlesDepsOf(ben);
    await registerPublisher('ann', annBundles);
    await registerPublisher('ben', benBundles);

    const annHub = createHubDeps(annBundles);
    const benHub = createHubDeps(benBundles);
    connect(annHub, 'ann');
    connect(benHub, 'ben');
    expect(await publishToHub(annHub)).toMatchObject({ published: 1, stillQueued: 0 });
    expect(await publishToHub(benHub)).toMatchObject({ published: 1, stillQueued: 0 });
    expect(await publishToHub(annHub)).toEqual({ published: 0, alreadyThere: 0, units: 0, stillQueued: 0 });

    const lead = laptop();
    await trust(lead, annBundles, 'Ann');
    await trust(lead, benBundles, 'Ben');
    const leadHub = createHubDeps(bundlesDepsOf(lead));
    connect(leadHub, 'peig_lead');
    const pulled = await pullFromHub(leadHub);
    expect(pulled.held).toEqual([]);
    expect(pulled.added).toMatchObject({ round: 2, story: 1 });
    const afterPull = trustView(lead);
    const again = await pullFromHub(leadHub);
    expect(again.added).toMatchObject({ round: 0, story: 0 });
    expect(trustView(lead)).toBe(afterPull);

    // The same work sent as bundle files to another lead.
    const fileLead = laptop();
    const fileLeadBundles = bundlesDepsOf(fileLead);
    const keyId = exchangeCollectionKey(fileLeadBundles, [annBundles, benBundles]);
    for (const contributor of [annBundles, benBundles]) {
      const sent = sendBundle(contributor, keyId);
      importBundleFile(fileLeadBundles, sent.bytes, { fileName: sent.fileName, confirmSigner: true });
    }
    expect(trustView(fileLead)).toBe(afterPull);
    // The status shows the last pull: the second, which moved nothing.
    expect(hubStatus(leadHub).lastPull).toMatchObject({ added: { round: 0, story: 0 }, held: 0 });
  });

  it('holds units from a signer not trusted here, names them, and merges them once trusted', async () => {
    const ann = laptop();
    await signedOffRound(ann);
    const annBundles = bundlesDepsOf(ann);
    await registerPublisher('ann', annBundles);
    const annHub = createHubDeps(annBundles);
    connect(annHub, 'ann');
    await publishToHub(annHub);

    const lead = laptop();
    const leadHub = createHubDeps(bundlesDepsOf(lead));
    connect(leadHub, 'peig_lead');
    // The hub also holds other tests' laptops' work, which this lead trusts no more than Ann's.
    const annKey = annBundles.identity().keyId;
    const heldFromAnn = () => hubStatus(leadHub).held.filter((h) => h.keyId === annKey);
    const first = await pullFromHub(leadHub);
    expect(heldFromAnn().length).toBeGreaterThan(0);
    expect(first.held.every((h) => /does not trust yet/.test(h.reason))).toBe(true);
    expect(lead.store.sqlite.prepare('SELECT count(*) FROM rounds').pluck().get()).toBe(0);

    await trust(lead, annBundles, 'Ann');
    const second = await pullFromHub(leadHub);
    expect(second.added.round).toBe(1);
    expect(heldFromAnn()).toEqual([]);
    expect(lead.store.sqlite.prepare('SELECT contributor_key_id FROM rounds').pluck().all()).toEqual([
      annKey,
    ]);
  });

  it('queues while the hub cannot be reached, and sends the queue when it can', async () => {
    const ann = laptop();
    await signedOffRound(ann);
    const annBundles = bundlesDepsOf(ann);
    await registerPublisher('ann', annBundles);
    const annHub = createHubDeps(annBundles);
    saveHubConnection(annHub, {
      host: '127.0.0.1',
      port: 1,
      database: DB,
      user: 'ann',
      caCertificatePem: null,
      password: PASSWORD,
    });
    await expect(publishToHub(annHub)).rejects.toThrow(/cannot be reached\. Your work is kept here/);
    expect(hubStatus(annHub).queued).toBe(1);
    connect(annHub, 'ann');
    expect(await publishToHub(annHub)).toMatchObject({ published: 1, stillQueued: 0 });
    expect(hubStatus(annHub).queued).toBe(0);
  });

  it('refuses a reader trying to publish, and keeps the bundle queued', async () => {
    const rita = laptop();
    await signedOffRound(rita);
    const hub = createHubDeps(bundlesDepsOf(rita));
    connect(hub, 'peig_lead');
    await expect(publishToHub(hub)).rejects.toThrow(/refused this|Only a publisher/);
    expect(hubStatus(hub).queued).toBe(1);
  });

  it('keeps the hub password wrapped, never in plain text', async () => {
    const ctx = laptop();
    const hub = createHubDeps(bundlesDepsOf(ctx));
    connect(hub, 'ann');
    const stored = ctx.store.sqlite
      .prepare(`SELECT value FROM settings WHERE key = 'hub_connection'`)
      .pluck()
      .get();
    expect(String(stored)).not.toContain(PASSWORD);
  });
});
