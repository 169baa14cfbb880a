import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HUB_MIGRATIONS_FOLDER, initHub } from '../../db/hub/hub-migrate';
import { registerHubPublisher, startHubCluster } from '../../test/helpers/hub-fixtures';
import { manualTimers } from '../../test/helpers/manual-timers';
import type { PostgresCluster } from '../../test/helpers/postgres-cluster';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { createTestContext, type TestContext } from '../../test/helpers/test-context';
import { pullFromHub } from './hub-service';
import { FIRST_RETRY_MS } from './outbox-retry';

// The hub's channels as the Settings screen uses them, against a real PostgreSQL hub: the
// connection saved (its password never shown back), publish and pull as jobs, what they moved,
// the errors in plain words, and the outbox sent by itself once a stopped hub is back.

const DB = 'trust_hub';
const PASSWORD = "pa'ss; drop role ann; --";

let cluster: PostgresCluster;
const contexts: TestContext[] = [];
beforeAll(async () => {
  cluster = await startHubCluster({
    database: DB,
    roles: ['ann', 'lead'],
    password: PASSWORD,
    reader: 'lead',
  });
}, 120_000);
afterAll(() => cluster?.stop());
afterEach(() => contexts.splice(0).forEach((c) => c.dispose()));

function laptop(options: Parameters<typeof createTestContext>[0] = {}) {
  const ctx = createTestContext(options);
  contexts.push(ctx);
  return ctx;
}

const connection = (user: string, port = cluster.port) => ({
  host: '127.0.0.1',
  port,
  database: DB,
  user,
  password: PASSWORD,
  caCertificate: null,
});

const registerPublisher = (ctx: TestContext, role: string) =>
  registerHubPublisher(cluster.url(DB), role, ctx.hub.deps.bundles.identity());

async function settle(ctx: TestContext, jobId: string) {
  return ctx.hub.jobs.settled(jobId);
}

describe('the trust hub channels', () => {
  it('saves the connection without ever giving the password back, and tests it', async () => {
    const ctx = laptop();
    const saved = await ctx.call('hub:save-connection', connection('ann'));
    expect(saved.connection).toEqual({
      host: '127.0.0.1',
      port: cluster.port,
      database: DB,
      user: 'ann',
      hasCaCertificate: false,
    });
    expect(JSON.stringify(await ctx.call('hub:status', {}))).not.toContain(PASSWORD);
    // The role exists but IT has not made it a publisher or reader yet.
    expect(await ctx.dispatch('hub:test-connection', {})).toMatchObject({
      ok: false,
      error: { kind: 'hub', message: expect.stringMatching(/does not let ann in yet/) },
    });
    await ctx.call('hub:save-connection', connection('lead'));
    expect((await ctx.call('hub:test-connection', {})).message).toMatch(/Connected to the trust hub/);
    // Saved again without a password: the one saved is kept.
    const { password: _p, ...withoutPassword } = connection('lead');
    await ctx.call('hub:save-connection', withoutPassword);
    expect((await ctx.call('hub:test-connection', {})).message).toMatch(/Connected/);
  });

  it('says plainly when the password is wrong, the hub is down, or the hub is newer', async () => {
    const ctx = laptop();
    await ctx.call('hub:save-connection', { ...connection('ann'), password: 'wrong' });
    expect(await ctx.dispatch('hub:test-connection', {})).toMatchObject({
      ok: false,
      error: { kind: 'hub', message: expect.stringMatching(/did not accept that user name and password/) },
    });
    // SQL in the user name or database is only ever a name to log in with, never run.
    await ctx.call('hub:save-connection', {
      ...connection("lead'; drop role lead; --"),
      database: "trust_hub'; drop database trust_hub; --",
    });
    expect(await ctx.dispatch('hub:test-connection', {})).toMatchObject({
      ok: false,
      error: { kind: 'hub' },
    });
    expect(cluster.psql(`select count(*) from pg_roles where rolname = 'lead';`).trim()).toBe('1');
    expect(cluster.psql(`select count(*) from pg_database where datname = '${DB}';`).trim()).toBe('1');
    await ctx.call('hub:save-connection', connection('ann', 1));
    expect(await ctx.dispatch('hub:test-connection', {})).toMatchObject({
      ok: false,
      error: { kind: 'hub', message: expect.stringMatching(/cannot be reached/) },
    });

    cluster.psql('create database newer_hub;');
    const admin = new pg.Client({ connectionString: cluster.url('newer_hub') });
    await admin.connect();
    await initHub(admin, HUB_MIGRATIONS_FOLDER);
    await admin.query(`insert into px_hub_meta.migrations (idx, tag, hash) values (99, '0099_future', 'x')`);
    await admin.end();
    await ctx.call('hub:save-connection', { ...connection('lead'), database: 'newer_hub' });
    expect(await ctx.dispatch('hub:test-connection', {})).toMatchObject({
      ok: false,
      error: { kind: 'hub', message: expect.stringMatching(/^This trust hub was set up by a newer version/) },
    });
  });

  it('requires the trust’s CA certificate for a hub on another computer, as text or a file', async () => {
    const ctx = laptop();
    const remote = { ...connection('ann'), host: 'hub.example.nhs.uk' };
    expect(await ctx.dispatch('hub:save-connection', remote)).toMatchObject({
      ok: false,
      error: { kind: 'validation', field: 'caCertificate' },
    });
    expect(
      await ctx.dispatch('hub:save-connection', { ...remote, caCertificate: '/no/such/ca.pem' }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', field: 'caCertificate' } });
    const folder = mkdtempSync(join(tmpdir(), 'pxr-ca-'));
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'].concat([
          '-keyout',
          join(folder, 'ca.key'),
          '-out',
          join(folder, 'ca.pem'),
          '-subj',
          '/CN=Trust CA',
          '-days',
          '1',
        ]),
        { stdio: 'pipe' },
      );
      const fromFile = await ctx.call('hub:save-connection', {
        ...remote,
        caCertificate: join(folder, 'ca.pem'),
      });
      expect(fromFile.connection?.hasCaCertificate).toBe(true);
      const pasted = readFileSync(join(folder, 'ca.pem'), 'utf8');
      const fromText = await ctx.call('hub:save-connection', { ...remote, caCertificate: pasted });
      expect(fromText.connection?.hasCaCertificate).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('publishes and pulls as jobs, and the status says when they ran and what they moved', async () => {
    const ann = laptop();
    await signedOffRound(ann);
    await registerPublisher(ann, 'ann');
    await ann.call('hub:save-connection', connection('ann'));
    const publish = await ann.call('hub:publish-start', {});
    expect(publish).toMatchObject({ state: 'running', stage: 'Connecting to the trust hub' });
    expect(await settle(ann, publish.jobId)).toMatchObject({
      state: 'done',
      progress: 1,
      result: { kind: 'publish', published: 1, stillQueued: 0 },
    });
    const annStatus = await ann.call('hub:status', {});
    expect(annStatus.queued).toBe(0);
    expect(annStatus.lastPublish).toMatchObject({ counts: { rounds: 1 } });

    const lead = laptop();
    await lead.call('signing:trust', {
      name: 'Ann',
      role: 'Governor',
      publicKeyPem: ann.hub.deps.bundles.identity().publicKeyPem,
    });
    await lead.call('hub:save-connection', connection('lead'));
    // A pull cancelled at its first batch merges nothing and keeps its horizon, so the next pull
    // still brings everything in.
    const stopped = await pullFromHub(lead.hub.deps, { stage: () => undefined, cancelled: async () => true });
    expect(stopped.added.round).toBe(0);
    expect((await lead.call('hub:status', {})).lastPull).toBeNull();
    const pull = await lead.call('hub:pull-start', {});
    const pulled = await settle(lead, pull.jobId);
    expect(pulled).toMatchObject({ state: 'done', result: { kind: 'pull', added: { round: 1 } } });
    expect((await lead.call('hub:status', {})).lastPull).toMatchObject({ added: { round: 1 } });
    expect(await lead.call('hub:job-status', { jobId: pull.jobId })).toEqual(pulled);
  });

  it('cancels a publish before it sends anything', async () => {
    const ann = laptop();
    await signedOffRound(ann);
    await registerPublisher(ann, 'ann');
    await ann.call('hub:save-connection', connection('ann'));
    const job = await ann.call('hub:publish-start', {});
    expect(await ann.call('hub:job-cancel', { jobId: job.jobId })).toMatchObject({ state: 'cancelled' });
    expect(await settle(ann, job.jobId)).toMatchObject({ state: 'cancelled', result: null });
    expect((await ann.call('hub:status', {})).lastPublish).toBeNull();
  });

  it('queues while the hub is down and sends the outbox by itself, backing off, once it is back', async () => {
    const timers = manualTimers();
    const ann = laptop({ timers });
    await signedOffRound(ann);
    await registerPublisher(ann, 'ann');
    await ann.call('hub:save-connection', connection('ann'));
    cluster.halt();
    try {
      const job = await ann.call('hub:publish-start', {});
      expect(await settle(ann, job.jobId)).toMatchObject({
        state: 'failed',
        error: { kind: 'hub', message: expect.stringMatching(/cannot be reached\. Your work is kept here/) },
      });
      let status = await ann.call('hub:status', {});
      expect(status.queued).toBe(1);
      expect(status.retry.nextAttemptAt).not.toBeNull();
      expect(timers.delays()).toEqual([FIRST_RETRY_MS]);

      // Still down: the next wait is twice as long, and the status says why.
      timers.fireAll();
      await ann.hub.retry.idle();
      expect(timers.delays()).toEqual([FIRST_RETRY_MS * 2]);
      status = await ann.call('hub:status', {});
      expect(status.retry.lastError).toMatch(/cannot be reached/);
      expect(status.queued).toBe(1);
    } finally {
      cluster.resume();
    }
    timers.fireAll();
    await ann.hub.retry.idle();
    const status = await ann.call('hub:status', {});
    expect(status.queued).toBe(0);
    expect(status.retry).toEqual({ nextAttemptAt: null, lastError: null });
    expect(status.lastPublish).toMatchObject({ counts: { rounds: 1 } });
    // Nothing left to send, so nothing waits.
    expect(timers.delays()).toEqual([]);
  });
});
