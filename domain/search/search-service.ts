import { statementCache } from '../../db/statement-cache';
import type { z } from 'zod';
import type { ParsedRequestOf } from '../../ipc/contract';
import type { SearchResults } from '../../ipc/tagging-schemas';
import type { Store } from '../store';

type Results = z.output<typeof SearchResults>;
type Request = ParsedRequestOf<'search:observations'>;

// Snippet markers: control characters no one types, so splitting on them is safe.
const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * Turns what a person typed into an FTS5 query: each word quoted (so FTS5 operators and
 * punctuation in the input are plain text) and matched as a prefix, all words required.
 */
export function toFtsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"*`).join(' ');
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

// Filters on what search_items carries cost one key lookup per match; tag and sentiment
// filters reach into item_tags and observations and are only added when asked for.
function buildFilters(request: Request): { sql: string[]; params: unknown[] } {
  const sql: string[] = ["si.item_kind = 'observation'"];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    sql.push(clause);
    params.push(...values);
  };
  if (request.from) add('si.at >= ?', new Date(request.from).toISOString());
  if (request.to) add('si.at < ?', new Date(request.to).toISOString());
  if (request.site) add('si.site = ? COLLATE NOCASE', request.site);
  if (request.areaId) add('si.area_id = ?', request.areaId);
  if (request.roundId) add('si.round_id = ?', request.roundId);
  if (request.tag) {
    add(
      "EXISTS (SELECT 1 FROM item_tags t WHERE t.item_kind = 'observation' AND t.item_id = si.item_id AND t.framework_id = ? AND t.tag_id = ?)",
      request.tag.frameworkId,
      request.tag.tagId,
    );
  }
  if (request.sentiment) {
    add(
      'EXISTS (SELECT 1 FROM observations f WHERE f.id = si.item_id AND coalesce(f.sentiment_confirmed, f.sentiment_suggested) = ?)',
      request.sentiment,
    );
  }
  return { sql, params };
}

/**
 * Matches are counted up to this many (or to the end of the page asked for, if further on).
 * Past it the answer is "more than 200": counting every one of 5,000 matches for a word would
 * cost more than finding the page of them, and nobody pages through hundreds of results.
 */
export const COUNT_CAP = 200;

// What each result shows, joined in for the page of results alone.
const RESULT_COLUMNS = `o.id AS observationId, o.round_id AS roundId, r.starts_at AS roundStartsAt,
  r.site AS site, o.area_id AS areaId, a.name AS areaName, o.captured_at AS capturedAt, o.kind AS kind,
  o.source AS source, coalesce(o.sentiment_confirmed, o.sentiment_suggested) AS sentiment`;
const RESULT_JOINS = `CROSS JOIN observations o ON o.id = si.item_id
  JOIN rounds r ON r.id = o.round_id JOIN areas a ON a.id = o.area_id`;

/** Statements are cached by their SQL: a filter combination is prepared once per session. */
export function createSearch(store: Store) {
  const prepare = statementCache(store.sqlite);

  return (request: Request): Results => {
    // Every save is found, including one made a moment ago whose indexing has not yet run.
    store.searchIndex.catchUp();
    const query = toFtsQuery(request.text);
    const filters = buildFilters(request);
    // CROSS JOIN keeps the full-text index as the outer loop: left to itself the planner may
    // walk search_items by date and run the text match once per row, a hundred times slower.
    const from = query
      ? 'search_index CROSS JOIN search_items si ON si.rowid = search_index.rowid'
      : 'search_items si';
    const where = [...(query ? ['search_index MATCH ?'] : []), ...filters.sql].join(' AND ');
    const args = query ? [query, ...filters.params] : filters.params;

    const newestFirst = query ? 'search_index.rowid DESC' : 'si.at DESC';

    // Counting stops at the cap, so a common word costs no more than a rare one. It walks the
    // matches newest first, as the page does: searches are mostly for recent months.
    const countUpTo = Math.max(COUNT_CAP, request.offset + request.limit);
    const counted = (
      prepare(
        `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} ORDER BY ${newestFirst} LIMIT ?)`,
      ).get(...args, countUpTo + 1) as { n: number }
    ).n;
    const totalIsExact = counted <= countUpTo;
    // A small set of matches is put in order of relevance (bm25, worked out for those matches
    // alone). A large one comes newest first, in the index's own order, so SQLite stops as
    // soon as it has the page instead of scoring and sorting every match. The choice depends
    // only on the size of the set, so every page of one search comes in the same order.
    const ranked = query !== null && counted <= COUNT_CAP;
    const order = ranked ? `bm25(search_index), ${newestFirst}` : newestFirst;
    const snippet = query ? "snippet(search_index, 0, char(2), char(3), '…', 24)" : 'substr(o.text, 1, 200)';
    const rows =
      counted === 0
        ? []
        : (prepare(
            `SELECT ${RESULT_COLUMNS}, ${snippet} AS snippet FROM ${from} ${RESULT_JOINS}
             WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
          ).all(...args, request.limit, request.offset) as Row[]);
    return {
      total: totalIsExact ? counted : countUpTo,
      totalIsExact,
      order: ranked ? 'relevance' : 'newest',
      results: rows.map((row) => ({ ...row, snippet: splitSnippet(row.snippet) })),
    };
  };
}
