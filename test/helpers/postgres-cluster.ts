// A real PostgreSQL server for tests: a temporary cluster made with initdb in its own folder,
// listening on 127.0.0.1 at a free port with password (SCRAM) authentication, stopped and
// removed afterwards. The server refuses to run as root, so when the tests run as root (CI) it
// runs as the `postgres` account that Debian's package creates.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export type PostgresCluster = {
  host: '127.0.0.1';
  port: number;
  /** The superuser's name and password, for setting up roles and schemas. */
  adminUser: string;
  adminPassword: string;
  /** postgres://admin:…@127.0.0.1:port/database */
  url: (database?: string, user?: string, password?: string) => string;
  /** Runs SQL as the superuser through psql; returns its output. */
  psql: (sql: string, database?: string) => string;
  /** Stops the server abruptly (as a crash or a pulled cable would) and starts it again. */
  restart: () => void;
  /** Stops the server abruptly and leaves it down (the hub is offline) until `resume`. */
  halt: () => void;
  resume: () => void;
  stop: () => void;
};

const POSTGRES_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder, or null where PostgreSQL is not installed. */
export function findPostgresBin(): string | null {
  if (!existsSync(POSTGRES_ROOT)) return null;
  const versions = readdirSync(POSTGRES_ROOT)
    .map(Number)
    .filter((v) => Number.isInteger(v) && v >= 15)
    .sort((a, b) => b - a);
  for (const version of versions) {
    const bin = join(POSTGRES_ROOT, String(version), 'bin');
    if (existsSync(join(bin, 'initdb'))) return bin;
  }
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function asServerUser(runAsPostgres: boolean, command: string, args: string[]): string[] {
  return runAsPostgres ? ['runuser', '-u', 'postgres', '--', command, ...args] : [command, ...args];
}

function run(argv: string[], input?: string): string {
  const [command, ...args] = argv;
  const result = spawnSync(command!, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) {
    throw new Error(`${argv.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
  }
  return result.stdout;
}

export type ClusterOptions = {
  /** Serve TLS with this certificate and key (PEM), as a trust's hub would. */
  tls?: { certificatePem: string; privateKeyPem: string };
};

/** Starts a fresh cluster; throws with the server's own words when it cannot. */
export async function startPostgresCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL 15 or newer is not installed (Debian package "postgresql").');
  const runAsPostgres = userInfo().uid === 0;
  const root = mkdtempSync(join(tmpdir(), 'pxr-pg-'));
  const dataDir = join(root, 'data');
  const socketDir = join(root, 'socket');
  const adminUser = 'pxr_admin';
  const adminPassword = randomBytes(18).toString('base64url');
  const passwordFile = join(root, 'pw');
  writeFileSync(passwordFile, adminPassword, { mode: 0o600 });
  execFileSync('mkdir', ['-p', dataDir, socketDir]);
  if (runAsPostgres) {
    const uid = Number(run(['id', '-u', 'postgres']).trim());
    const gid = Number(run(['id', '-g', 'postgres']).trim());
    for (const path of [root, dataDir, socketDir, passwordFile]) chownSync(path, uid, gid);
    chmodSync(root, 0o700);
  }
  run(
    asServerUser(runAsPostgres, join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      adminUser,
      `--pwfile=${passwordFile}`,
      '--auth-local=scram-sha-256',
      '--auth-host=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
    ]),
  );
  let tlsOptions = '';
  if (options.tls) {
    const certificate = join(dataDir, 'server.crt');
    const privateKey = join(dataDir, 'server.key');
    writeFileSync(certificate, options.tls.certificatePem);
    writeFileSync(privateKey, options.tls.privateKeyPem, { mode: 0o600 });
    if (runAsPostgres) {
      const uid = Number(run(['id', '-u', 'postgres']).trim());
      for (const path of [certificate, privateKey]) chownSync(path, uid, -1);
    }
    tlsOptions = ' -c ssl=on';
  }
  const port = await freePort();
  const serverOptions = `-p ${port} -k ${socketDir} -c listen_addresses=127.0.0.1 -c fsync=off${tlsOptions}`;
  const ctl = (args: string[]) => run(asServerUser(runAsPostgres, join(bin, 'pg_ctl'), args));
  const start = () =>
    ctl(['-D', dataDir, '-o', serverOptions, '-l', join(root, 'server.log'), '-w', 'start']);
  start();

  const url = (database = 'postgres', user = adminUser, password = adminPassword) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    host: '127.0.0.1',
    port,
    adminUser,
    adminPassword,
    url,
    psql: (sql, database = 'postgres') =>
      run(
        [join(bin, 'psql'), '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', url(database), '-f', '-'],
        sql,
      ),
    restart: () => {
      ctl(['-D', dataDir, '-m', 'immediate', 'stop']);
      start();
    },
    halt: () => void ctl(['-D', dataDir, '-m', 'immediate', 'stop']),
    resume: () => void start(),
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        ctl(['-D', dataDir, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
