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

type Hit = { rowid: number; itemId: string; total: number };

/** Statements are cached by their SQL: a filter combination is prepared once per session. */
export function createSearch(store: Store) {
  const prepare = statementCache(store.sqlite);
  const marks = (count: number) => Array.from({ length: count }, () => '?').join(', ');
  // The page's details and snippets are read in one statement each, not one per result.
  const details = (ids: readonly string[]) =>
    prepare(
      `SELECT o.id AS observationId, o.round_id AS roundId, r.starts_at AS roundStartsAt, r.site AS site,
         o.area_id AS areaId, a.name AS areaName, o.captured_at AS capturedAt, o.kind AS kind, o.source AS source,
         coalesce(o.sentiment_confirmed, o.sentiment_suggested) AS sentiment, substr(o.text, 1, 200) AS snippet
       FROM observations o JOIN rounds r ON r.id = o.round_id JOIN areas a ON a.id = o.area_id
       WHERE o.id IN (${marks(ids.length)})`,
    ).all(...ids) as Row[];
  // Rowids are bound as BigInt: bound as a JS number they arrive as REAL, and FTS5 then
  // ignores the constraint and answers with the first match's text.
  const snippets = (query: string, rowids: readonly number[]) =>
    prepare(
      `SELECT rowid AS rowid, snippet(search_index, 0, char(2), char(3), '…', 24) AS snippet
       FROM search_index WHERE search_index MATCH ? AND rowid IN (${marks(rowids.length)})`,
    ).all(query, ...rowids.map((rowid) => BigInt(rowid))) as { rowid: number; snippet: string }[];

  return (request: Request): Results => {
    const query = toFtsQuery(request.text);
    const filters = buildFilters(request);
    const where = filters.sql.join(' AND ');
    // Only keys and the total are gathered over every match; details and snippets are read
    // for the page of results alone. CROSS JOIN keeps the full-text index as the outer loop:
    // left to itself the planner may walk search_items by date and run the text match once
    // per row, a hundred times slower.
    const hits = (
      query
        ? prepare(
            `SELECT si.rowid AS rowid, si.item_id AS itemId, count(*) OVER () AS total
             FROM search_index CROSS JOIN search_items si ON si.rowid = search_index.rowid
             WHERE search_index MATCH ? AND ${where} ORDER BY search_index.rank LIMIT ? OFFSET ?`,
          ).all(query, ...filters.params, request.limit, request.offset)
        : prepare(
            `SELECT si.rowid AS rowid, si.item_id AS itemId, count(*) OVER () AS total
             FROM search_items si WHERE ${where} ORDER BY si.at DESC LIMIT ? OFFSET ?`,
          ).all(...filters.params, request.limit, request.offset)
    ) as Hit[];
    const total =
      hits[0]?.total ??
      (request.offset > 0
        ? (
            prepare(
              query
                ? `SELECT count(*) AS n FROM search_index CROSS JOIN search_items si ON si.rowid = search_index.rowid WHERE search_index MATCH ? AND ${where}`
                : `SELECT count(*) AS n FROM search_items si WHERE ${where}`,
            ).get(...(query ? [query] : []), ...filters.params) as { n: number }
          ).n
        : 0);
    if (hits.length === 0) return { total, results: [] };
    const rows = new Map(details(hits.map((hit) => hit.itemId)).map((row) => [row.observationId, row]));
    const texts = query
      ? new Map(
          snippets(
            query,
            hits.map((hit) => hit.rowid),
          ).map((s) => [Number(s.rowid), s.snippet]),
        )
      : null;
    const results = hits.flatMap((hit) => {
      const row = rows.get(hit.itemId);
      if (!row) return [];
      return [{ ...row, snippet: splitSnippet(texts?.get(hit.rowid) ?? row.snippet) }];
    });
    return { total, results };
  };
}
