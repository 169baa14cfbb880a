import { asc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../drizzle-client';
import { trustedSigners } from '../schema';

export type TrustedSignerRow = typeof trustedSigners.$inferSelect;

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
