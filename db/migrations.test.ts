import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsUpTo, openAt } from '../test/helpers/migration-helpers';
import { makeTempDir, migrationsFolder } from '../test/helpers/test-context';
import { readMigrations } from './migrate';

// Each migration has its own test: seed rows at the version before it, upgrade, and check
// that the data is kept and the migration does what it was made for.

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));
function setup() {
  const temp = makeTempDir();
  temps.push(temp);
  return { dir: temp.dir, key: randomBytes(32) };
}

function seedRound(sqlite: import('better-sqlite3-multiple-ciphers').Database, status = 'in_progress') {
  sqlite.exec(`
    INSERT INTO templates (id, name, description, source, version, created_at) VALUES ('t1', 'T', '', 'builtin', 1, 'x');
    INSERT INTO template_prompts (id, template_id, section, text, position) VALUES ('p1', 't1', 'S', 'Prompt?', 0);
    INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at) VALUES ('r1', '2026-11-01T10:00:00.000Z', 'Sutton', 't1', '${status}', 'x', 'x');
    INSERT INTO round_team_members (id, round_id, name, role, position) VALUES ('m1', 'r1', 'Alex Morgan', 'ned', 0);
    INSERT INTO areas (id, site, name, created_at) VALUES ('a1', 'Sutton', 'Ward 1', 'x');
    INSERT INTO round_areas (id, round_id, area_id, visited_at, position) VALUES ('ra1', 'r1', 'a1', 'x', 0);
    INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at)
      VALUES ('o1', 'r1', 'a1', '2026-11-01T10:05:00.000Z', 'quote', 'patient', 'Lovely staff', 'p1', 'x', 'x');
    INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (1, 'x', 'u', 'create', 'round', 'r1', '{}', '0', 'h');
  `);
}

const count = (sqlite: import('better-sqlite3-multiple-ciphers').Database, table: string) =>
  (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 0000_init', () => {
  it('creates the tables, and the round-observation index serves the round page query', () => {
    const { dir, key } = setup();
    const db = openAt(dir, key, migrationsUpTo(dir, 1));
    seedRound(db.sqlite);
    for (const table of [
      'templates',
      'template_prompts',
      'rounds',
      'round_team_members',
      'areas',
      'round_areas',
      'observations',
      'audit_log',
    ]) {
      expect(count(db.sqlite, table)).toBe(1);
    }
    const plan = db.sqlite
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM observations WHERE round_id = 'r1' ORDER BY captured_at")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('observations_round_captured_idx');
    expect(plan.map((p) => p.detail).join(' ')).not.toContain('TEMP B-TREE');
    db.close();
  });

  it('rejects values outside the allowed lists', () => {
    const { dir, key } = setup();
    const db = openAt(dir, key, migrationsUpTo(dir, 1));
    seedRound(db.sqlite);
    expect(() => db.sqlite.exec("UPDATE observations SET kind = 'rumour'")).toThrow(/CHECK/);
    expect(() => db.sqlite.exec("UPDATE rounds SET status = 'archived'")).toThrow(/CHECK/);
    expect(() => db.sqlite.exec("UPDATE round_team_members SET role = 'king'")).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0001_guards', () => {
  const upgraded = (status: string) => upgradedFrom(1, status, 2);

  it('keeps every row through the upgrade', () => {
    const db = upgraded('in_progress');
    expect(db.backupBeforeMigration).not.toBeNull();
    expect(db.sqlite.prepare('SELECT text FROM observations').all()).toEqual([{ text: 'Lovely staff' }]);
    for (const table of ['rounds', 'round_team_members', 'areas', 'round_areas', 'audit_log'])
      expect(count(db.sqlite, table)).toBe(1);
    db.close();
  });

  it('makes the audit log append-only', () => {
    const db = upgraded('in_progress');
    expect(() => db.sqlite.exec("UPDATE audit_log SET actor = 'someone else'")).toThrow(/append-only/);
    expect(() => db.sqlite.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    db.close();
  });

  it('lets an open round be edited, and locks a completed one against raw SQL', () => {
    const open = upgraded('in_progress');
    open.sqlite.exec("UPDATE observations SET text = 'Lovely, kind staff' WHERE id = 'o1'");
    open.sqlite.exec("UPDATE rounds SET status = 'completed' WHERE id = 'r1'");
    expect(() => open.sqlite.exec("UPDATE observations SET text = 'rewritten' WHERE id = 'o1'")).toThrow(
      /locked/,
    );
    expect(() => open.sqlite.exec("DELETE FROM observations WHERE id = 'o1'")).toThrow(/locked/);
    expect(() =>
      open.sqlite.exec(
        "INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, created_at, updated_at) VALUES ('o2', 'r1', 'a1', 'x', 'seen', 'staff', 'late', 'x', 'x')",
      ),
    ).toThrow(/locked/);
    expect(() => open.sqlite.exec("UPDATE round_team_members SET name = 'Someone' WHERE id = 'm1'")).toThrow(
      /locked/,
    );
    expect(() => open.sqlite.exec("DELETE FROM round_areas WHERE id = 'ra1'")).toThrow(/locked/);
    expect(() => open.sqlite.exec("DELETE FROM rounds WHERE id = 'r1'")).toThrow(/locked/);
    expect(() => open.sqlite.exec("UPDATE rounds SET status = 'in_progress' WHERE id = 'r1'")).toThrow(
      /locked/,
    );
    expect(open.sqlite.prepare('SELECT text FROM observations').all()).toEqual([
      { text: 'Lovely, kind staff' },
    ]);
    open.close();
  });

  it('locks every column of a signed-off round', () => {
    const db = upgraded('signed_off');
    expect(() => db.sqlite.exec("UPDATE rounds SET site = 'Elsewhere' WHERE id = 'r1'")).toThrow(
      /signed off/,
    );
    expect(db.sqlite.prepare('SELECT site FROM rounds').get()).toEqual({ site: 'Sutton' });
    db.close();
  });
});

function upgradedFrom(count: number, status = 'in_progress', upTo?: number) {
  const { dir, key } = setup();
  const before = openAt(dir, key, migrationsUpTo(dir, count));
  // Seeded while open, then moved on: once the lock triggers exist, a completed round
  // cannot be given observations.
  seedRound(before.sqlite, 'in_progress');
  if (status !== 'in_progress')
    before.sqlite.prepare("UPDATE rounds SET status = ? WHERE id = 'r1'").run(status);
  before.close();
  return openAt(dir, key, upTo === undefined ? migrationsFolder : migrationsUpTo(dir, upTo));
}

describe('migration 0002_tags_sentiment', () => {
  it('adds sentiment and equality columns in place, keeping rows and the lock triggers', () => {
    const db = upgradedFrom(2, 'in_progress', 3);
    expect(
      db.sqlite
        .prepare('SELECT text, sentiment_suggested, sentiment_drivers, equality_status FROM observations')
        .get(),
    ).toEqual({
      text: 'Lovely staff',
      sentiment_suggested: null,
      sentiment_drivers: '[]',
      equality_status: 'not_recorded',
    });
    expect(() => db.sqlite.exec("UPDATE observations SET equality_status = 'maybe'")).toThrow(/CHECK/);
    expect(() => db.sqlite.exec("UPDATE observations SET sentiment_confirmed = 'angry'")).toThrow(/CHECK/);
    db.sqlite.exec("UPDATE rounds SET status = 'completed'");
    expect(() => db.sqlite.exec("UPDATE observations SET text = 'rewritten'")).toThrow(/locked/);
    db.sqlite.exec("UPDATE observations SET sentiment_confirmed = 'positive'");
    db.close();
  });

  it('indexes tags so coverage finds tagged items without scanning', () => {
    const db = upgradedFrom(2, 'in_progress', 3);
    const plan = db.sqlite
      .prepare(
        "EXPLAIN QUERY PLAN SELECT item_id FROM item_tags WHERE framework_id = 'equality-groups' AND tag_id = 'carers' AND item_kind = 'observation'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('item_tags_tag_idx');
    expect(() =>
      db.sqlite.exec(
        "INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id, impact, created_at) VALUES ('observation', 'o1', 'equality-groups', 'carers', 'great', 'x')",
      ),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 0003_search', () => {
  it('indexes existing observations and keeps the index in step with edits and deletions', () => {
    const db = upgradedFrom(3);
    const find = (term: string) =>
      db.sqlite
        .prepare(
          'SELECT s.item_id FROM search_index JOIN search_items s ON s.rowid = search_index.rowid WHERE search_index MATCH ?',
        )
        .all(term);
    expect(find('lovely')).toEqual([{ item_id: 'o1' }]);
    db.sqlite.exec("UPDATE observations SET text = 'The nurses were wonderful' WHERE id = 'o1'");
    expect(find('lovely')).toEqual([]);
    expect(find('nurse')).toEqual([{ item_id: 'o1' }]);
    db.sqlite.exec(
      "INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id, created_at) VALUES ('observation', 'o1', 'trust-values', 'kind', 'x')",
    );
    db.sqlite.exec("DELETE FROM observations WHERE id = 'o1'");
    expect(find('nurse')).toEqual([]);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM item_tags').get()).toEqual({ n: 0 });
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM search_items').get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps an edit to the index a key lookup, not a scan', () => {
    const db = upgradedFrom(3);
    const plan = db.sqlite
      .prepare(
        "EXPLAIN QUERY PLAN SELECT rowid FROM search_items WHERE item_kind = 'observation' AND item_id = 'o1'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('search_items_item_uq');
    db.close();
  });

  it('lets tags change after completion but not after sign-off', () => {
    const completed = upgradedFrom(3, 'completed');
    completed.sqlite.exec(
      "INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id, created_at) VALUES ('observation', 'o1', 'trust-values', 'kind', 'x')",
    );
    completed.close();
    const signed = upgradedFrom(3, 'signed_off');
    expect(() =>
      signed.sqlite.exec(
        "INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id, created_at) VALUES ('observation', 'o1', 'trust-values', 'kind', 'x')",
      ),
    ).toThrow(/signed off/);
    expect(() => signed.sqlite.exec("UPDATE observations SET sentiment_confirmed = 'negative'")).toThrow(
      /signed off/,
    );
    signed.close();
  });
});

describe('the migration set', () => {
  it('has a test block above for every migration in the journal', () => {
    expect(readMigrations(migrationsFolder).map((m) => m.tag)).toEqual([
      '0000_init',
      '0001_guards',
      '0002_tags_sentiment',
      '0003_search',
    ]);
  });
});
