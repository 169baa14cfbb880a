// Raw SQL here, not a repository, for speed: a search is one statement walking the full-text
// index (FTS5 MATCH, snippet(), CROSS JOIN to keep the index as the outer loop, key ranges for
// periods), assembled from the request's filters and prepared once per combination, with a
// JavaScript function (search_page_row) called inside it to pick which rows get a snippet. The
// statement and that function are one piece of logic, so they stay together in this file.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { firstSearchKeyAt, OBSERVATION_FACET, siteFacetOf } from '../../db/search-indexer';
import { statementCache } from '../../db/statement-cache';
import type { z } from 'zod';
import type { ParsedRequestOf } from '../../ipc/contract';
import type { SearchResults } from '../../ipc/search-schemas';
import type { Store } from '../store';

type Results = z.output<typeof SearchResults>;
type Request = ParsedRequestOf<'search:observations'>;

// Snippet markers: control characters no one types, so splitting on them is safe.
const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * Turns what a person typed into an FTS5 query, all words required. Each word is quoted, so
 * FTS5 operators and punctuation in the input are plain text. A word that is a whole word
 * somewhere in what was written (`isWord`) finds that word in all its forms ("nurse" finds
 * "nurses"), but not every longer word that starts with it ("car" does not find "carer"). Any
 * other word is taken as the start of one ("interp" finds "interpreter"). Matching the start
 * of a word also costs more: the index gathers every word that starts with it, in full, before
 * the search can begin.
 */
export function toFtsQuery(text: string, isWord: (word: string) => boolean = () => false): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((word) => (isWord(word) ? `"${word}"` : `"${word}"*`)).join(' ');
}

export function splitSnippet(snippet: string): Results['results'][number]['snippet'] {
  const parts: Results['results'][number]['snippet'] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf(OPEN);
    if (open === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(CLOSE, open + 1);
    const end = close === -1 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), match: true });
    rest = close === -1 ? '' : rest.slice(close + 1);
  }
  return parts;
}

type Row = {
  observationId: string;
  roundId: string;
  roundStartsAt: string;
  site: string;
  areaId: string;
  areaName: string;
  capturedAt: string;
  kind: Results['results'][number]['kind'];
  source: Results['results'][number]['source'];
  sentiment: Results['results'][number]['sentiment'];
  snippet: string;
};

// Each filter is a clause on the index or on one of two tables keyed by the index's key:
// - the index itself: when (a range of keys, which follow time: migration 0012) and where (a
//   word in `facets`, asked for in the MATCH: see `matchFor`).
// - search_items (si): area and round, and through the round whose it is. Joined only when one of
//   them is asked for.
// - item_tags and observations: theme and sentiment, reached through search_items.
// A search without text walks search_items by date instead, and reads every filter from it.
type Filters = { sql: string[]; params: unknown[]; needsItems: boolean };

function buildFilters(request: Request, walkingIndex: boolean): Filters {
  const filters: Filters = { sql: [], params: [], needsItems: !walkingIndex };
  const add = (clause: string, values: unknown[], onItems: boolean) => {
    filters.sql.push(clause);
    filters.params.push(...values);
    if (onItems) filters.needsItems = true;
  };
  if (walkingIndex) {
    // Keys count whole seconds. A period starting or ending within a second is given the whole
    // of that second as keys, and its exact times are then checked on search_items.
    if (request.from) {
      const from = Date.parse(request.from);
      add('search_index.rowid >= ?', [firstSearchKeyAt(from)], false);
      if (from % 1000 !== 0) add('si.at >= ?', [new Date(from).toISOString()], true);
    }
    if (request.to) {
      const to = Date.parse(request.to);
      add('search_index.rowid < ?', [firstSearchKeyAt(to + 999)], false);
      if (to % 1000 !== 0) add('si.at < ?', [new Date(to).toISOString()], true);
    }
  } else {
    add("si.item_kind = 'observation'", [], true);
    if (request.from) add('si.at >= ?', [new Date(request.from).toISOString()], true);
    if (request.to) add('si.at < ?', [new Date(request.to).toISOString()], true);
    if (request.site) add('si.site = ? COLLATE NOCASE', [request.site], true);
  }
  if (request.areaId) add('si.area_id = ?', [request.areaId], true);
  if (request.roundId) add('si.round_id = ?', [request.roundId], true);
  if (request.tag) {
    add(
      "EXISTS (SELECT 1 FROM item_tags t WHERE t.item_kind = 'observation' AND t.item_id = si.item_id AND t.framework_id = ? AND t.tag_id = ?)",
      [request.tag.frameworkId, request.tag.tagId],
      true,
    );
  }
  if (request.whose === 'mine') {
    add(
      'EXISTS (SELECT 1 FROM rounds w WHERE w.id = si.round_id AND w.contributor_key_id IS NULL)',
      [],
      true,
    );
  } else if (request.whose !== 'everyone') {
    add(
      'EXISTS (SELECT 1 FROM rounds w WHERE w.id = si.round_id AND w.contributor_key_id = ?)',
      [request.whose],
      true,
    );
  }
  if (request.sentiment) {
    add(
      'EXISTS (SELECT 1 FROM observations s WHERE s.id = si.item_id AND coalesce(s.sentiment_confirmed, s.sentiment_suggested) = ?)',
      [request.sentiment],
      true,
    );
  }
  return filters;
}

/**
 * The MATCH clause and its parameters: the words in the text column, and in `facets` the word
 * for the site asked for, or else the word every observation has (stories and actions share the
 * index and have neither).
 */
function matchFor(request: Request, words: string): { sql: string; params: unknown[] } {
  const text = `text : (${words}) AND facets : `;
  return request.site
    ? { sql: `search_index MATCH (? || ${siteFacetOf('?')})`, params: [text, request.site] }
    : { sql: 'search_index MATCH ?', params: [text + OBSERVATION_FACET] };
}

/**
 * Matches are counted up to this many (or to the end of the page asked for, if further on).
 * Past it the answer is "more than 200": counting every one of 5,000 matches for a word would
 * cost more than finding the page of them, and nobody pages through hundreds of results.
 */
export const COUNT_CAP = 200;

// What each result shows, read for the page of results alone.
const RESULT_COLUMNS = `o.id AS observationId, o.round_id AS roundId, r.starts_at AS roundStartsAt,
  r.site AS site, o.area_id AS areaId, a.name AS areaName, o.captured_at AS capturedAt, o.kind AS kind,
  o.source AS source, coalesce(o.sentiment_confirmed, o.sentiment_suggested) AS sentiment`;
const RESULT_JOINS = `CROSS JOIN observations o ON o.id = si.item_id
  JOIN rounds r ON r.id = o.round_id JOIN areas a ON a.id = o.area_id`;
const SNIPPET = "snippet(search_index, 0, char(2), char(3), '…', 24)";

type PageCounter = { row: number; from: number; to: number };

/**
 * The counter of the walk running on each connection. Kept by connection rather than in the
 * function's closure, so that registering the function again on the same connection (which
 * replaces it) cannot leave a search counting into another's counter.
 */
const pages = new WeakMap<Database, PageCounter>();

/** Statements are cached by their SQL: a filter combination is prepared once per session. */
export function createSearch(store: Store) {
  const prepare = statementCache(store.sqlite);

  // Making a snippet costs as much as checking twenty matches, so the walk that counts the
  // matches makes them only for the rows of the page asked for. The walk produces its rows in
  // the index's order, one at a time, and search_page_row numbers them as they come: once it
  // has run, `page.row` is how many rows the walk produced.
  const page: PageCounter = { row: 0, from: 0, to: 0 };
  store.sqlite.function('search_page_row', { deterministic: false }, () => {
    const counting = pages.get(store.sqlite);
    if (counting === undefined) return 0;
    const row = counting.row;
    counting.row += 1;
    return row >= counting.from && row < counting.to ? 1 : 0;
  });

  const byText = (request: Request, query: string): Results => {
    const filters = buildFilters(request, true);
    const match = matchFor(request, query);
    const withItems = 'search_index CROSS JOIN search_items si ON si.rowid = search_index.rowid';
    const from = filters.needsItems ? withItems : 'search_index';
    // CROSS JOIN keeps the full-text index as the outer loop: left to itself the planner may
    // walk the other tables by date and run the text match once per row, a hundred times slower.
    const where = [match.sql, ...filters.sql].join(' AND ');
    const args = [...match.params, ...filters.params];
    const pageOf = (order: string) =>
      prepare(
        `SELECT ${RESULT_COLUMNS}, ${SNIPPET} AS snippet FROM ${withItems} ${RESULT_JOINS}
         WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ).all(...args, request.limit, request.offset) as Row[];

    // One walk, newest first, counts the matches up to the cap (so a common word costs no more
    // than a rare one) and makes the snippets for the page; only the page leaves SQLite. The walk
    // hands its rows to the rest of the statement one at a time, as it finds them, rather than
    // storing them first (NOT MATERIALIZED): the statement reads every one, so the walk still
    // runs to its end and counts them all, and the page's details are looked up for its rows
    // alone.
    const countUpTo = Math.max(COUNT_CAP, request.offset + request.limit);
    Object.assign(page, { row: 0, from: request.offset, to: request.offset + request.limit });
    pages.set(store.sqlite, page);
    // The walk's limit is written into the SQL when it is the usual one. The query plan is the
    // same either way, but the search was measured about a tenth faster so (0.56 against 0.64 ms
    // over 100,000 observations). Pages past the cap pass theirs as a parameter, so they share
    // one statement.
    const usual = countUpTo === COUNT_CAP;
    let rows: Row[];
    try {
      rows = prepare(
        `WITH walk AS NOT MATERIALIZED (
           SELECT search_index.rowid AS key, CASE WHEN search_page_row() THEN ${SNIPPET} END AS snippet
           FROM ${from} WHERE ${where} ORDER BY search_index.rowid DESC LIMIT ${usual ? COUNT_CAP + 1 : '?'})
         SELECT ${RESULT_COLUMNS}, walk.snippet AS snippet
         FROM walk CROSS JOIN search_items si ON si.rowid = walk.key ${RESULT_JOINS}
         WHERE walk.snippet IS NOT NULL ORDER BY walk.key DESC`,
      ).all(...args, ...(usual ? [] : [countUpTo + 1])) as Row[];
    } finally {
      pages.delete(store.sqlite);
    }
    const counted = page.row;
    const totalIsExact = counted <= countUpTo;

    // A small set of matches is put in order of relevance (bm25, worked out for those matches
    // alone). A large one stays newest first, as walked. The choice depends only on the size of
    // the set, so every page of one search comes in the same order.
    const ranked = counted <= COUNT_CAP;
    if (ranked) rows = pageOf(`bm25(search_index, 1, 0), search_index.rowid DESC`);
    else if (rows.length !== Math.min(request.limit, Math.max(0, counted - request.offset))) {
      // Should the walk's rows ever come out in another order than they were numbered, the
      // page is read again on its own.
      rows = pageOf('search_index.rowid DESC');
    }
    return {
      total: totalIsExact ? counted : countUpTo,
      totalIsExact,
      order: ranked ? 'relevance' : 'newest',
      results: rows.map((row) => ({ ...row, snippet: splitSnippet(row.snippet) })),
    };
  };

  // Without text: every observation within the filters, newest first.
  const byFilters = (request: Request): Results => {
    const filters = buildFilters(request, false);
    const where = filters.sql.join(' AND ');
    const countUpTo = Math.max(COUNT_CAP, request.offset + request.limit);
    const counted = (
      prepare(
        `SELECT count(*) AS n FROM (SELECT 1 FROM search_items si WHERE ${where} ORDER BY si.at DESC LIMIT ?)`,
      ).get(...filters.params, countUpTo + 1) as { n: number }
    ).n;
    const rows =
      counted === 0
        ? []
        : (prepare(
            `SELECT ${RESULT_COLUMNS}, substr(o.text, 1, 200) AS snippet FROM search_items si ${RESULT_JOINS}
             WHERE ${where} ORDER BY si.at DESC LIMIT ? OFFSET ?`,
          ).all(...filters.params, request.limit, request.offset) as Row[]);
    return {
      total: counted <= countUpTo ? counted : countUpTo,
      totalIsExact: counted <= countUpTo,
      order: 'newest',
      results: rows.map((row) => ({ ...row, snippet: splitSnippet(row.snippet) })),
    };
  };

  // Whether a word, in any of its forms, is in the text of anything indexed: one look-up in the
  // index, which stops at the first match.
  const anyWith = store.sqlite
    .prepare('SELECT 1 FROM search_index WHERE search_index MATCH ? LIMIT 1')
    .pluck();
  const isWord = (word: string) => anyWith.get(`text : "${word}"`) !== undefined;

  return (request: Request): Results => {
    // Every save is found, including one made a moment ago whose indexing has not yet run.
    store.searchIndex.catchUp();
    const query = toFtsQuery(request.text, isWord);
    return query ? byText(request, query) : byFilters(request);
  };
}
