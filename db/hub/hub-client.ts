import pg from 'pg';

// A laptop's side of the trust hub: connect (TLS with the trust's CA and the host name checked,
// as `sslmode=verify-full` does: node-postgres hands the host to TLS as the name to check), publish one bundle's units through px_hub.publish_bundle, and
// pull what others published since the last pull.
//
// Pulls resume from a horizon rather than from the last row seen: rows become visible in the
// order their transactions commit, not the order they were numbered, so "everything after the
// last id I saw" would skip a bundle that committed late. The horizon is the oldest transaction
// still running when the pull read the hub; the next pull starts there, and reads again the few
// rows it may already have (the merge skips what it already holds).

export type HubConnection = {
  host: string;
  port: number;
  database: string;
  user: string;
  /** The trust's CA certificate (PEM); required for anything but this computer. */
  caCertificatePem: string | null;
};

export type HubUnitRow = { id: string; kind: string; keyId: string; payload: string; signature: string };
export type PulledUnit = HubUnitRow & { bundleId: string; receivedAt: string };
export type PublishResult = 'published' | 'already_published';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const CONNECT_TIMEOUT_MS = 10_000;
const QUERY_TIMEOUT_MS = 120_000;
export const PULL_BATCH = 500;

export class HubError extends Error {
  override readonly name = 'HubError';
}

export function hubClientConfig(connection: HubConnection, password: string): pg.ClientConfig {
  const loopback = LOOPBACK.has(connection.host);
  if (!connection.caCertificatePem && !loopback) {
    throw new HubError(
      "The trust hub's CA certificate is needed to check it is the trust's own server. Ask IT for it and add it in Settings.",
    );
  }
  return {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    password,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: 'PX Rounds',
    ssl: connection.caCertificatePem ? { ca: connection.caCertificatePem, rejectUnauthorized: true } : false,
  };
}

type PgLikeError = { code?: unknown; message?: unknown };

/** The hub's or the network's error, in words for the person at the laptop. */
export function describeHubError(error: unknown, connection: Pick<HubConnection, 'host' | 'port'>): string {
  if (error instanceof HubError) return error.message;
  const { code, message } = (error ?? {}) as PgLikeError;
  const where = `${connection.host}:${connection.port}`;
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return `The trust hub at ${where} cannot be reached. Your work is kept here and will go when it can.`;
    case 'ECONNRESET':
    case '57P01':
    case '57P02':
    case '57P03':
      return 'The connection to the trust hub was lost part-way. Nothing was half-sent; try again.';
    case '28P01':
    case '28000':
      return 'The trust hub did not accept that user name and password.';
    case '3D000':
      return `The trust hub at ${where} has no database of that name.`;
    case '42501':
      return typeof message === 'string' && message.length > 0
        ? `The trust hub refused this: ${message}`
        : 'The trust hub refused this: your account is not allowed to do it.';
    default:
      if (typeof message === 'string' && /certificate|self.signed|altnames/i.test(message)) {
        return `The trust hub's certificate could not be checked against the trust's CA certificate (${message}).`;
      }
      if (typeof message === 'string' && /Connection terminated|timeout/i.test(message)) {
        return 'The connection to the trust hub was lost part-way. Nothing was half-sent; try again.';
      }
      return `The trust hub answered with an error: ${typeof message === 'string' ? message : String(error)}`;
  }
}

export async function connectHub(connection: HubConnection, password: string): Promise<pg.Client> {
  const client = new pg.Client(hubClientConfig(connection, password));
  // A dropped connection must surface as the failed query, not as an unhandled error event.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** One bundle's units in one call: the hub takes all of them in one transaction, or none. */
export async function publishUnits(
  client: pg.ClientBase,
  bundleId: string,
  keyId: string,
  units: readonly HubUnitRow[],
): Promise<PublishResult> {
  const { rows } = await client.query<{ result: PublishResult }>(
    'select px_hub.publish_bundle($1::uuid, $2, $3::jsonb) as result',
    [bundleId, keyId, JSON.stringify(units)],
  );
  return rows[0]!.result;
}

/**
 * Everything published since `horizon` (all of it when null), in batches, from one consistent
 * snapshot of the hub. Resolves to the horizon to pass next time.
 */
export async function pullUnits(
  client: pg.ClientBase,
  horizon: string | null,
  onBatch: (units: PulledUnit[], counted: { done: number; total: number }) => Promise<void> | void,
  batchSize = PULL_BATCH,
): Promise<{ horizon: string; count: number }> {
  await client.query('begin isolation level repeatable read read only');
  try {
    const next = await client.query<{ horizon: string }>(
      'select pg_snapshot_xmin(pg_current_snapshot())::text as horizon',
    );
    const total = await client.query<{ total: string }>(
      'select count(*)::text as total from px_hub.units where tx >= $1::xid8',
      [horizon ?? '0'],
    );
    const counted = { done: 0, total: Number(total.rows[0]!.total) };
    let after: { tx: string; seq: number } = { tx: horizon ?? '0', seq: 0 };
    let count = 0;
    for (;;) {
      // Ordered by the columns themselves: the text forms selected below would sort "10" before "9".
      const { rows } = await client.query<PulledUnit & { tx: string; seq: string }>(
        `select id, kind, key_id as "keyId", payload, signature, bundle_id as "bundleId",
                received_at::text as "receivedAt", tx::text as tx, seq::text as seq
           from px_hub.units units
          where units.tx >= $1::xid8 and (units.tx, units.seq) > ($2::xid8, $3::bigint)
          order by units.tx, units.seq
          limit $4`,
        [horizon ?? '0', after.tx, after.seq, batchSize],
      );
      if (rows.length === 0) break;
      const last = rows.at(-1)!;
      after = { tx: last.tx, seq: Number(last.seq) };
      count += rows.length;
      counted.done = count;
      await onBatch(
        rows.map(({ tx: _tx, seq: _seq, ...unit }) => unit),
        { ...counted },
      );
      if (rows.length < batchSize) break;
    }
    await client.query('commit');
    return { horizon: next.rows[0]!.horizon, count };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}
