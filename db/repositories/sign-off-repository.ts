import { and, asc, eq, sql } from 'drizzle-orm';
import type { SignOffKind } from '../../ipc/sign-off-schemas';
import type { AppDatabase } from '../drizzle-client';
import { signOffAddenda, signOffs } from '../schema';

export type SignOffRow = typeof signOffs.$inferSelect;
export type AddendumRow = typeof signOffAddenda.$inferSelect;

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
