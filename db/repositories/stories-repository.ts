import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { StoryStatus } from '../../ipc/vocabulary';
import type { AppDatabase } from '../drizzle-client';
import { stories, storyConsents, storyExports, storyReadBacks } from '../schema';

export type StoryRow = typeof stories.$inferSelect;
export type ConsentRow = typeof storyConsents.$inferSelect;
export type ReadBackRow = typeof storyReadBacks.$inferSelect;
export type ExportRow = typeof storyExports.$inferSelect;

/** What `update` may write: the editable fields and what follows from them (status, hash, sentiment). */
export type StoryChanges = Partial<
  Pick<
    StoryRow,
    | 'title'
    | 'storyteller'
    | 'author'
    | 'narrative'
    | 'quotes'
    | 'learningPoints'
    | 'roundId'
    | 'status'
    | 'textHash'
    | 'approvedAt'
    | 'sentimentSuggested'
    | 'sentimentDrivers'
  >
>;

/** A row of the story list: no narrative, so listing never loads a megabyte of text per story. */
export type StoryListRow = Pick<
  StoryRow,
  | 'id'
  | 'title'
  | 'storyteller'
  | 'author'
  | 'status'
  | 'roundId'
  | 'textHash'
  | 'readBackHash'
  | 'withdrawnOn'
  | 'createdAt'
  | 'updatedAt'
> & { consentReviewOn: string | null };

export type NewExport = Omit<ExportRow, 'id'>;

const p = sql.placeholder;

const listColumns = {
  id: stories.id,
  title: stories.title,
  storyteller: stories.storyteller,
  author: stories.author,
  status: stories.status,
  roundId: stories.roundId,
  textHash: stories.textHash,
  readBackHash: stories.readBackHash,
  withdrawnOn: stories.withdrawnOn,
  createdAt: stories.createdAt,
  updatedAt: stories.updatedAt,
  consentReviewOn: storyConsents.reviewOn,
};

// Statements on the autosave path are prepared once, as for observations.
export function storiesRepository(db: AppDatabase) {
  const insert = db
    .insert(stories)
    .values({
      id: p('id'),
      title: p('title'),
      storyteller: p('storyteller'),
      author: p('author'),
      narrative: p('narrative'),
      quotes: p('quotes'),
      learningPoints: p('learningPoints'),
      roundId: p('roundId'),
      status: p('status'),
      textHash: p('textHash'),
      readBackHash: p('readBackHash'),
      approvedAt: p('approvedAt'),
      withdrawnOn: p('withdrawnOn'),
      sentimentSuggested: p('sentimentSuggested'),
      sentimentDrivers: p('sentimentDrivers'),
      sentimentConfirmed: p('sentimentConfirmed'),
      equalityStatus: p('equalityStatus'),
      createdAt: p('createdAt'),
      updatedAt: p('updatedAt'),
    })
    .prepare();
  const byId = db
    .select()
    .from(stories)
    .where(eq(stories.id, p('id')))
    .prepare();
  // One statement for every edit, so a change to the read-back text and the status it sends the
  // story back to land in the same UPDATE, as the guard trigger of 0006 requires.
  const update = db
    .update(stories)
    .set({
      title: sql`${p('title')}`,
      storyteller: sql`${p('storyteller')}`,
      author: sql`${p('author')}`,
      narrative: sql`${p('narrative')}`,
      quotes: sql`${p('quotes')}`,
      learningPoints: sql`${p('learningPoints')}`,
      roundId: sql`${p('roundId')}`,
      status: sql`${p('status')}`,
      textHash: sql`${p('textHash')}`,
      approvedAt: sql`${p('approvedAt')}`,
      sentimentSuggested: sql`${p('sentimentSuggested')}`,
      sentimentDrivers: sql`${p('sentimentDrivers')}`,
      updatedAt: sql`${p('updatedAt')}`,
    })
    .where(eq(stories.id, p('id')))
    .prepare();
  const consentFor = db
    .select()
    .from(storyConsents)
    .where(eq(storyConsents.storyId, p('storyId')))
    .prepare();
  const exportsFor = db
    .select()
    .from(storyExports)
    .where(eq(storyExports.storyId, p('storyId')))
    .orderBy(asc(storyExports.exportedAt), asc(storyExports.id))
    .prepare();

  return {
    insert: (row: Omit<StoryRow, 'contributorKeyId' | 'bundleId' | 'importedAt'>) => {
      insert.run(row);
    },
    get: (id: string): StoryRow | undefined => byId.get({ id }),
    /** Writes the editable columns back with `changes` applied; returns the row as stored. */
    update: (existing: StoryRow, changes: StoryChanges, updatedAt: string): StoryRow => {
      const next = { ...existing, ...changes, updatedAt };
      update.run(next);
      return next;
    },
    /** Newest change first; only the statuses asked for (the caller leaves withdrawn out). */
    list: (statuses: readonly StoryStatus[]): StoryListRow[] =>
      statuses.length === 0
        ? []
        : db
            .select(listColumns)
            .from(stories)
            .leftJoin(storyConsents, eq(storyConsents.storyId, stories.id))
            .where(inArray(stories.status, [...statuses]))
            .orderBy(desc(stories.updatedAt), desc(stories.id))
            .all(),
    setStatus: (
      id: string,
      values: Pick<StoryRow, 'status'> &
        Partial<Pick<StoryRow, 'approvedAt' | 'withdrawnOn' | 'readBackHash'>>,
      updatedAt: string,
    ) => {
      db.update(stories)
        .set({ ...values, updatedAt })
        .where(eq(stories.id, id))
        .run();
    },
    /** Marks the story changed (its consent, say), so it comes first in the list. */
    touch: (id: string, updatedAt: string) => {
      db.update(stories).set({ updatedAt }).where(eq(stories.id, id)).run();
    },
    setEqualityStatus: (id: string, equalityStatus: StoryRow['equalityStatus'], updatedAt: string) => {
      db.update(stories).set({ equalityStatus, updatedAt }).where(eq(stories.id, id)).run();
    },
    setSentiment: (id: string, sentimentConfirmed: StoryRow['sentimentConfirmed'], updatedAt: string) => {
      db.update(stories).set({ sentimentConfirmed, updatedAt }).where(eq(stories.id, id)).run();
    },
    consent: (storyId: string): ConsentRow | undefined => consentFor.get({ storyId }),
    /** Records consent, replacing an earlier record for the same story (a renewal). */
    saveConsent: (row: ConsentRow) => {
      db.insert(storyConsents)
        .values(row)
        .onConflictDoUpdate({
          target: storyConsents.storyId,
          set: {
            givenOn: row.givenOn,
            method: row.method,
            recordedBy: row.recordedBy,
            scopes: row.scopes,
            identity: row.identity,
            reviewOn: row.reviewOn,
            recordedAt: row.recordedAt,
          },
        })
        .run();
    },
    addReadBack: (row: ReadBackRow) => {
      db.insert(storyReadBacks).values(row).run();
    },
    readBacks: (storyId: string): ReadBackRow[] =>
      db
        .select()
        .from(storyReadBacks)
        .where(eq(storyReadBacks.storyId, storyId))
        .orderBy(asc(storyReadBacks.recordedAt), asc(storyReadBacks.id))
        .all(),
    /**
     * Records that a story went out in a file. The database refuses it for a withdrawn story
     * and never lets the record change afterwards (migration 0006). Returns the record's id.
     */
    recordExport: (entry: NewExport): number =>
      db.insert(storyExports).values(entry).returning({ id: storyExports.id }).get().id,
    exportsFor: (storyId: string): ExportRow[] => exportsFor.all({ storyId }),
  };
}

export type StoriesRepository = ReturnType<typeof storiesRepository>;
