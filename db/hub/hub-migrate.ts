import { join } from 'node:path';
import type pg from 'pg';
import { readMigrations, splitStatements, type Migration } from '../migrate';

// The hub's schema is set up and upgraded by trust IT with `px-rounds hub init`, never by a
// laptop. Each migration and its record go in one transaction with the others, under an
// advisory lock so that two inits at once do the work once. A hub whose history is longer than
// ours, or differs from it, is refused untouched: it belongs to a newer version of PX Rounds.

/** The hub's migrations as shipped with this version. */
export const HUB_MIGRATIONS_FOLDER = join(import.meta.dirname, 'migrations');

export const HUB_MIGRATIONS_TABLE = 'px_hub_meta.migrations';
const INIT_LOCK = 7_304_511_873;

export type HubVersion = { applied: number; known: number };

type AppliedRow = { idx: number; tag: string; hash: string };

export function hubMigrations(folder: string): Migration[] {
  return readMigrations(folder);
}

async function appliedHubMigrations(client: pg.ClientBase): Promise<AppliedRow[] | null> {
  const exists = await client.query<{ present: boolean }>(
    `select to_regclass('px_hub_meta.migrations') is not null as present`,
  );
  if (!exists.rows[0]?.present) return null;
  const { rows } = await client.query<AppliedRow>(
    `select idx, tag, hash from ${HUB_MIGRATIONS_TABLE} order by idx`,
  );
  return rows;
}

/** Throws when the hub was set up by a newer or different PX Rounds; returns what is pending. */
export function pendingHubMigrations(
  applied: readonly AppliedRow[],
  known: readonly Migration[],
): Migration[] {
  if (applied.length > known.length) {
    throw new Error(
      `This trust hub was set up by a newer version of PX Rounds (hub version ${applied.length}; ` +
        `this version knows up to ${known.length}). Use the newer version to manage it. Nothing has been changed.`,
    );
  }
  applied.forEach((row, position) => {
    const expected = known[position];
    if (!expected || row.tag !== expected.tag || row.hash !== expected.hash) {
      throw new Error(
        `This trust hub's history differs from this version of PX Rounds at step ${position + 1} ("${row.tag}"). ` +
          'Nothing has been changed.',
      );
    }
  });
  return known.slice(applied.length);
}

/** What the hub holds compared with what this version knows; null when it was never set up. */
export async function hubVersion(client: pg.ClientBase, folder: string): Promise<HubVersion | null> {
  const applied = await appliedHubMigrations(client);
  if (applied === null) return null;
  const known = hubMigrations(folder);
  pendingHubMigrations(applied, known);
  return { applied: applied.length, known: known.length };
}

/** Creates or upgrades the hub; returns the tags it applied (none when it was up to date). */
export async function initHub(client: pg.ClientBase, folder: string): Promise<string[]> {
  const known = hubMigrations(folder);
  await client.query('begin');
  try {
    await client.query('select pg_advisory_xact_lock($1)', [INIT_LOCK]);
    await client.query('create schema if not exists px_hub_meta');
    await client.query(
      `create table if not exists ${HUB_MIGRATIONS_TABLE} (idx integer primary key, tag text not null, hash text not null, applied_at timestamptz not null default now())`,
    );
    const pending = pendingHubMigrations((await appliedHubMigrations(client)) ?? [], known);
    for (const migration of pending) {
      for (const statement of splitStatements(migration.sql)) await client.query(statement);
      await client.query(`insert into ${HUB_MIGRATIONS_TABLE} (idx, tag, hash) values ($1, $2, $3)`, [
        migration.idx,
        migration.tag,
        migration.hash,
      ]);
    }
    // Every role may see which version the hub is, so a laptop can refuse a newer one plainly.
    await client.query('grant usage on schema px_hub_meta to px_hub_publisher, px_hub_reader, px_hub_admin');
    await client.query(
      `grant select on ${HUB_MIGRATIONS_TABLE} to px_hub_publisher, px_hub_reader, px_hub_admin`,
    );
    await client.query('commit');
    return pending.map((migration) => migration.tag);
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}
