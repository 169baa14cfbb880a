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

/** Keys per second: the items of one second take keys from its first up to this many. */
export const KEYS_PER_SECOND = 65536;

/**
 * The first key for items made at the time in the SQL expression `time` (an ISO 8601 text):
 * whole seconds since 1970 times 65,536. Items made in the same second take the keys after it,
 * in the order they are indexed, so keys follow time, newest first is key order, and a period
 * is a range of keys (migration 0012 gives the same keys to what was indexed before it, and its
 * triggers to new stories and actions). Seconds rather than milliseconds keep the gaps between
 * keys, which the index stores, small enough to walk quickly. A time SQLite cannot read counts
 * as 1970.
 */
export function searchKeyOf(time: string): string {
  return `(coalesce(unixepoch(${time}), 0) * ${KEYS_PER_SECOND})`;
}

/**
 * `searchKeyOf` in JavaScript, for a time in milliseconds: exact up to the year 6000 and more.
 * Searches bind a period's keys as numbers made here: with `searchKeyOf('?')` in their place the
 * search measured 5–10% slower. A test keeps the two in agreement.
 */
export function firstSearchKeyAt(milliseconds: number): number {
  return Math.floor(milliseconds / 1000) * KEYS_PER_SECOND;
}

/** The word in `facets` that every observation has, so a search can ask for observations alone. */
export const OBSERVATION_FACET = 'zo';

/**
 * The word in `facets` for an observation's site, in SQL, from the SQL expression `site`: as the
 * site is compared everywhere else, ignoring case (ASCII letters only, as SQLite's NOCASE); in
 * hex, so that any name makes one word; ending "x", so the stemmer leaves it whole.
 */
export function siteFacetOf(site: string): string {
  return `('${OBSERVATION_FACET}' || hex(lower(coalesce(${site}, ''))) || 'x')`;
}

/**
 * Keeps the full-text index in step with observations written since it was last brought up to
 * date (migration 0010). Saving an observation queues it; this indexes what is queued: a new
 * observation gets its search_items row (its key, from its time, and the fields searches filter
 * by) and its text and facets indexed; an edited one has them indexed afresh; one deleted since
 * it was queued is skipped, because deleting already took it out of the index.
 */
export function createSearchIndexer(sqlite: Database): SearchIndexer {
  const last = sqlite.prepare('SELECT max(seq) FROM search_queue').pluck();
  const queued = "SELECT item_id FROM search_queue WHERE item_kind = 'observation' AND seq <= ?";
  // New observations get their key from the time they were captured: the first free one of
  // that second, counting both those already indexed and those in this batch.
  const addItems = sqlite.prepare(
    `INSERT INTO search_items (rowid, item_kind, item_id, at, site, area_id, round_id)
     SELECT n.base
         + coalesce((SELECT max(s.rowid) + 1 - n.base FROM search_items s
                     WHERE s.rowid BETWEEN n.base AND n.base + ${KEYS_PER_SECOND - 1}), 0)
         + row_number() OVER (PARTITION BY n.base ORDER BY n.first) - 1,
       'observation', n.id, n.at, n.site, n.area_id, n.round_id
     FROM (
       SELECT o.id, o.captured_at AS at, r.site, o.area_id, o.round_id, min(q.seq) AS first,
         ${searchKeyOf('o.captured_at')} AS base
       FROM search_queue q JOIN observations o ON o.id = q.item_id JOIN rounds r ON r.id = o.round_id
       WHERE q.item_kind = 'observation' AND q.seq <= ?
         AND NOT EXISTS (SELECT 1 FROM search_items si WHERE si.item_kind = 'observation' AND si.item_id = q.item_id)
       GROUP BY q.item_id) n
     ORDER BY n.first`,
  );
  // Edited ones lose their old text from the index (a new one has none to lose)...
  const unindex = sqlite.prepare(
    `DELETE FROM search_index WHERE rowid IN (
       SELECT rowid FROM search_items WHERE item_kind = 'observation' AND item_id IN (${queued}))`,
  );
  // ...and every one still there is indexed as it reads now, once however often it was queued.
  const index = sqlite.prepare(
    `INSERT INTO search_index (rowid, text, facets)
     SELECT si.rowid, o.text, '${OBSERVATION_FACET} ' || ${siteFacetOf('si.site')}
     FROM search_items si JOIN observations o ON o.id = si.item_id
     WHERE si.item_kind = 'observation' AND si.item_id IN (${queued})`,
  );
  const done = sqlite.prepare('DELETE FROM search_queue WHERE seq <= ?');
  const tidy = sqlite.prepare("INSERT INTO search_index (search_index) VALUES ('optimize')");

  const indexUpTo = sqlite.transaction((upTo: number): number => {
    addItems.run(upTo);
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
