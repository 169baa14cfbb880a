// The trust hub's tables, in PostgreSQL (drizzle's pg dialect; `npm run db:generate:hub` writes
// the migrations into db/hub/migrations). The hub only ever holds what a bundle file would carry:
// signed units of work, each kept exactly as its author signed it. Nothing is updated or
// deleted: triggers in the custom migration refuse UPDATE, DELETE and TRUNCATE for everyone, and
// publishers never touch the tables directly — they call px_hub.publish_bundle, which checks
// that the signing key is registered to the role calling it.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  pgSchema,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const hubSchema = pgSchema('px_hub');

/** The transaction that inserted a row: pulls read from the oldest transaction still open. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/** Who may publish as which key: registered by the hub's admin, never by a publisher. */
export const publisherKeys = hubSchema.table('publisher_keys', {
  keyId: text('key_id').primaryKey(),
  roleName: text('role_name').notNull(),
  publicKeyPem: text('public_key_pem').notNull(),
  registeredAt: timestamp('registered_at', { withTimezone: true }).notNull().defaultNow(),
  registeredBy: text('registered_by')
    .notNull()
    .default(sql`session_user`),
});

/** One row per published bundle: a bundle goes in whole, in one transaction, or not at all. */
export const bundles = hubSchema.table(
  'bundles',
  {
    id: uuid('id').primaryKey(),
    keyId: text('key_id')
      .notNull()
      .references(() => publisherKeys.keyId),
    publishedBy: text('published_by').notNull(),
    unitCount: integer('unit_count').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('bundles_unit_count', sql`${table.unitCount} >= 0`)],
);

/**
 * Signed units: a signed-off round with everything in it, an approved story, an action event, a
 * consent withdrawal. `payload` is the canonical JSON the signature covers, stored as text so
 * that not one byte changes on the way through.
 */
export const units = hubSchema.table(
  'units',
  {
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    keyId: text('key_id')
      .notNull()
      .references(() => publisherKeys.keyId),
    bundleId: uuid('bundle_id')
      .notNull()
      .references(() => bundles.id),
    payload: text('payload').notNull(),
    signature: text('signature').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    tx: xid8('tx')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (table) => [
    check('units_kind', sql`${table.kind} ~ '^[a-z][a-z_]{0,39}$'`),
    index('units_tx_seq').on(table.tx, table.seq),
    index('units_bundle').on(table.bundleId),
  ],
);
