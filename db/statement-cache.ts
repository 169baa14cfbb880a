import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';

/**
 * Prepares each distinct SQL text once per connection. For queries assembled from optional
 * filters: every combination a person uses is compiled the first time and reused after.
 */
export function statementCache(sqlite: Database): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
