// `px-rounds hub init|add-publisher|add-reader`: what trust IT runs to set up a trust hub on its
// own PostgreSQL. `init` creates or upgrades the hub (safe to run again; refuses a hub set up by
// a newer version). `add-publisher` and `add-reader` print the SQL to run, or run it with --url
// (an admin connection: a role that may grant roles).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { HUB_MIGRATIONS_FOLDER, initHub } from '../../db/hub/hub-migrate';
import { applyGrant, publisherGrantSql, readerGrantSql } from '../../db/hub/hub-roles';
import { formatFingerprint, keyIdOf, parsePublicKeyPem } from '../../domain/signing/signing-keys';
import { EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../cli-io';

const USAGE = [
  'hub init --url postgres://ADMIN@HOST/DB',
  '       px-rounds hub add-publisher --role ROLE --key SIGNING-KEY.pem [--url postgres://ADMIN@HOST/DB]',
  '       px-rounds hub add-reader --role ROLE [--url postgres://ADMIN@HOST/DB]',
].join('\n');

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function grantOrPrint(
  sqlText: string,
  url: string | undefined,
  io: CliIo,
  done: string,
): Promise<number> {
  if (url === undefined) {
    io.stdout(`-- Run as a hub admin (a role that may grant roles):\n${sqlText}\n`);
    return EXIT_OK;
  }
  await withClient(url, (client) => applyGrant(client, sqlText));
  io.stdout(`${done}\n`);
  return EXIT_OK;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { url: { type: 'string' }, role: { type: 'string' }, key: { type: 'string' } },
    strict: true,
  });
  if (action === 'init') {
    if (!values.url) throw new Error("'hub init' needs --url postgres://ADMIN@HOST/DATABASE");
    const applied = await withClient(values.url, (client) => initHub(client, HUB_MIGRATIONS_FOLDER));
    io.stdout(
      applied.length === 0
        ? 'The trust hub is already set up and up to date. Nothing was changed.\n'
        : `The trust hub is set up (${applied.length} step${applied.length === 1 ? '' : 's'} applied: ${applied.join(', ')}).\n`,
    );
    return EXIT_OK;
  }
  if (action === 'add-publisher') {
    if (!values.role || !values.key)
      throw new Error("'hub add-publisher' needs --role ROLE and --key SIGNING-KEY.pem");
    const publicKeyPem = await readFile(values.key, 'utf8');
    const keyId = keyIdOf(parsePublicKeyPem(publicKeyPem));
    const sqlText = publisherGrantSql({ role: values.role, keyId, publicKeyPem });
    return grantOrPrint(
      sqlText,
      values.url,
      io,
      `${values.role} may now publish with the key ${formatFingerprint(keyId)}.`,
    );
  }
  if (action === 'add-reader') {
    if (!values.role) throw new Error("'hub add-reader' needs --role ROLE");
    return grantOrPrint(
      readerGrantSql(values.role),
      values.url,
      io,
      `${values.role} may now read the trust hub.`,
    );
  }
  io.stderr(`Usage: px-rounds ${USAGE}\n`);
  return EXIT_USAGE;
}

export const hubCommand: CliCommand = {
  name: 'hub',
  usage: 'hub init|add-publisher|add-reader …',
  summary: 'set up a trust hub on PostgreSQL and let people publish to it or read from it',
  run,
};
