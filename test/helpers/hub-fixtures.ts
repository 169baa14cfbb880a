import pg from 'pg';
import { HUB_MIGRATIONS_FOLDER, initHub } from '../../db/hub/hub-migrate';
import { applyGrant, publisherGrantSql, readerGrantSql } from '../../db/hub/hub-roles';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';

/**
 * A PostgreSQL cluster holding a trust hub as IT sets one up: the hub's database and tables, a
 * login role for each of `roles` with `password` (quoted for SQL, so any text will do), and
 * `reader` given the PEIG lead's right to read.
 */
export async function startHubCluster(options: {
  database: string;
  roles: readonly string[];
  password: string;
  reader: string;
}): Promise<PostgresCluster> {
  const cluster = await startPostgresCluster();
  cluster.psql(`create database ${options.database};`);
  const admin = new pg.Client({ connectionString: cluster.url(options.database) });
  await admin.connect();
  try {
    const password = `'${options.password.replaceAll("'", "''")}'`;
    for (const role of options.roles) await admin.query(`create role ${role} login password ${password}`);
    await initHub(admin, HUB_MIGRATIONS_FOLDER);
    await applyGrant(admin, readerGrantSql(options.reader));
  } finally {
    await admin.end();
  }
  return cluster;
}

/** IT's step on the hub: lets `role` publish under the laptop's signing key. */
export async function registerHubPublisher(
  url: string,
  role: string,
  identity: { keyId: string; publicKeyPem: string },
): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await applyGrant(
    admin,
    publisherGrantSql({ role, keyId: identity.keyId, publicKeyPem: identity.publicKeyPem }),
  );
  await admin.end();
}
