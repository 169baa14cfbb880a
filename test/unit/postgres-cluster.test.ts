import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from '../helpers/postgres-cluster';

describe('the temporary PostgreSQL cluster the hub tests run against', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);
  afterAll(() => cluster?.stop());

  it('answers over TCP on 127.0.0.1 with a password, and refuses a wrong one', async () => {
    const client = new pg.Client({ connectionString: cluster.url() });
    await client.connect();
    const { rows } = await client.query<{ version: string }>('select current_setting($1) as version', [
      'server_version_num',
    ]);
    await client.end();
    expect(Number(rows[0]!.version)).toBeGreaterThanOrEqual(150000);

    const wrong = new pg.Client({ connectionString: cluster.url('postgres', cluster.adminUser, 'not-it') });
    await expect(wrong.connect()).rejects.toThrow(/password authentication failed/);
  });

  it('comes back after an abrupt stop with what was committed', async () => {
    cluster.psql('create table kept (n int); insert into kept values (1);');
    cluster.restart();
    expect(cluster.psql('select count(*) from kept;').trim()).toBe('1');
  });
});
