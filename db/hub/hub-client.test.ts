import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '../../test/helpers/postgres-cluster';
import {
  connectHub,
  describeHubError,
  hubClientConfig,
  publishUnits,
  pullUnits,
  type HubConnection,
  type HubUnitRow,
  type PulledUnit,
} from './hub-client';
import { HUB_MIGRATIONS_FOLDER, initHub } from './hub-migrate';
import { applyGrant, publisherGrantSql, readerGrantSql } from './hub-roles';

const DB = 'hub';
const PASSWORD = 'a long enough password';

function newKeyId(): { keyId: string; publicKeyPem: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return {
    keyId: createHash('sha256').update(raw).digest('hex'),
    publicKeyPem: String(publicKey.export({ type: 'spki', format: 'pem' })),
  };
}

const unitsFor = (keyId: string, n: number): HubUnitRow[] =>
  Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    kind: 'round',
    keyId,
    payload: JSON.stringify({ n: i }),
    signature: 'c2ln',
  }));

describe('publishing to and pulling from the trust hub', () => {
  let cluster: PostgresCluster;
  let key: { keyId: string; publicKeyPem: string };
  const as = (user: string): HubConnection => ({
    host: '127.0.0.1',
    port: cluster.port,
    database: DB,
    user,
    caCertificatePem: null,
  });
  const admin = () => new pg.Client({ connectionString: cluster.url(DB) });

  async function pullAll(horizon: string | null) {
    const reader = await connectHub(as('rita'), PASSWORD);
    const seen: PulledUnit[] = [];
    try {
      const result = await pullUnits(reader, horizon, (batch) => void seen.push(...batch), 7);
      return { ...result, seen };
    } finally {
      await reader.end();
    }
  }

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    cluster.psql(`create database ${DB};`);
    for (const role of ['alice', 'rita']) cluster.psql(`create role ${role} login password '${PASSWORD}';`);
    key = newKeyId();
    const client = admin();
    await client.connect();
    await initHub(client, HUB_MIGRATIONS_FOLDER);
    await applyGrant(client, publisherGrantSql({ role: 'alice', ...key }));
    await applyGrant(client, readerGrantSql('rita'));
    await client.end();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('pulls every unit once in batches, and from the horizon only what came after', async () => {
    const publisher = await connectHub(as('alice'), PASSWORD);
    const first = unitsFor(key.keyId, 20);
    expect(await publishUnits(publisher, randomUUID(), key.keyId, first)).toBe('published');
    const all = await pullAll(null);
    expect(all.seen.map((u) => u.id).sort()).toEqual(first.map((u) => u.id).sort());
    expect(all.seen[0]).toMatchObject({ kind: 'round', keyId: key.keyId, signature: 'c2ln' });

    const second = unitsFor(key.keyId, 3);
    await publishUnits(publisher, randomUUID(), key.keyId, second);
    await publisher.end();
    const next = await pullAll(all.horizon);
    expect(next.seen.map((u) => u.id).sort()).toEqual(second.map((u) => u.id).sort());
  });

  it('does not skip a bundle that was still being published during a pull', async () => {
    const before = await pullAll(null);
    // A publish that has begun but not committed when the pull reads the hub.
    const slow = await connectHub(as('alice'), PASSWORD);
    await slow.query('begin');
    const late = unitsFor(key.keyId, 2);
    await publishUnits(slow, randomUUID(), key.keyId, late);
    const during = await pullAll(before.horizon);
    expect(during.seen.map((u) => u.id)).not.toContain(late[0]!.id);
    // Another bundle commits after it started and before it commits.
    const quick = await connectHub(as('alice'), PASSWORD);
    const early = unitsFor(key.keyId, 1);
    await publishUnits(quick, randomUUID(), key.keyId, early);
    await quick.end();
    await slow.query('commit');
    await slow.end();
    const after = await pullAll(during.horizon);
    expect(after.seen.map((u) => u.id)).toEqual(expect.arrayContaining([...late, ...early].map((u) => u.id)));
  });

  it('a connection killed mid-publish leaves nothing of the bundle, and publishing again completes it', async () => {
    const units = unitsFor(key.keyId, 6);
    const blocker = admin();
    await blocker.connect();
    // The hub's owner holds, uncommitted, a unit the bundle also carries: the publish inserts the
    // bundle and the units before it, then waits on that one.
    await blocker.query('begin');
    await blocker.query(
      `insert into px_hub.bundles (id, key_id, published_by, unit_count) values ($1, $2, 'owner', 1)`,
      [randomUUID(), key.keyId],
    );
    await blocker.query(
      `insert into px_hub.units (id, kind, key_id, bundle_id, payload, signature)
         select $1, 'round', $2, id, $3, 'c2ln' from px_hub.bundles where published_by = 'owner'`,
      [units[3]!.id, key.keyId, units[3]!.payload],
    );
    const bundleId = randomUUID();
    const publisher = await connectHub(as('alice'), PASSWORD);
    const publishing = publishUnits(publisher, bundleId, key.keyId, units).then(
      () => null,
      (error: unknown) => error,
    );
    const watcher = admin();
    await watcher.connect();
    for (let i = 0; i < 200; i += 1) {
      const { rows } = await watcher.query(
        `select 1 from pg_stat_activity where usename = 'alice' and wait_event_type = 'Lock'`,
      );
      if (rows.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await watcher.query(`select pg_terminate_backend(pid) from pg_stat_activity where usename = 'alice'`);
    const error = await publishing;
    expect(error).not.toBeNull();
    expect(describeHubError(error, { host: '127.0.0.1', port: cluster.port })).toMatch(
      /lost part-way\. Nothing was half-sent/,
    );
    await blocker.query('rollback');
    await blocker.end();
    const left = await watcher.query(
      'select count(*)::int as n from px_hub.units where id = any($1::uuid[])',
      [units.map((u) => u.id)],
    );
    expect(left.rows[0].n).toBe(0);
    const retry = await connectHub(as('alice'), PASSWORD);
    expect(await publishUnits(retry, bundleId, key.keyId, units)).toBe('published');
    expect(await publishUnits(retry, bundleId, key.keyId, units)).toBe('already_published');
    await retry.end();
    const now = await watcher.query('select count(*)::int as n from px_hub.units where bundle_id = $1', [
      bundleId,
    ]);
    expect(now.rows[0].n).toBe(6);
    await watcher.end();
  });

  it('says plainly when the password is wrong or the hub is down', async () => {
    const wrong = await connectHub(as('alice'), 'not the password').catch((e: unknown) => e);
    expect(describeHubError(wrong, { host: '127.0.0.1', port: cluster.port })).toBe(
      'The trust hub did not accept that user name and password.',
    );
    const closedPort = { ...as('alice'), port: 1 };
    const down = await connectHub(closedPort, PASSWORD).catch((e: unknown) => e);
    expect(describeHubError(down, closedPort)).toMatch(/cannot be reached\. Your work is kept here/);
  });

  it('insists on the trust CA certificate for anything but this computer', () => {
    const remote = { ...as('alice'), host: 'hub.trust.example' };
    expect(() => hubClientConfig(remote, PASSWORD)).toThrow(/CA certificate is needed/);
    const withCa = hubClientConfig({ ...remote, caCertificatePem: 'PEM' }, PASSWORD);
    expect(withCa.ssl).toEqual({ ca: 'PEM', rejectUnauthorized: true });
  });
});
