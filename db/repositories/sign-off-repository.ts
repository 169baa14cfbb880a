import { and, asc, eq, sql } from 'drizzle-orm';
import type { SignOffKind } from '../../ipc/sign-off-schemas';
import type { AppDatabase } from '../drizzle-client';
import { signOffAddenda, signOffs, trustedSigners } from '../schema';

export type SignOffRow = typeof signOffs.$inferSelect;
export type AddendumRow = typeof signOffAddenda.$inferSelect;
export type TrustedSignerRow = typeof trustedSigners.$inferSelect;

const p = sql.placeholder;

/** Sign-offs and their addenda: written once, never changed (the database refuses it, 0009). */
export function signOffRepository(db: AppDatabase) {
  const byItem = db
    .select()
    .from(signOffs)
    .where(and(eq(signOffs.kind, p('kind')), eq(signOffs.itemId, p('itemId'))))
    .prepare();
  const addendaFor = db
    .select()
    .from(signOffAddenda)
    .where(and(eq(signOffAddenda.kind, p('kind')), eq(signOffAddenda.itemId, p('itemId'))))
    .orderBy(asc(signOffAddenda.signedAt), asc(signOffAddenda.id))
    .prepare();
  return {
    get: (kind: SignOffKind, itemId: string): SignOffRow | undefined => byItem.get({ kind, itemId }),
    insert: (row: SignOffRow) => {
      db.insert(signOffs).values(row).run();
    },
    addenda: (kind: SignOffKind, itemId: string): AddendumRow[] => addendaFor.all({ kind, itemId }),
    addAddendum: (row: AddendumRow) => {
      db.insert(signOffAddenda).values(row).run();
    },
  };
}

export type SignOffRepository = ReturnType<typeof signOffRepository>;

/** The colleagues whose signatures this reader trusts. */
export function trustedSignersRepository(db: AppDatabase) {
  return {
    list: (): TrustedSignerRow[] =>
      db.select().from(trustedSigners).orderBy(asc(trustedSigners.name), asc(trustedSigners.keyId)).all(),
    get: (keyId: string): TrustedSignerRow | undefined =>
      db.select().from(trustedSigners).where(eq(trustedSigners.keyId, keyId)).get(),
    /** Adds a signer, or corrects the name and role of one already trusted (same key). */
    save: (row: TrustedSignerRow) => {
      db.insert(trustedSigners)
        .values(row)
        .onConflictDoUpdate({
          target: trustedSigners.keyId,
          set: { name: row.name, role: row.role, publicKeyPem: row.publicKeyPem },
        })
        .run();
    },
    remove: (keyId: string): boolean =>
      db.delete(trustedSigners).where(eq(trustedSigners.keyId, keyId)).run().changes > 0,
  };
}

export type TrustedSignersRepository = ReturnType<typeof trustedSignersRepository>;
