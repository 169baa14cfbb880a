import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsUpTo, openAt, upgradedAfter } from '../test/helpers/migration-helpers';
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
  return upgradedAfter(
    temps,
    count,
    (sqlite) => {
      // Seeded while open, then moved on: once the lock triggers exist, a completed round
      // cannot be given observations.
      seedRound(sqlite, 'in_progress');
      if (status !== 'in_progress')
        sqlite.prepare("UPDATE rounds SET status = ? WHERE id = 'r1'").run(status);
    },
    upTo,
  );
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
  // Up to 0009: from 0010 on, saves reach the index through the queue (migrations-search-queue.test.ts).
  it('indexes existing observations and keeps the index in step with edits and deletions', () => {
    const db = upgradedFrom(3, 'in_progress', 10);
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

type Sqlite = import('better-sqlite3-multiple-ciphers').Database;

const HASH = 'a'.repeat(64);
function seedStory(sqlite: Sqlite, id: string, status = 'draft', extra = '') {
  sqlite
    .prepare(
      `INSERT INTO stories (id, title, storyteller, author, narrative, round_id, status, text_hash, read_back_hash, approved_at, withdrawn_on, created_at, updated_at)
       VALUES (?, 'Waiting', 'patient', 'Dr Obi', ?, 'r1', ?, ?, ?, ?, ?, '2026-06-01T10:00:00.000Z', '2026-06-01T10:00:00.000Z')`,
    )
    .run(
      id,
      `The nurses were kind ${extra}`.trim(),
      status,
      HASH,
      status === 'draft' || status === 'withdrawn' ? null : HASH,
      status === 'approved' ? '2026-06-02T10:00:00.000Z' : null,
      status === 'withdrawn' ? '2026-06-03' : null,
    );
}

/** Opens at `count` migrations, seeds the round (and `seed`), then upgrades by one. */
function upgradedOneFrom(count: number, seed: (sqlite: Sqlite) => void = () => {}) {
  const seedBoth = (sqlite: Sqlite) => {
    seedRound(sqlite);
    seed(sqlite);
  };
  return upgradedAfter(temps, count, seedBoth, count + 1);
}

const planOf = (sqlite: Sqlite, query: string) =>
  (sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[])
    .map((p) => p.detail)
    .join(' ');

describe('migration 0004_stories', () => {
  it('adds stories, consent, read-backs and exports, keeping every earlier row', () => {
    const db = upgradedOneFrom(4);
    expect(db.sqlite.prepare('SELECT text FROM observations').all()).toEqual([{ text: 'Lovely staff' }]);
    for (const table of ['rounds', 'areas', 'audit_log']) expect(count(db.sqlite, table)).toBe(1);
    seedStory(db.sqlite, 's1');
    db.sqlite.exec(`
      INSERT INTO story_consents (story_id, given_on, method, recorded_by, scopes, identity, review_on, recorded_at)
        VALUES ('s1', '2026-03-01', 'written', 'Dr Obi', '["peig"]', 'anonymised', '2028-03-01', 'x');
      INSERT INTO story_read_backs (id, story_id, checked_on, method, text_hash, recorded_at)
        VALUES ('rb1', 's1', '2026-03-02', 'phone', '${HASH}', 'x');
      INSERT INTO exports (story_id, exported_at, kind, file_name, scope, identity)
        VALUES ('s1', 'x', 'story', 'a.docx', 'peig', 'anonymised');`);
    expect(count(db.sqlite, 'stories')).toBe(1);
    db.close();
  });

  it('holds the consent and read-back rules in CHECK constraints', () => {
    const db = upgradedOneFrom(4);
    seedStory(db.sqlite, 's1');
    const consent = (scopes: string, review: string) =>
      db.sqlite.exec(
        `INSERT INTO story_consents (story_id, given_on, method, recorded_by, scopes, identity, review_on, recorded_at)
         VALUES ('s1', '2026-03-01', 'written', 'Dr Obi', '${scopes}', 'anonymised', '${review}', 'x')`,
      );
    expect(() => consent('[]', '2028-03-01')).toThrow(/CHECK/);
    expect(() => consent('["peig"]', '2026-02-01')).toThrow(/CHECK/);
    expect(() => db.sqlite.exec("UPDATE stories SET status = 'approved', approved_at = 'x'")).toThrow(
      /CHECK/,
    );
    expect(() => db.sqlite.exec("UPDATE stories SET status = 'withdrawn'")).toThrow(/CHECK/);
    expect(() => db.sqlite.exec("UPDATE stories SET quotes = 'not json'")).toThrow(/CHECK/);
    db.close();
  });

  it('serves the approved-story list and the exports of a story from their indexes', () => {
    const db = upgradedOneFrom(4);
    const list = planOf(
      db.sqlite,
      "SELECT id FROM stories WHERE status = 'approved' ORDER BY updated_at DESC",
    );
    expect(list).toContain('stories_status_updated_idx');
    expect(list).not.toContain('TEMP B-TREE');
    const exportsPlan = planOf(db.sqlite, "SELECT * FROM exports WHERE story_id = 's1' ORDER BY exported_at");
    expect(exportsPlan).toContain('exports_story_idx');
    expect(exportsPlan).not.toContain('TEMP B-TREE');
    expect(planOf(db.sqlite, "SELECT story_id FROM story_consents WHERE review_on < '2026-01-01'")).toContain(
      'story_consents_review_idx',
    );
    db.close();
  });
});

describe('migration 0005_clearance_settings', () => {
  it('adds personal-data decisions and settings, keeping stories and earlier rows', () => {
    const db = upgradedOneFrom(5, (sqlite) => seedStory(sqlite, 's1'));
    expect(db.sqlite.prepare('SELECT narrative FROM stories').all()).toEqual([
      { narrative: 'The nurses were kind' },
    ]);
    expect(count(db.sqlite, 'observations')).toBe(1);
    db.sqlite.exec("INSERT INTO settings (key, value, updated_at) VALUES ('staff_names', '[\"Ade\"]', 'x')");
    expect(db.sqlite.prepare('SELECT value FROM settings').get()).toEqual({ value: '["Ade"]' });
    db.close();
  });

  it('refuses a "kept" decision without a reason, and one decision per finding', () => {
    const db = upgradedOneFrom(5, (sqlite) => seedStory(sqlite, 's1'));
    const decide = (decision: string, reason: string | null) =>
      db.sqlite
        .prepare(
          `INSERT INTO clearance_decisions (item_kind, item_id, field, finding_key, decision, reason, decided_by, decided_at)
           VALUES ('story', 's1', 'narrative', 'name#0#ade', ?, ?, 'u', 'x')`,
        )
        .run(decision, reason);
    expect(() => decide('kept', '  ')).toThrow(/CHECK/);
    expect(() => decide('kept', null)).toThrow(/CHECK/);
    decide('kept', 'Agreed to be named');
    expect(() => decide('redacted', null)).toThrow(/UNIQUE/);
    db.close();
  });

  it('finds an item’s decisions by the unique index', () => {
    const db = upgradedOneFrom(5);
    expect(
      planOf(db.sqlite, "SELECT * FROM clearance_decisions WHERE item_kind = 'story' AND item_id = 's1'"),
    ).toContain('clearance_decisions_finding_uq');
    db.close();
  });
});

describe('migration 0006_story_guards', () => {
  const seedStories = (sqlite: Sqlite) => {
    seedStory(sqlite, 'draft1', 'draft', 'and explained the scan');
    seedStory(sqlite, 'gone1', 'withdrawn', 'and explained the biopsy');
  };
  const find = (sqlite: Sqlite, term: string) =>
    sqlite
      .prepare(
        "SELECT si.item_id AS id, si.site AS site FROM search_index JOIN search_items si ON si.rowid = search_index.rowid WHERE search_index MATCH ? AND si.item_kind = 'story'",
      )
      .all(term);

  it('indexes existing stories for search, except withdrawn ones, keeping every row', () => {
    const db = upgradedOneFrom(6, seedStories);
    expect(count(db.sqlite, 'stories')).toBe(2);
    expect(find(db.sqlite, 'scan')).toEqual([{ id: 'draft1', site: 'Sutton' }]);
    expect(find(db.sqlite, 'biopsy')).toEqual([]);
    expect(find(db.sqlite, 'lovely')).toEqual([]);
    expect(
      db.sqlite.prepare("SELECT count(*) AS n FROM search_items WHERE item_kind = 'observation'").get(),
    ).toEqual({
      n: 1,
    });
    db.close();
  });

  it('keeps the index in step with edits, and drops a story from it when consent is withdrawn', () => {
    const db = upgradedOneFrom(6, seedStories);
    db.sqlite.exec(
      "UPDATE stories SET narrative = 'The chemotherapy nurses', title = 'Chemo' WHERE id = 'draft1'",
    );
    expect(find(db.sqlite, 'scan')).toEqual([]);
    expect(find(db.sqlite, 'chemotherapy')).toEqual([{ id: 'draft1', site: 'Sutton' }]);
    db.sqlite.exec(
      "UPDATE stories SET status = 'withdrawn', withdrawn_on = '2026-06-04' WHERE id = 'draft1'",
    );
    expect(find(db.sqlite, 'chemotherapy')).toEqual([]);
    expect(() =>
      db.sqlite.exec("UPDATE stories SET status = 'draft', withdrawn_on = NULL WHERE id = 'draft1'"),
    ).toThrow(/withdrawn/);
    expect(() =>
      db.sqlite.exec(
        "INSERT INTO exports (story_id, exported_at, kind, file_name, scope, identity) VALUES ('draft1', 'x', 'story', 'a.docx', 'peig', 'anonymised')",
      ),
    ).toThrow(/withdrawn/);
    expect(() =>
      db.sqlite.exec(
        "INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id, created_at) VALUES ('story', 'draft1', 'trust-values', 'kind', 'x')",
      ),
    ).toThrow(/withdrawn/);
    db.close();
  });

  it('fixes the text of an approved story unless the same statement sends it back to draft', () => {
    const db = upgradedOneFrom(6, (sqlite) => seedStory(sqlite, 'ok1', 'approved'));
    expect(() => db.sqlite.exec("UPDATE stories SET narrative = 'forged' WHERE id = 'ok1'")).toThrow(
      /read back/,
    );
    expect(() => db.sqlite.exec("UPDATE stories SET learning_points = '[\"x\"]' WHERE id = 'ok1'")).toThrow(
      /read back/,
    );
    db.sqlite.exec("UPDATE stories SET title = 'A new title' WHERE id = 'ok1'");
    db.sqlite.exec("UPDATE stories SET narrative = 'edited', status = 'draft' WHERE id = 'ok1'");
    expect(db.sqlite.prepare("SELECT status, narrative FROM stories WHERE id = 'ok1'").get()).toEqual({
      status: 'draft',
      narrative: 'edited',
    });
    db.close();
  });

  it('approves only from read back with consent on record, and starts every story as a draft', () => {
    const db = upgradedOneFrom(6, (sqlite) => seedStory(sqlite, 'rb1', 'read_back'));
    expect(() =>
      db.sqlite.exec("UPDATE stories SET status = 'approved', approved_at = 'x' WHERE id = 'rb1'"),
    ).toThrow(/consent/);
    db.sqlite
      .exec(`INSERT INTO story_consents (story_id, given_on, method, recorded_by, scopes, identity, review_on, recorded_at)
      VALUES ('rb1', '2026-03-01', 'written', 'Dr Obi', '["peig"]', 'anonymised', '2028-03-01', 'x')`);
    db.sqlite.exec("UPDATE stories SET status = 'approved', approved_at = 'x' WHERE id = 'rb1'");
    expect(() => seedStory(db.sqlite, 'new1', 'approved')).toThrow(/draft/);
    db.close();
  });

  it('removes an observation’s personal-data decisions with it, and keeps an index edit a key lookup', () => {
    const db = upgradedOneFrom(6);
    db.sqlite
      .exec(`INSERT INTO clearance_decisions (item_kind, item_id, field, finding_key, decision, reason, decided_by, decided_at)
      VALUES ('observation', 'o1', 'text', 'name#0#ade', 'redacted', NULL, 'u', 'x')`);
    db.sqlite.exec("DELETE FROM observations WHERE id = 'o1'");
    expect(count(db.sqlite, 'clearance_decisions')).toBe(0);
    expect(
      planOf(db.sqlite, "SELECT rowid FROM search_items WHERE item_kind = 'story' AND item_id = 's1'"),
    ).toContain('search_items_item_uq');
    db.close();
  });
});

describe('the migration set', () => {
  // 0007 and 0008 are tested in migrations-actions.test.ts, 0009 in migrations-sign-off.test.ts,
  // 0010, 0011 and 0012 in migrations-search-queue.test.ts, 0014 in migrations-bundles.test.ts,
  // 0016 in migrations-plain-words.test.ts.
  it('has a test block for every migration in the journal', () => {
    expect(readMigrations(migrationsFolder).map((m) => m.tag)).toEqual([
      '0000_init',
      '0001_guards',
      '0002_tags_sentiment',
      '0003_search',
      '0004_stories',
      '0005_clearance_settings',
      '0006_story_guards',
      '0007_actions',
      '0008_action_guards',
      '0009_sign_off',
      '0010_search_queue',
      '0011_search_filters',
      '0012_search_by_time',
      '0013_lock_guards',
      '0014_trust_bundles',
      '0015_trust_hub',
      '0016_plain_words',
    ]);
  });
});
