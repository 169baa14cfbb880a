import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { EqualityImpact, TaggableKind } from '../../ipc/vocabulary';
import type { AppDatabase } from '../drizzle-client';
import { customTags, itemTags, observations } from '../schema';

export type StoredTag = {
  itemId: string;
  frameworkId: string;
  tagId: string;
  impact: EqualityImpact | null;
  description: string | null;
};

const p = sql.placeholder;

export function tagsRepository(db: AppDatabase) {
  const columns = {
    itemId: itemTags.itemId,
    frameworkId: itemTags.frameworkId,
    tagId: itemTags.tagId,
    impact: itemTags.impact,
    description: itemTags.description,
  };
  const forItem = db
    .select(columns)
    .from(itemTags)
    .where(and(eq(itemTags.itemKind, p('kind')), eq(itemTags.itemId, p('itemId'))))
    .orderBy(asc(itemTags.id))
    .prepare();
  const forRound = db
    .select(columns)
    .from(itemTags)
    .innerJoin(observations, eq(observations.id, itemTags.itemId))
    .where(and(eq(itemTags.itemKind, 'observation'), eq(observations.roundId, p('roundId'))))
    .orderBy(asc(itemTags.id))
    .prepare();

  return {
    forItem: (kind: TaggableKind, itemId: string): StoredTag[] => forItem.all({ kind, itemId }),
    forRoundObservations: (roundId: string): StoredTag[] => forRound.all({ roundId }),
    /** Replaces an item's whole tag set. */
    replace: (
      kind: TaggableKind,
      itemId: string,
      tags: readonly Omit<StoredTag, 'itemId'>[],
      now: string,
    ) => {
      db.delete(itemTags)
        .where(and(eq(itemTags.itemKind, kind), eq(itemTags.itemId, itemId)))
        .run();
      if (tags.length === 0) return;
      db.insert(itemTags)
        .values(tags.map((t) => ({ ...t, itemKind: kind, itemId, createdAt: now })))
        .run();
    },
    customTags: (): { id: string; label: string }[] =>
      db
        .select({ id: customTags.id, label: customTags.label })
        .from(customTags)
        .orderBy(asc(customTags.label))
        .all(),
    customTagsByIds: (ids: readonly string[]): { id: string; label: string }[] =>
      ids.length === 0
        ? []
        : db
            .select({ id: customTags.id, label: customTags.label })
            .from(customTags)
            .where(inArray(customTags.id, [...ids]))
            .all(),
    findCustomTagByLabel: (label: string) =>
      db
        .select({ id: customTags.id, label: customTags.label })
        .from(customTags)
        .where(sql`${customTags.label} = ${label} collate nocase`)
        .get(),
    addCustomTag: (tag: { id: string; label: string }, now: string) => {
      db.insert(customTags)
        .values({ ...tag, createdAt: now })
        .run();
    },
  };
}

export type TagsRepository = ReturnType<typeof tagsRepository>;
