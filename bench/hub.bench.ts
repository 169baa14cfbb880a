import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { AppContext } from '../domain/app-context';
import { signUnit } from '../domain/bundles/signed-units';
import { publishToHub, pullFromHub, saveHubConnection } from '../domain/hub/hub-service';
import { toHubRow } from '../domain/hub/hub-units';
import { createSigningIdentity } from '../domain/signing/signing-keys';
import { publishUnits } from '../db/hub/hub-client';
import { HUB_MIGRATIONS_FOLDER, initHub } from '../db/hub/hub-migrate';
import { applyGrant, publisherGrantSql, readerGrantSql } from '../db/hub/hub-roles';
import type { RoundContentDto } from '../ipc/bundle-units-schemas';
import { startPostgresCluster, type PostgresCluster } from '../test/helpers/postgres-cluster';
import { openBenchContext } from './bench-context';
import { rawInsertRounds, signedOffRound } from './bench-fixtures';
import { row, type BenchRow, type BenchSuite } from './bench-types';
import { seededRandom } from './seed-observations';

// The trust hub on a real temporary PostgreSQL cluster. A governor's laptop publishes 5,000
// signed-off observations (ten rounds of 500) through the app; then a fresh laptop pulls the
// hub's 100,000 observations (200 rounds from four contributors) through the app: read, verify
// every signature, merge. The pull is gated on its ratio to the floor of moving the same rows
// with no app in between, measured in the same run: a plain `COPY … TO STDOUT` of those hub
// rows plus a raw prepared SQLite INSERT of their contents into a fresh database (goal 4× or
// less). Seconds and peak memory print with their targets and do not fail the bench.

const DB = 'trust_hub';
/** The governor publishes to a hub of its own, so the pull reads exactly the 100,000. */
const PUBLISH_DB = 'publish_hub';
const PASSWORD = 'bench password';
const PUBLISH_ROUNDS = 10;
const PULL_ROUNDS = 200;
const OBSERVATIONS_PER_ROUND = 500;
const CONTRIBUTORS = 4;

/** The floor's first half: the hub's rows out of PostgreSQL, as plain COPY sends them. */
async function copyOut(cluster: PostgresCluster): Promise<number> {
  const client = new pg.Client({ connectionString: cluster.url(DB) });
  await client.connect();
  try {
    const t0 = performance.now();
    // node-postgres reads every CopyData message off the wire and keeps none: the cost of the
    // rows leaving the server and arriving here, and nothing more.
    await client.query(
      `copy (select id, kind, key_id, payload, signature, bundle_id, received_at, tx, seq
               from px_hub.units where tx >= '0'::xid8 order by tx, seq) to stdout`,
    );
    return (performance.now() - t0) / 1000;
  } finally {
    await client.end();
  }
}

/** Samples resident memory while `work` runs; resolves to its seconds and the peak, in MB. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const t0 = performance.now();
  try {
    const value = await work();
    const seconds = (performance.now() - t0) / 1000;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(sampler);
  }
}

async function asAdmin(cluster: PostgresCluster, sql: (client: pg.Client) => Promise<void>, database = DB) {
  const client = new pg.Client({ connectionString: cluster.url(database) });
  await client.connect();
  try {
    await sql(client);
  } finally {
    await client.end();
  }
}

/** A governor's laptop with ten signed-off rounds of 500 observations, made through the app. */
async function governorLaptop(dir: string): Promise<AppContext> {
  const ctx = openBenchContext(dir);
  const call = async (channel: string, request: unknown) => {
    const result = await ctx.dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as Record<string, string>;
  };
  for (let r = 0; r < PUBLISH_ROUNDS; r += 1) {
    const round = await call('rounds:create', {
      startsAt: new Date(Date.now() - (r + 1) * 3_600_000).toISOString(),
      site: 'Sutton',
      templateId: null,
      team: [],
    });
    const { areaId } = await call('areas:add', { roundId: round.id, name: `Ward ${r}` });
    for (let i = 0; i < OBSERVATIONS_PER_ROUND; i += 1) {
      await call('observations:create', {
        roundId: round.id,
        areaId,
        kind: 'seen',
        source: 'not_applicable',
        text: `The ward was calm and the signs were clear (${r}.${i}).`,
        promptId: null,
      });
    }
    await call('rounds:complete', { roundId: round.id });
    await call('sign-off:sign', {
      kind: 'round',
      id: round.id,
      signerName: 'Alice Green',
      signerRole: 'Governor',
      attestation: 'I confirm that this is a fair and accurate record of the round.',
    });
  }
  return ctx;
}

const connection = (cluster: PostgresCluster, user: string, database = DB) => ({
  host: '127.0.0.1',
  port: cluster.port,
  database,
  user,
  caCertificatePem: null,
  password: PASSWORD,
});

export const hubSuite: BenchSuite = {
  name: 'hub',
  run: async (): Promise<BenchRow[]> => {
    const cluster = await startPostgresCluster();
    const dirs = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'pxr-bench-hub-')));
    try {
      cluster.psql(`create database ${DB};`);
      cluster.psql(`create database ${PUBLISH_DB};`);
      const roles = [
        'governor',
        'lead',
        ...Array.from({ length: CONTRIBUTORS }, (_, i) => `contributor_${i}`),
      ];
      for (const role of roles) cluster.psql(`create role ${role} login password '${PASSWORD}';`);
      for (const database of [DB, PUBLISH_DB]) {
        await asAdmin(
          cluster,
          (admin) => initHub(admin, HUB_MIGRATIONS_FOLDER).then(() => undefined),
          database,
        );
      }
      await asAdmin(cluster, (admin) => applyGrant(admin, readerGrantSql('lead')));

      // Publish 5,000 observations from a governor's laptop.
      const governor = await governorLaptop(dirs[0]!);
      const governorDeps = governor.hub.deps;
      const governorKey = governorDeps.bundles.identity();
      await asAdmin(
        cluster,
        (admin) => applyGrant(admin, publisherGrantSql({ role: 'governor', ...governorKey })),
        PUBLISH_DB,
      );
      saveHubConnection(governorDeps, connection(cluster, 'governor', PUBLISH_DB));
      const publish = await measured(() => publishToHub(governorDeps));
      if (publish.value.units !== PUBLISH_ROUNDS) throw new Error(`Published ${publish.value.units} units.`);
      governor.close();

      // The hub fills up with 100,000 observations from four contributors.
      const random = seededRandom(16);
      const contributors = Array.from({ length: CONTRIBUTORS }, () => createSigningIdentity());
      const rounds: RoundContentDto[] = [];
      for (const [c, identity] of contributors.entries()) {
        const role = `contributor_${c}`;
        await asAdmin(cluster, (admin) =>
          applyGrant(
            admin,
            publisherGrantSql({ role, keyId: identity.keyId, publicKeyPem: identity.publicKeyPem }),
          ),
        );
        const client = new pg.Client({ connectionString: cluster.url(DB, role, PASSWORD) });
        await client.connect();
        for (let b = 0; b < PULL_ROUNDS / CONTRIBUTORS / 10; b += 1) {
          const contents = Array.from({ length: 10 }, (_, r) =>
            signedOffRound(random, rounds.length + r, c, OBSERVATIONS_PER_ROUND),
          );
          rounds.push(...contents);
          const units = contents.map((content) =>
            toHubRow(signUnit('round', content.round.id, content, identity)),
          );
          await publishUnits(client, randomUUID(), identity.keyId, units);
        }
        await client.end();
      }

      // A fresh laptop that trusts the four contributors pulls everything.
      const lead = openBenchContext(dirs[1]!);
      for (const [i, identity] of contributors.entries()) {
        const trusted = await lead.dispatch('signing:trust', {
          name: `Contributor ${i}`,
          role: 'Governor',
          publicKeyPem: identity.publicKeyPem,
        });
        if (!trusted.ok) throw new Error(trusted.error.message);
      }
      saveHubConnection(lead.hub.deps, connection(cluster, 'lead'));
      const pull = await measured(() => pullFromHub(lead.hub.deps));
      const pulledObservations = lead.store.sqlite
        .prepare('SELECT count(*) FROM observations')
        .pluck()
        .get() as number;
      const expected = PULL_ROUNDS * OBSERVATIONS_PER_ROUND;
      if (pulledObservations !== expected || pull.value.held.length > 0) {
        throw new Error(`The lead holds ${pulledObservations} observations (expected ${expected}).`);
      }
      lead.close();

      // The floor, on each side of nothing else: COPY the same hub rows out, then INSERT the same
      // contents into a fresh database with prepared statements.
      const copySeconds = Math.min(await copyOut(cluster), await copyOut(cluster));
      const floorCtx = openBenchContext(dirs[2]!);
      const insertSeconds = rawInsertRounds(floorCtx, rounds);
      floorCtx.close();
      const floorSeconds = copySeconds + insertSeconds;

      return [
        row('hub: publish 5,000 observations, seconds (target 5)', publish.seconds, 's', 5),
        row('hub: publish 5,000 observations, peak memory (target 400)', publish.peakMb, 'MB', 400),
        row('hub: fresh laptop pulls 100,000 observations, seconds (target 60)', pull.seconds, 's', 60),
        row('hub: pull 100,000 observations, peak memory (target 800)', pull.peakMb, 'MB', 800),
        row('hub: COPY … TO STDOUT of the same hub rows, seconds', copySeconds, 's', null),
        row('hub: raw prepared SQLite INSERT of the same rows, seconds', insertSeconds, 's', null),
        row('hub: pull / (COPY + raw INSERT) of the same rows', pull.seconds / floorSeconds, 'ratio', 4),
      ];
    } finally {
      cluster.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
  },
};
