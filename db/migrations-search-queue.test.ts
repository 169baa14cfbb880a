import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsUpTo, openAt } from '../test/helpers/migration-helpers';
import { makeTempDir, migrationsFolder } from '../test/helpers/test-context';
import { createSearchIndexer, TIDY_AFTER } from './search-indexer';

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

function seed(sqlite: Database) {
  sqlite.exec(`
    INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at) VALUES ('r1', '2026-11-01T10:00:00.000Z', 'Sutton', NULL, 'in_progress', 'x', 'x');
    INSERT INTO areas (id, site, name, created_at) VALUES ('a1', 'Sutton', 'Ward 1', 'x');
    INSERT INTO areas (id, site, name, created_at) VALUES ('a2', 'Sutton', 'Ward 2', 'x');
    INSERT INTO round_areas (id, round_id, area_id, visited_at, position) VALUES ('ra1', 'r1', 'a1', 'x', 0);
    INSERT INTO round_areas (id, round_id, area_id, visited_at, position) VALUES ('ra2', 'r1', 'a2', 'x', 1);
    INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at)
      VALUES ('o1', 'r1', 'a1', '2026-11-01T10:05:00.000Z', 'heard', 'patient', 'Lovely calm bay', NULL, 'x', 'x');
  `);
}

function upgraded() {
  const temp = makeTempDir();
  temps.push(temp);
  const key = randomBytes(32);
  const before = openAt(temp.dir, key, migrationsUpTo(temp.dir, 10));
  seed(before.sqlite);
  before.close();
  // To the latest: the indexer as it is now also fills search_filters (0011).
  return openAt(temp.dir, key, migrationsFolder);
}

const find = (sqlite: Database, term: string) =>
  sqlite
    .prepare(
      'SELECT s.item_id FROM search_index JOIN search_items s ON s.rowid = search_index.rowid WHERE search_index MATCH ? ORDER BY s.item_id',
    )
    .pluck()
    .all(term);
const queueLength = (sqlite: Database) =>
  sqlite.prepare('SELECT count(*) FROM search_queue').pluck().get() as number;

const observe = (sqlite: Database, id: string, text: string, area = 'a1') =>
  sqlite
    .prepare(
      `INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at)
       VALUES (?, 'r1', ?, '2026-11-01T10:06:00.000Z', 'heard', 'patient', ?, NULL, 'x', 'x')`,
    )
    .run(id, area, text);

describe('migration 0010_search_queue', () => {
  it('keeps what was indexed, and a new observation waits in the queue until the indexer runs', () => {
    const db = upgraded();
    expect(find(db.sqlite, 'lovely')).toEqual(['o1']);
    expect(queueLength(db.sqlite)).toBe(0);

    observe(db.sqlite, 'o2', 'The hearing loop was broken');
    expect(queueLength(db.sqlite)).toBe(1);
    expect(find(db.sqlite, 'loop')).toEqual([]);

    const indexer = createSearchIndexer(db.sqlite);
    expect(indexer.catchUp()).toBe(1);
    expect(find(db.sqlite, 'loop')).toEqual(['o2']);
    expect(
      db.sqlite
        .prepare(
          "SELECT site, area_id AS areaId, round_id AS roundId, at FROM search_items WHERE item_id = 'o2'",
        )
        .get(),
    ).toEqual({
      site: 'Sutton',
      areaId: 'a1',
      roundId: 'r1',
      at: '2026-11-01T10:06:00.000Z',
    });
    expect(queueLength(db.sqlite)).toBe(0);
    expect(indexer.catchUp()).toBe(0);
    db.close();
  });

  it('indexes an edited text afresh, once however often it was queued', () => {
    const db = upgraded();
    const indexer = createSearchIndexer(db.sqlite);
    observe(db.sqlite, 'o2', 'Parking was hard to find');
    db.sqlite.exec("UPDATE observations SET text = 'Signage was hard to follow' WHERE id = 'o2'");
    db.sqlite.exec("UPDATE observations SET text = 'Nobody explained the wait' WHERE id = 'o1'");
    expect(queueLength(db.sqlite)).toBe(3);
    // An edit that leaves the text alone queues nothing.
    db.sqlite.exec("UPDATE observations SET kind = 'seen' WHERE id = 'o2'");
    expect(queueLength(db.sqlite)).toBe(3);

    expect(indexer.catchUp()).toBe(3);
    expect(find(db.sqlite, 'parking')).toEqual([]);
    expect(find(db.sqlite, 'signage')).toEqual(['o2']);
    expect(find(db.sqlite, 'lovely')).toEqual([]);
    expect(find(db.sqlite, 'explained')).toEqual(['o1']);
    expect(db.sqlite.prepare('SELECT count(*) FROM search_index').pluck().get()).toBe(2);
    expect(db.sqlite.prepare('SELECT count(*) FROM search_items').pluck().get()).toBe(2);
    db.close();
  });

  it('skips an observation deleted before it was indexed, and deleting still unindexes at once', () => {
    const db = upgraded();
    const indexer = createSearchIndexer(db.sqlite);
    observe(db.sqlite, 'o2', 'The call bell went unanswered');
    db.sqlite.exec("DELETE FROM observations WHERE id = 'o2'");
    db.sqlite.exec("DELETE FROM observations WHERE id = 'o1'");
    expect(find(db.sqlite, 'lovely')).toEqual([]);
    expect(indexer.catchUp()).toBe(1);
    expect(find(db.sqlite, 'bell')).toEqual([]);
    expect(db.sqlite.prepare('SELECT count(*) FROM search_items').pluck().get()).toBe(0);
    db.close();
  });

  it('takes the area an observation has when it is indexed', () => {
    const db = upgraded();
    observe(db.sqlite, 'o2', 'Water jugs left empty');
    db.sqlite.exec("UPDATE observations SET area_id = 'a2' WHERE id = 'o2'");
    createSearchIndexer(db.sqlite).catchUp();
    expect(db.sqlite.prepare("SELECT area_id FROM search_items WHERE item_id = 'o2'").pluck().get()).toBe(
      'a2',
    );
    db.close();
  });

  it('keeps one row recording the last checkpoint, and no more', () => {
    const db = upgraded();
    expect(db.sqlite.prepare('SELECT id, at FROM last_checkpoint').all()).toEqual([{ id: 1, at: '' }]);
    expect(() => db.sqlite.exec("INSERT INTO last_checkpoint (id, at) VALUES (2, 'x')")).toThrow(/CHECK/);
    db.close();
  });

  it('merges the index into one segment after a large catch-up, and leaves a small one to FTS5', () => {
    const db = upgraded();
    const indexer = createSearchIndexer(db.sqlite);
    const segments = () =>
      db.sqlite.prepare('SELECT count(DISTINCT segid) FROM search_index_idx').pluck().get() as number;
    // Each catch-up writes its own segment.
    observe(db.sqlite, 'o2', 'The ward was calm');
    indexer.catchUp();
    const before = segments();
    expect(before).toBeGreaterThan(1);
    observe(db.sqlite, 'o3', 'The porter was kind');
    expect(indexer.catchUp()).toBe(1);
    expect(segments()).toBe(before + 1);

    db.sqlite.transaction(() => {
      for (let i = 0; i < TIDY_AFTER; i += 1)
        observe(db.sqlite, `bulk${i}`, `Imported note ${i} about parking`);
    })();
    expect(indexer.catchUp()).toBe(TIDY_AFTER);
    expect(segments()).toBe(1);
    // Every entry is still found.
    expect(find(db.sqlite, 'parking')).toHaveLength(TIDY_AFTER);
    expect(find(db.sqlite, 'porter')).toEqual(['o3']);
    // FTS5's own check of the index against its text: it throws if they disagree.
    expect(() =>
      db.sqlite.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')"),
    ).not.toThrow();
    db.close();
  });

  it('gives new observations keys in the order they were saved, so newest-first pages follow the key', () => {
    const db = upgraded();
    for (const id of ['o5', 'o3', 'o4', 'o2']) observe(db.sqlite, id, `Noted ${id}`);
    createSearchIndexer(db.sqlite).catchUp();
    expect(
      db.sqlite
        .prepare("SELECT item_id FROM search_items WHERE item_id <> 'o1' ORDER BY rowid")
        .pluck()
        .all(),
    ).toEqual(['o5', 'o3', 'o4', 'o2']);
    db.close();
  });
});

describe('migration 0011_search_filters', () => {
  it('copies when and where of every indexed observation, and keeps it in step', () => {
    const db = upgraded();
    const filters = () => db.sqlite.prepare('SELECT key, at, site FROM search_filters ORDER BY key').all();
    const keyOf = (id: string) =>
      db.sqlite
        .prepare("SELECT rowid FROM search_items WHERE item_kind = 'observation' AND item_id = ?")
        .pluck()
        .get(id);
    expect(filters()).toEqual([{ key: keyOf('o1'), at: '2026-11-01T10:05:00.000Z', site: 'Sutton' }]);
    observe(db.sqlite, 'o2', 'Signage was poor');
    createSearchIndexer(db.sqlite).catchUp();
    expect(filters()).toEqual([
      { key: keyOf('o1'), at: '2026-11-01T10:05:00.000Z', site: 'Sutton' },
      { key: keyOf('o2'), at: '2026-11-01T10:06:00.000Z', site: 'Sutton' },
    ]);
    db.sqlite.exec("DELETE FROM observations WHERE id = 'o1'");
    expect(filters()).toEqual([{ key: keyOf('o2'), at: '2026-11-01T10:06:00.000Z', site: 'Sutton' }]);
    db.close();
  });
});
