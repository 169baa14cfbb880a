import type { Statement } from 'better-sqlite3-multiple-ciphers';
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

function buildFilters(request: Request): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  if (request.from) {
    sql.push('o.captured_at >= ?');
    params.push(new Date(request.from).toISOString());
  }
  if (request.to) {
    sql.push('o.captured_at < ?');
    params.push(new Date(request.to).toISOString());
  }
  if (request.site) {
    sql.push('r.site = ? COLLATE NOCASE');
    params.push(request.site);
  }
  if (request.areaId) {
    sql.push('o.area_id = ?');
    params.push(request.areaId);
  }
  if (request.roundId) {
    sql.push('o.round_id = ?');
    params.push(request.roundId);
  }
  if (request.tag) {
    sql.push(
      "EXISTS (SELECT 1 FROM item_tags t WHERE t.item_kind = 'observation' AND t.item_id = o.id AND t.framework_id = ? AND t.tag_id = ?)",
    );
    params.push(request.tag.frameworkId, request.tag.tagId);
  }
  if (request.sentiment) {
    sql.push('coalesce(o.sentiment_confirmed, o.sentiment_suggested) = ?');
    params.push(request.sentiment);
  }
  return { sql, params };
}

const SELECT_COLUMNS = `o.id AS observationId, o.round_id AS roundId, r.starts_at AS roundStartsAt, r.site AS site,
  o.area_id AS areaId, a.name AS areaName, o.captured_at AS capturedAt, o.kind AS kind, o.source AS source,
  coalesce(o.sentiment_confirmed, o.sentiment_suggested) AS sentiment`;

/** Statements are cached by their SQL: a filter combination is prepared once per session. */
export function createSearch(store: Store) {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = store.sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };

  return (request: Request): Results => {
    const query = toFtsQuery(request.text);
    const filters = buildFilters(request);
    const where = filters.sql.length > 0 ? ` AND ${filters.sql.join(' AND ')}` : '';
    const joins = 'JOIN rounds r ON r.id = o.round_id JOIN areas a ON a.id = o.area_id';
    let rows: Row[];
    let total: number;
    if (query) {
      const from = `FROM search_index JOIN search_items si ON si.rowid = search_index.rowid AND si.item_kind = 'observation'
        JOIN observations o ON o.id = si.item_id ${joins} WHERE search_index MATCH ?${where}`;
      rows = prepare(
        `SELECT ${SELECT_COLUMNS}, snippet(search_index, 0, char(2), char(3), '…', 24) AS snippet ${from} ORDER BY rank LIMIT ? OFFSET ?`,
      ).all(query, ...filters.params, request.limit, request.offset) as Row[];
      total = (prepare(`SELECT count(*) AS n ${from}`).get(query, ...filters.params) as { n: number }).n;
    } else {
      const from = `FROM observations o ${joins} WHERE 1 = 1${where}`;
      rows = prepare(
        `SELECT ${SELECT_COLUMNS}, substr(o.text, 1, 200) AS snippet ${from} ORDER BY o.captured_at DESC LIMIT ? OFFSET ?`,
      ).all(...filters.params, request.limit, request.offset) as Row[];
      total = (prepare(`SELECT count(*) AS n ${from}`).get(...filters.params) as { n: number }).n;
    }
    return {
      total,
      results: rows.map(({ snippet, ...row }) => ({ ...row, snippet: splitSnippet(snippet) })),
    };
  };
}
