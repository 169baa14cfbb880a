import { asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../drizzle-client';
import { observations } from '../schema';

export type ObservationRow = typeof observations.$inferSelect;
export type ObservationChanges = Partial<
  Pick<ObservationRow, 'areaId' | 'kind' | 'source' | 'text' | 'promptId'>
>;

const p = sql.placeholder;

// Statements on the autosave path are prepared once: building a drizzle query costs about ten
// times more than running the prepared one.
export function observationsRepository(db: AppDatabase) {
  const insert = db
    .insert(observations)
    .values({
      id: p('id'),
      roundId: p('roundId'),
      areaId: p('areaId'),
      capturedAt: p('capturedAt'),
      kind: p('kind'),
      source: p('source'),
      text: p('text'),
      promptId: p('promptId'),
      createdAt: p('createdAt'),
      updatedAt: p('updatedAt'),
      sentimentSuggested: p('sentimentSuggested'),
      sentimentDrivers: p('sentimentDrivers'),
      sentimentConfirmed: p('sentimentConfirmed'),
      fftAnswer: p('fftAnswer'),
      equalityStatus: p('equalityStatus'),
      needsFollowUp: p('needsFollowUp'),
    })
    .prepare();
  const byId = db
    .select()
    .from(observations)
    .where(eq(observations.id, p('id')))
    .prepare();
  const update = db
    .update(observations)
    .set({
      areaId: sql`${p('areaId')}`,
      kind: sql`${p('kind')}`,
      source: sql`${p('source')}`,
      text: sql`${p('text')}`,
      promptId: sql`${p('promptId')}`,
      updatedAt: sql`${p('updatedAt')}`,
      sentimentSuggested: sql`${p('sentimentSuggested')}`,
      sentimentDrivers: sql`${p('sentimentDrivers')}`,
    })
    .where(eq(observations.id, p('id')))
    .prepare();
  const remove = db
    .delete(observations)
    .where(eq(observations.id, p('id')))
    .prepare();
  const byRound = db
    .select()
    .from(observations)
    .where(eq(observations.roundId, p('roundId')))
    .orderBy(asc(observations.capturedAt), asc(observations.createdAt))
    .prepare();

  return {
    insert: (row: ObservationRow) => {
      insert.run(row);
    },
    get: (id: string): ObservationRow | undefined => byId.get({ id }),
    /** Writes the whole row back with `changes` applied; returns the row as stored. */
    update: (existing: ObservationRow, changes: ObservationChanges, updatedAt: string): ObservationRow => {
      const next = { ...existing, ...changes, updatedAt };
      update.run(next);
      return next;
    },
    delete: (id: string) => {
      remove.run({ id });
    },
    listForRound: (roundId: string): ObservationRow[] => byRound.all({ roundId }),
    setFollowUp: (id: string, needsFollowUp: boolean, updatedAt: string) => {
      db.update(observations).set({ needsFollowUp, updatedAt }).where(eq(observations.id, id)).run();
    },
    setEqualityStatus: (id: string, equalityStatus: ObservationRow['equalityStatus'], updatedAt: string) => {
      db.update(observations).set({ equalityStatus, updatedAt }).where(eq(observations.id, id)).run();
    },
    setSentiment: (
      id: string,
      values: Pick<ObservationRow, 'sentimentConfirmed' | 'fftAnswer'>,
      updatedAt: string,
    ) => {
      db.update(observations)
        .set({ ...values, updatedAt })
        .where(eq(observations.id, id))
        .run();
    },
  };
}

export type ObservationsRepository = ReturnType<typeof observationsRepository>;
