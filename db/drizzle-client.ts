import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createTableRelationsHelpers, extractTablesRelationalConfig } from 'drizzle-orm/relations';
import { BetterSQLiteSession } from 'drizzle-orm/better-sqlite3/session';
import { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core/db';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core/dialect';
import type { RunResult } from 'better-sqlite3';
import * as schema from './schema';

// drizzle's own `drizzle()` entry imports the `better-sqlite3` package at load time, which we
// do not install: we use its SQLCipher-capable fork. This builds the same database object
// from drizzle's parts around the fork's connection, which has the same API.

export type AppDatabase = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

export function createDrizzle(sqlite: Database): AppDatabase {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  // The fork's Database type is declared separately from better-sqlite3's but is the same API.
  const session = new BetterSQLiteSession(
    sqlite as unknown as ConstructorParameters<typeof BetterSQLiteSession>[0],
    dialect,
    relational,
    {},
  );
  return new BaseSQLiteDatabase('sync', dialect, session, relational) as AppDatabase;
}
