import type { Database } from 'better-sqlite3-multiple-ciphers';

export type SearchIndexer = {
  /**
   * Indexes every observation waiting in the queue, in one transaction, and empties it.
   * Returns how many queued entries it took. Cheap when the queue is empty.
   */
  catchUp: () => number;
};

/**
 * A catch-up at least this large is followed by merging the index into one segment. FTS5
 * writes a large batch as many segments (100,000 observations indexed at once, as after an
 * upgrade or an import, leave 16), and a search reads every segment: on one segment a search
 * over 100,000 observations takes about a sixth less time. Merging them takes about 80 ms for
 * 100,000 observations. A save's catch-up indexes one or a few entries, and FTS5's own merging
 * keeps those in few segments, so saves never wait for this.
 */
export const TIDY_AFTER = 1000;

/**
 * Keeps the full-text index in step with observations written since it was last brought up to
 * date (migration 0010). Saving an observation queues it; this indexes what is queued: a new
 * observation gets its search_items row (the index key and the fields searches filter by), its
 * search_filters row and its text indexed; an edited one has its text indexed afresh; one deleted since it was queued
 * is skipped, because deleting already took it out of the index.
 */
export function createSearchIndexer(sqlite: Database): SearchIndexer {
  const last = sqlite.prepare('SELECT max(seq) FROM search_queue').pluck();
  const queued = "SELECT item_id FROM search_queue WHERE item_kind = 'observation' AND seq <= ?";
  // New observations get their key, in the order they were saved (newest-first pages of
  // search results follow the key)...
  const addItems = sqlite.prepare(
    `INSERT INTO search_items (item_kind, item_id, at, site, area_id, round_id)
     SELECT 'observation', o.id, o.captured_at, r.site, o.area_id, o.round_id
     FROM search_queue q JOIN observations o ON o.id = q.item_id JOIN rounds r ON r.id = o.round_id
     WHERE q.item_kind = 'observation' AND q.seq <= ?
       AND NOT EXISTS (SELECT 1 FROM search_items si WHERE si.item_kind = 'observation' AND si.item_id = q.item_id)
     GROUP BY q.item_id ORDER BY min(q.seq)`,
  );
  // ...and their time and site in the narrow table searches filter by (migration 0011).
  const addFilters = sqlite.prepare(
    `INSERT OR IGNORE INTO search_filters (key, at, site)
     SELECT rowid, at, site FROM search_items WHERE item_kind = 'observation' AND item_id IN (${queued})`,
  );
  // Edited ones lose their old text from the index (a new one has none to lose)...
  const unindex = sqlite.prepare(
    `DELETE FROM search_index WHERE rowid IN (
       SELECT rowid FROM search_items WHERE item_kind = 'observation' AND item_id IN (${queued}))`,
  );
  // ...and every one still there is indexed as it reads now, once however often it was queued.
  const index = sqlite.prepare(
    `INSERT INTO search_index (rowid, text)
     SELECT si.rowid, o.text FROM search_items si JOIN observations o ON o.id = si.item_id
     WHERE si.item_kind = 'observation' AND si.item_id IN (${queued})`,
  );
  const done = sqlite.prepare('DELETE FROM search_queue WHERE seq <= ?');
  const tidy = sqlite.prepare("INSERT INTO search_index (search_index) VALUES ('optimize')");

  const indexUpTo = sqlite.transaction((upTo: number): number => {
    addItems.run(upTo);
    addFilters.run(upTo);
    unindex.run(upTo);
    index.run(upTo);
    const taken = done.run(upTo).changes;
    if (taken >= TIDY_AFTER) tidy.run();
    return taken;
  });

  return {
    catchUp: () => {
      const upTo = last.get() as number | null;
      return upTo === null ? 0 : indexUpTo.immediate(upTo);
    },
  };
}
