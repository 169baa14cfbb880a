import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ClearableKind } from '../../ipc/vocabulary';
import type { AppDatabase } from '../drizzle-client';
import { clearanceDecisions } from '../schema';

export type ClearanceDecisionRow = typeof clearanceDecisions.$inferSelect;
export type NewClearanceDecision = Omit<ClearanceDecisionRow, 'id'>;

const p = sql.placeholder;

export function clearanceRepository(db: AppDatabase) {
  const forItem = db
    .select()
    .from(clearanceDecisions)
    .where(and(eq(clearanceDecisions.itemKind, p('itemKind')), eq(clearanceDecisions.itemId, p('itemId'))))
    .orderBy(asc(clearanceDecisions.id))
    .prepare();

  return {
    forItem: (itemKind: ClearableKind, itemId: string): ClearanceDecisionRow[] =>
      forItem.all({ itemKind, itemId }),
    /** Records a decision, replacing an earlier one about the same finding. */
    save: (row: NewClearanceDecision) => {
      db.insert(clearanceDecisions)
        .values(row)
        .onConflictDoUpdate({
          target: [
            clearanceDecisions.itemKind,
            clearanceDecisions.itemId,
            clearanceDecisions.field,
            clearanceDecisions.findingKey,
          ],
          set: {
            decision: row.decision,
            reason: row.reason,
            decidedBy: row.decidedBy,
            decidedAt: row.decidedAt,
          },
        })
        .run();
    },
    /** Replaces every decision about the given fields of an item (after findings moved). */
    replaceFields: (
      itemKind: ClearableKind,
      itemId: string,
      fields: readonly string[],
      rows: readonly NewClearanceDecision[],
    ) => {
      if (fields.length > 0) {
        db.delete(clearanceDecisions)
          .where(
            and(
              eq(clearanceDecisions.itemKind, itemKind),
              eq(clearanceDecisions.itemId, itemId),
              inArray(clearanceDecisions.field, [...fields]),
            ),
          )
          .run();
      }
      if (rows.length > 0)
        db.insert(clearanceDecisions)
          .values([...rows])
          .run();
    },
  };
}

export type ClearanceRepository = ReturnType<typeof clearanceRepository>;
