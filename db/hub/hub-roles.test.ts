import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '../../test/helpers/postgres-cluster';
import { HUB_MIGRATIONS_FOLDER, hubVersion, initHub } from './hub-migrate';
import { applyGrant, publisherGrantSql, readerGrantSql } from './hub-roles';

// Every rule here is the database's own: each test logs in over TCP as the role it is about.

const DB = 'trust_hub';
const PASSWORD = 'correct horse battery staple';

type Key = { keyId: string; publicKeyPem: string };

/** An Ed25519 key as the app makes one: its id is the SHA-256 of the raw 32-byte public key. */
function newKey(): Key {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return {
    keyId: createHash('sha256').update(raw).digest('hex'),
    publicKeyPem: String(publicKey.export({ type: 'spki', format: 'pem' })),
  };
}

type Unit = { id: string; kind: string; keyId: string; payload: string; signature: string };

function unit(keyId: string, payload = '{"round":"r"}', kind = 'round'): Unit {
  return { id: randomUUID(), kind, keyId, payload, signature: 'c2lnbmF0dXJl' };
}

describe('the trust hub in PostgreSQL', () => {
  let cluster: PostgresCluster;
  let alice: Key;
  let bob: Key;

  async function as<T>(role: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({
      connectionString: role === cluster.adminUser ? cluster.url(DB) : cluster.url(DB, role, PASSWORD),
    });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  const publish = (role: string, bundleId: string, keyId: string, units: Unit[]) =>
    as(role, async (client) => {
      const { rows } = await client.query<{ result: string }>(
        'select px_hub.publish_bundle($1, $2, $3::jsonb) as result',
        [bundleId, keyId, JSON.stringify(units)],
      );
      return rows[0]!.result;
    });

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    cluster.psql(`create database ${DB};`);
    for (const role of ['alice', 'bob', 'rita']) {
      cluster.psql(`create role ${role} login password '${PASSWORD}';`);
    }
    await as(cluster.adminUser, (client) => initHub(client, HUB_MIGRATIONS_FOLDER));
    alice = newKey();
    bob = newKey();
    await as(cluster.adminUser, async (client) => {
      await applyGrant(
        client,
        publisherGrantSql({ role: 'alice', keyId: alice.keyId, publicKeyPem: alice.publicKeyPem }),
      );
      await applyGrant(
        client,
        publisherGrantSql({ role: 'bob', keyId: bob.keyId, publicKeyPem: bob.publicKeyPem }),
      );
      await applyGrant(client, readerGrantSql('rita'));
    });
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('sets itself up once: a second init changes nothing', async () => {
    const before = cluster.psql('select count(*) from px_hub_meta.migrations;', DB).trim();
    const applied = await as(cluster.adminUser, (client) => initHub(client, HUB_MIGRATIONS_FOLDER));
    expect(applied).toEqual([]);
    expect(cluster.psql('select count(*) from px_hub_meta.migrations;', DB).trim()).toBe(before);
  });

  it('lets a publisher publish a bundle signed with their own key, once', async () => {
    const bundleId = randomUUID();
    const units = [unit(alice.keyId), unit(alice.keyId, '{"story":"s"}', 'story')];
    expect(await publish('alice', bundleId, alice.keyId, units)).toBe('published');
    expect(await publish('alice', bundleId, alice.keyId, units)).toBe('already_published');
    const count = cluster.psql(`select count(*) from px_hub.units where bundle_id = '${bundleId}';`, DB);
    expect(count.trim()).toBe('2');
  });

  it('refuses a publisher publishing with a key registered to someone else', async () => {
    await expect(publish('alice', randomUUID(), bob.keyId, [unit(bob.keyId)])).rejects.toThrow(
      /registered to another publisher/,
    );
  });

  it('refuses a unit signed with another key than its bundle', async () => {
    await expect(publish('alice', randomUUID(), alice.keyId, [unit(bob.keyId)])).rejects.toThrow(
      /signed with another key/,
    );
  });

  it('refuses the same unit again with different content, and keeps the first', async () => {
    const first = unit(alice.keyId, '{"v":1}');
    await publish('alice', randomUUID(), alice.keyId, [first]);
    await expect(
      publish('alice', randomUUID(), alice.keyId, [{ ...first, payload: '{"v":2}' }]),
    ).rejects.toThrow(/already on the hub with different content/);
    expect(cluster.psql(`select payload from px_hub.units where id = '${first.id}';`, DB).trim()).toBe(
      '{"v":1}',
    );
  });

  it('half a bundle never lands: a failure part-way leaves nothing of it', async () => {
    const bundleId = randomUUID();
    await expect(
      publish('alice', bundleId, alice.keyId, [unit(alice.keyId), unit(bob.keyId)]),
    ).rejects.toThrow();
    expect(cluster.psql(`select count(*) from px_hub.bundles where id = '${bundleId}';`, DB).trim()).toBe(
      '0',
    );
  });

  it('gives a publisher no way in but the publishing function', async () => {
    await as('alice', async (client) => {
      await expect(
        client.query(
          `insert into px_hub.units (id, kind, key_id, bundle_id, payload, signature) values ($1, 'round', $2, $1, '{}', 'x')`,
          [randomUUID(), alice.keyId],
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(client.query('update px_hub.units set payload = payload')).rejects.toThrow(
        /permission denied/,
      );
      await expect(client.query('delete from px_hub.units')).rejects.toThrow(/permission denied/);
      await expect(client.query('truncate px_hub.units')).rejects.toThrow(/permission denied/);
    });
  });

  it('lets a reader read and nothing else', async () => {
    await as('rita', async (client) => {
      const { rows } = await client.query('select count(*)::int as n from px_hub.units');
      expect(rows[0].n).toBeGreaterThan(0);
      await expect(client.query('delete from px_hub.units')).rejects.toThrow(/permission denied/);
      await expect(
        client.query('select px_hub.publish_bundle($1, $2, $3::jsonb)', [randomUUID(), alice.keyId, '[]']),
      ).rejects.toThrow(/permission denied/);
    });
  });

  it('refuses updates, deletes and truncation even to the hub owner', async () => {
    await as(cluster.adminUser, async (client) => {
      await expect(client.query('update px_hub.units set kind = kind')).rejects.toThrow(/keeps everything/);
      await expect(client.query('delete from px_hub.bundles')).rejects.toThrow(/keeps everything/);
      await expect(client.query('truncate px_hub.units cascade')).rejects.toThrow(/keeps everything/);
    });
  });

  it('registers a key only under the id computed from it', async () => {
    await as(cluster.adminUser, async (client) => {
      const wrongId = bob.keyId.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      await expect(
        applyGrant(
          client,
          publisherGrantSql({ role: 'bob', keyId: wrongId, publicKeyPem: bob.publicKeyPem }),
        ),
      ).rejects.toThrow(/publisher_keys_key_matches/);
    });
  });

  it('keeps injection text in every field as text', async () => {
    const evil = `'); drop table px_hub.units; --`;
    const stored = unit(alice.keyId, JSON.stringify({ text: evil }));
    await publish('alice', randomUUID(), alice.keyId, [{ ...stored, signature: evil }]);
    const row = await as('rita', (client) =>
      client.query('select payload, signature from px_hub.units where id = $1', [stored.id]),
    );
    expect(row.rows[0]).toEqual({ payload: stored.payload, signature: evil });
    await expect(
      publish('alice', randomUUID(), alice.keyId, [{ ...unit(alice.keyId), kind: evil }]),
    ).rejects.toThrow(/units_kind/);
    expect(publisherGrantSql({ role: 'a"; drop role x; --', keyId: "k'", publicKeyPem: 'p' })).toContain(
      '"a""; drop role x; --"',
    );
  });

  it('refuses a hub set up by a newer version, untouched', async () => {
    cluster.psql(`create database newer_hub;`);
    const newer = new pg.Client({ connectionString: cluster.url('newer_hub') });
    await newer.connect();
    try {
      await initHub(newer, HUB_MIGRATIONS_FOLDER);
      await newer.query(
        `insert into px_hub_meta.migrations (idx, tag, hash) values (99, '0099_future', 'x')`,
      );
      await expect(initHub(newer, HUB_MIGRATIONS_FOLDER)).rejects.toThrow(/newer version of PX Rounds/);
      await expect(hubVersion(newer, HUB_MIGRATIONS_FOLDER)).rejects.toThrow(/newer version/);
      const { rows } = await newer.query('select count(*)::int as n from px_hub_meta.migrations');
      expect(rows[0].n).toBe(3);
    } finally {
      await newer.end();
    }
  });
});
