import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '../../test/helpers/postgres-cluster';
import { connectHub, describeHubError, type HubConnection } from './hub-client';

// The hub is reached over TLS and its certificate checked against the trust's own CA, host
// name included (what libpq calls verify-full). The certificates here are made by openssl.

type Authority = { caPem: string; certificatePem: string; privateKeyPem: string };

function makeAuthority(folder: string, name: string, hostNames: string): Authority {
  const file = (f: string) => join(folder, `${name}-${f}`);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${name} trust CA`,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.crt'),
  );
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-subj',
    '/CN=trust hub',
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
  );
  writeFileSync(file('ext'), `subjectAltName=${hostNames}\n`);
  openssl(
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.crt'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    file('ext'),
    '-out',
    file('server.crt'),
  );
  return {
    caPem: readFileSync(file('ca.crt'), 'utf8'),
    certificatePem: readFileSync(file('server.crt'), 'utf8'),
    privateKeyPem: readFileSync(file('server.key'), 'utf8'),
  };
}

describe('the connection to a trust hub over TLS', () => {
  let folder: string;
  let trust: Authority;
  let stranger: Authority;
  let cluster: PostgresCluster;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'pxr-hub-tls-'));
    trust = makeAuthority(folder, 'trust', 'IP:127.0.0.1');
    stranger = makeAuthority(folder, 'stranger', 'IP:127.0.0.1');
    cluster = await startPostgresCluster({
      tls: { certificatePem: trust.certificatePem, privateKeyPem: trust.privateKeyPem },
    });
  }, 120_000);
  afterAll(() => {
    cluster?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const connection = (caCertificatePem: string): HubConnection => ({
    host: '127.0.0.1',
    port: cluster.port,
    database: 'postgres',
    user: cluster.adminUser,
    caCertificatePem,
  });

  it("connects, encrypted, when the hub's certificate comes from the trust's CA", async () => {
    const client = await connectHub(connection(trust.caPem), cluster.adminPassword);
    const { rows } = await client.query('select ssl from pg_stat_ssl where pid = pg_backend_pid()');
    await client.end();
    expect(rows[0].ssl).toBe(true);
  });

  it('refuses a server whose certificate another CA signed, and says why', async () => {
    const error = await connectHub(connection(stranger.caPem), cluster.adminPassword).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(describeHubError(error, connection(stranger.caPem))).toMatch(/certificate could not be checked/);
  });

  it("refuses a certificate from the trust's CA made out to another host", async () => {
    const other = makeAuthority(folder, 'misnamed', 'DNS:hub.elsewhere.example');
    const misnamed = await startPostgresCluster({
      tls: { certificatePem: other.certificatePem, privateKeyPem: other.privateKeyPem },
    });
    try {
      const error = await connectHub(
        { ...connection(other.caPem), port: misnamed.port, user: misnamed.adminUser },
        misnamed.adminPassword,
      ).catch((e: unknown) => e);
      expect(describeHubError(error, connection(other.caPem))).toMatch(/certificate could not be checked/);
    } finally {
      misnamed.stop();
    }
  });
});
