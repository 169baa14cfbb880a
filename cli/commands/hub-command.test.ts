import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '../../test/helpers/postgres-cluster';
import { runCli } from '../px-rounds';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdin: process.stdin, stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('px-rounds hub', () => {
  let cluster: PostgresCluster;
  let folder: string;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
    cluster.psql('create database hub;');
    cluster.psql(`create role gina login password 'pw';`);
    folder = mkdtempSync(join(tmpdir(), 'pxr-hub-cli-'));
  }, 120_000);
  afterAll(() => {
    cluster?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('init sets the hub up, and a second init says it is up to date', async () => {
    const first = capture();
    expect(await runCli(['hub', 'init', '--url', cluster.url('hub')], first.io)).toBe(0);
    expect(first.out()).toMatch(/The trust hub is set up \(2 steps applied/);
    const second = capture();
    expect(await runCli(['hub', 'init', '--url', cluster.url('hub')], second.io)).toBe(0);
    expect(second.out()).toBe('The trust hub is already set up and up to date. Nothing was changed.\n');
  });

  it('add-publisher prints the grant and key registration, or applies them with --url', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const keyFile = join(folder, 'gina.pem');
    writeFileSync(keyFile, String(publicKey.export({ type: 'spki', format: 'pem' })));
    const printed = capture();
    expect(await runCli(['hub', 'add-publisher', '--role', 'gina', '--key', keyFile], printed.io)).toBe(0);
    expect(printed.out()).toContain('GRANT px_hub_publisher TO "gina";');
    expect(printed.out()).toContain('INSERT INTO px_hub.publisher_keys');

    const applied = capture();
    const args = ['hub', 'add-publisher', '--role', 'gina', '--key', keyFile, '--url', cluster.url('hub')];
    expect(await runCli(args, applied.io)).toBe(0);
    expect(applied.out()).toMatch(/^gina may now publish with the key [0-9A-F]{4} /);
    expect(cluster.psql(`select role_name from px_hub.publisher_keys;`, 'hub').trim()).toBe('gina');
  });

  it('add-reader without --role is a usage error', async () => {
    const run = capture();
    expect(await runCli(['hub', 'add-reader'], run.io)).toBe(2);
    expect(run.err()).toContain("'hub add-reader' needs --role ROLE");
  });
});
