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
  function upgraded(status: string) {
    const { dir, key } = setup();
    const before = openAt(dir, key, migrationsUpTo(dir, 1));
    seedRound(before.sqlite, status);
    before.close();
    return openAt(dir, key, migrationsFolder);
  }

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

describe('the migration set', () => {
  it('has a test block above for every migration in the journal', () => {
    expect(readMigrations(migrationsFolder).map((m) => m.tag)).toEqual(['0000_init', '0001_guards']);
  });
});
