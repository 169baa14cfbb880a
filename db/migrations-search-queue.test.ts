import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { upgradedAfter } from '../test/helpers/migration-helpers';
import { createSearchIndexer, firstSearchKeyAt, searchKeyOf, TIDY_AFTER } from './search-indexer';

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

/** Seeded before 0010, then opened with the first `count` migrations, or all of them. */
const upgraded = (count?: number) => upgradedAfter(temps, 10, seed, count);

// FTS5's own check of the index against its text: it throws if they disagree.
const expectIndexIntact = (sqlite: Database) =>
  expect(() =>
    sqlite.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')"),
  ).not.toThrow();

const find = (sqlite: Database, term: string) =>
  sqlite
    .prepare(
      'SELECT s.item_id FROM search_index JOIN search_items s ON s.rowid = search_index.rowid WHERE search_index MATCH ? ORDER BY s.item_id',
    )
    .pluck()
    .all(term);
const queueLength = (sqlite: Database) =>
  sqlite.prepare('SELECT count(*) FROM search_queue').pluck().get() as number;

const observe = (sqlite: Database, id: string, text: string, area = 'a1', at = '2026-11-01T10:06:00.000Z') =>
  sqlite
    .prepare(
      `INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at)
       VALUES (?, 'r1', ?, ?, 'heard', 'patient', ?, NULL, 'x', 'x')`,
    )
    .run(id, area, at, text);

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
    expectIndexIntact(db.sqlite);
    db.close();
  });

  it('gives new observations keys by when they were captured, and within a second in the order saved', () => {
    const db = upgraded();
    const indexer = createSearchIndexer(db.sqlite);
    observe(db.sqlite, 'o5', 'Noted o5');
    observe(db.sqlite, 'o3', 'Noted o3');
    // Saved after, captured before: it goes before them, and before o1 (10:05).
    observe(db.sqlite, 'o4', 'Noted o4', 'a1', '2026-11-01T09:30:00.000Z');
    observe(db.sqlite, 'o2', 'Noted o2', 'a1', '2026-11-01T10:07:00.000Z');
    indexer.catchUp();
    // The same second as o5 and o3, in a later catch-up: the key after theirs.
    observe(db.sqlite, 'o6', 'Noted o6');
    indexer.catchUp();
    expect(db.sqlite.prepare('SELECT item_id FROM search_items ORDER BY rowid').pluck().all()).toEqual([
      'o4',
      'o1',
      'o5',
      'o3',
      'o6',
      'o2',
    ]);
    const key = db.sqlite.prepare('SELECT rowid FROM search_items WHERE item_id = ?').pluck();
    expect(key.get('o6')).toBe((Date.parse('2026-11-01T10:06:00.000Z') / 1000) * 65536 + 2);
    db.close();
  });
});

describe('migration 0011_search_filters', () => {
  it('copies when and where of every indexed observation, and deleting one removes its row', () => {
    const db = upgraded(12);
    const filters = () => db.sqlite.prepare('SELECT key, at, site FROM search_filters ORDER BY key').all();
    const keyOf = db.sqlite
      .prepare("SELECT rowid FROM search_items WHERE item_kind = 'observation' AND item_id = ?")
      .pluck();
    expect(filters()).toEqual([{ key: keyOf.get('o1'), at: '2026-11-01T10:05:00.000Z', site: 'Sutton' }]);
    db.sqlite.exec("DELETE FROM observations WHERE id = 'o1'");
    expect(filters()).toEqual([]);
    db.close();
  });
});

describe('migration 0012_search_by_time', () => {
  const HASH = 'a'.repeat(64);
  // Before 0010 every item was indexed as it was written, with keys in the order of writing.
  // Here o2 is written after o1 but happened before it, and o3 in the same second as o1.
  function upgradedWithItems() {
    return upgradedAfter(temps, 10, (sqlite) => {
      seed(sqlite);
      sqlite.exec(`
      INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at) VALUES ('r2', '2026-11-01T11:00:00.000Z', 'Chelsea', NULL, 'in_progress', 'x', 'x');
      INSERT INTO areas (id, site, name, created_at) VALUES ('c1', 'Chelsea', 'Day Unit', 'x');
      INSERT INTO round_areas (id, round_id, area_id, visited_at, position) VALUES ('rc1', 'r2', 'c1', 'x', 0);
      INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at)
        VALUES ('o2', 'r1', 'a1', '2026-11-01T09:00:00.000Z', 'heard', 'patient', 'Parking was hard', NULL, 'x', 'x');
      INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at)
        VALUES ('o3', 'r1', 'a2', '2026-11-01T10:05:00.000Z', 'seen', 'staff', 'Signage was confusing', NULL, 'x', 'x');
      INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at)
        VALUES ('o4', 'r2', 'c1', '2026-11-01T11:00:00.000Z', 'heard', 'carer_family', 'Parking was fine', NULL, 'x', 'x');
      INSERT INTO stories (id, title, storyteller, author, narrative, status, text_hash, created_at, updated_at)
        VALUES ('s1', 'Parking', 'patient', 'Dr Obi', 'The parking machine ate my ticket', 'draft', '${HASH}', '2026-11-02T08:00:00.000Z', 'x');
      INSERT INTO actions (id, said, will_do, site, area_id, due_date, status, said_at, created_at, updated_at)
        VALUES ('act1', 'Parking is hard', 'Ask estates about parking', 'Sutton', 'a1', NULL, 'open', 'x', '2026-10-30T12:00:00.000Z', 'x');
    `);
    });
  }
  const key = (iso: string, after = 0) => (Date.parse(iso) / 1000) * 65536 + after;
  const keys = (sqlite: Database) =>
    sqlite.prepare('SELECT item_id AS id, rowid AS key FROM search_items ORDER BY rowid').all();
  const matching = (sqlite: Database, query: string) =>
    sqlite
      .prepare(
        'SELECT si.item_id FROM search_index JOIN search_items si ON si.rowid = search_index.rowid WHERE search_index MATCH ? ORDER BY search_index.rowid',
      )
      .pluck()
      .all(query);
  const siteWord = (site: string) => `zo${Buffer.from(site.toLowerCase()).toString('hex')}x`;

  it('keys every item by its time, in the same order, and drops search_filters', () => {
    const db = upgradedWithItems();
    expect(keys(db.sqlite)).toEqual([
      { id: 'act1', key: key('2026-10-30T12:00:00.000Z') },
      { id: 'o2', key: key('2026-11-01T09:00:00.000Z') },
      { id: 'o1', key: key('2026-11-01T10:05:00.000Z') },
      // The same second: the next key, in the order they were written.
      { id: 'o3', key: key('2026-11-01T10:05:00.000Z', 1) },
      { id: 'o4', key: key('2026-11-01T11:00:00.000Z') },
      { id: 's1', key: key('2026-11-02T08:00:00.000Z') },
    ]);
    expect(db.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'search_filters'").get()).toBe(
      undefined,
    );
    expectIndexIntact(db.sqlite);
    db.close();
  });

  it('makes the same first key of a time in SQL as in JavaScript, whole seconds down', () => {
    const db = upgradedWithItems();
    const inSql = db.sqlite.prepare(`SELECT ${searchKeyOf('?')}`).pluck();
    for (const time of ['2026-11-01T10:05:00.000Z', '2026-11-01T10:05:00.999Z', '1969-12-31T23:59:59.500Z']) {
      expect(inSql.get(time), time).toBe(firstSearchKeyAt(Date.parse(time)));
    }
    db.close();
  });

  it('keeps every text searchable, and gives observations their facets', () => {
    const db = upgradedWithItems();
    expect(matching(db.sqlite, 'parking')).toEqual(['act1', 'o2', 'o4', 's1']);
    expect(matching(db.sqlite, 'text : parking AND facets : zo')).toEqual(['o2', 'o4']);
    expect(matching(db.sqlite, `text : parking AND facets : ${siteWord('Sutton')}`)).toEqual(['o2']);
    expect(matching(db.sqlite, `text : parking AND facets : ${siteWord('chelsea')}`)).toEqual(['o4']);
    // A period is a range of keys.
    const between = db.sqlite
      .prepare(
        `SELECT si.item_id FROM search_index JOIN search_items si ON si.rowid = search_index.rowid
         WHERE search_index MATCH 'text : (signage OR calm OR parking) AND facets : zo'
           AND search_index.rowid >= ${searchKeyOf('?')} AND search_index.rowid < ${searchKeyOf('?')}
         ORDER BY search_index.rowid`,
      )
      .pluck();
    expect(between.all('2026-11-01T10:05:00.000Z', '2026-11-01T11:00:00.000Z')).toEqual(['o1', 'o3']);
    expect(between.all('2026-11-01T00:00:00.000Z', '2026-11-01T10:05:00.000Z')).toEqual(['o2']);
    db.close();
  });

  it('keys new stories and actions by their time too, after any of the same second', () => {
    const db = upgradedWithItems();
    db.sqlite.exec(`
      INSERT INTO stories (id, title, storyteller, author, narrative, status, text_hash, created_at, updated_at)
        VALUES ('s2', 'Food', 'carer_family', 'Dr Obi', 'The soup was cold', 'draft', '${HASH}', '2026-11-02T08:00:00.000Z', 'x');
      INSERT INTO actions (id, said, will_do, site, area_id, due_date, status, said_at, created_at, updated_at)
        VALUES ('act2', 'Soup was cold', 'Check the trolleys', 'Sutton', 'a1', NULL, 'open', 'x', '2026-10-31T09:30:00.000Z', 'x');
    `);
    const keyOf = db.sqlite.prepare('SELECT rowid FROM search_items WHERE item_id = ?').pluck();
    expect(keyOf.get('s2')).toBe(key('2026-11-02T08:00:00.000Z', 1));
    expect(keyOf.get('act2')).toBe(key('2026-10-31T09:30:00.000Z'));
    expect(matching(db.sqlite, 'soup')).toEqual(['act2', 's2']);
    db.close();
  });
});
