import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedStorySql, upgradedAfter } from '../test/helpers/migration-helpers';
import { createDrizzle } from './drizzle-client';
import { syncBuiltinTemplates } from './repositories/templates-repository';

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

const HASH = 'a'.repeat(64);
const SIGN_OFF_COLUMNS =
  'kind, item_id, signer_name, signer_role, attestation, signed_at, key_id, public_key_pem, content_sha256, signature';
const signOffValues = (kind: string, id: string) =>
  `('${kind}', '${id}', 'Helen', 'NED', 'I confirm', 'x', '${HASH}', 'pem', '${HASH}', 'sig')`;

// Before migration 0013: r1 completed, r2 signed off, r3 in progress, each in its own area, with
// the prompts their observations answered; an audit entry; an action with its history; a story
// approved, exported and signed off; an addendum to r2's sign-off.
function seed(sqlite: Database) {
  sqlite.exec(`
    INSERT INTO templates (id, name, source, version, created_at) VALUES ('t1', 'Walk', 'builtin', 1, 'x');
    INSERT INTO template_prompts (id, template_id, section, text, position) VALUES
      ('p1', 't1', 'Arrival', 'Was the welcome warm?', 0),
      ('p2', 't1', 'Arrival', 'Could you find your way?', 1),
      ('p3', 't1', 'Arrival', 'Was it clean?', 2);
    INSERT INTO areas (id, site, name, created_at) VALUES ('a1', 'Sutton', 'Oak Ward', 'x'), ('a2', 'Sutton', 'Day Unit', 'x'), ('a3', 'Sutton', 'Clinic', 'x');
    INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at) VALUES
      ('r1', '2026-11-01T10:00:00.000Z', 'Sutton', 't1', 'in_progress', 'x', 'x'),
      ('r2', '2026-11-02T10:00:00.000Z', 'Sutton', 't1', 'in_progress', 'x', 'x'),
      ('r3', '2026-11-03T10:00:00.000Z', 'Sutton', 't1', 'in_progress', 'x', 'x');
    INSERT INTO round_areas (id, round_id, area_id, visited_at, position) VALUES
      ('ra1', 'r1', 'a1', '2026-11-01T10:01:00.000Z', 0), ('ra2', 'r2', 'a2', '2026-11-02T10:01:00.000Z', 0),
      ('ra3', 'r3', 'a3', '2026-11-03T10:01:00.000Z', 0);
    INSERT INTO round_team_members (id, round_id, name, role, position) VALUES ('m1', 'r1', 'Tom', 'ned', 0);
    INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at) VALUES
      ('o1', 'r1', 'a1', '2026-11-01T10:05:00.000Z', 'heard', 'patient', 'The door sticks', 'p1', 'x', 'x'),
      ('o2', 'r2', 'a2', '2026-11-02T10:05:00.000Z', 'heard', 'patient', 'Signs were clear', 'p2', 'x', 'x');
    UPDATE rounds SET status = 'completed', completed_at = 'x' WHERE id IN ('r1', 'r2');
    INSERT INTO sign_offs (${SIGN_OFF_COLUMNS}) VALUES ${signOffValues('round', 'r2')};
    UPDATE rounds SET status = 'signed_off' WHERE id = 'r2';
    INSERT INTO sign_off_addenda (id, kind, item_id, text, signer_name, signer_role, signed_at, key_id, public_key_pem, signature)
      VALUES ('ad1', 'round', 'r2', 'A correction', 'Helen', 'NED', 'x', '${HASH}', 'pem', 'sig');
    INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash)
      VALUES (1, 'x', 'tom', 'create', 'round', 'r1', '{}', '${'0'.repeat(64)}', '${HASH}');
    INSERT INTO actions (id, said, will_do, status, said_at, created_at, updated_at) VALUES ('ac1', 'Door sticks', 'Fix it', 'open', 'x', 'x', 'x');
    INSERT INTO action_events (id, action_id, at, actor, from_status, to_status) VALUES (1, 'ac1', 'x', 'tom', NULL, 'open');
    ${approvedStorySql(HASH)}
    INSERT INTO exports (id, story_id, exported_at, kind, file_name, scope, identity) VALUES (1, 's1', 'x', 'story', 's1.docx', 'peig', 'anonymised');
    INSERT INTO sign_offs (${SIGN_OFF_COLUMNS}) VALUES ${signOffValues('story', 's1')};
  `);
}

const upgraded = () => upgradedAfter(temps, 13, seed);

const LOCKED_TABLES = [
  'rounds',
  'round_areas',
  'round_team_members',
  'observations',
  'areas',
  'template_prompts',
  'audit_log',
  'sign_offs',
  'sign_off_addenda',
  'actions',
  'action_events',
  'stories',
  'story_consents',
  'exports',
];

/** Every row of every locked table, to show a refused statement changed nothing. */
const snapshot = (sqlite: Database) =>
  Object.fromEntries(LOCKED_TABLES.map((t) => [t, sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]));

const ROUND_COLUMNS = 'id, starts_at, site, template_id, status, created_at, updated_at';
const OBSERVATION_COLUMNS =
  'id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at';

// Each is refused by the guards of migration 0013 alone, so also on a connection without
// recursive_triggers (a SQLite shell opened with the key).
const REPLACES: [string, string, RegExp][] = [
  [
    'reopens a completed round, emptying its observations through the cascade',
    `INSERT OR REPLACE INTO rounds (${ROUND_COLUMNS}) VALUES ('r1', '2026-11-01T10:00:00.000Z', 'Sutton', 't1', 'in_progress', 'x', 'x')`,
    /locked: the round is completed/,
  ],
  [
    'reopens a signed-off round',
    `REPLACE INTO rounds (${ROUND_COLUMNS}) VALUES ('r2', '2026-11-02T10:00:00.000Z', 'Sutton', 't1', 'in_progress', 'x', 'x')`,
    /locked: the round is completed/,
  ],
  [
    'rewrites an audit entry',
    `INSERT OR REPLACE INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (1, 'x', 'eve', 'delete', 'round', 'r1', '{}', '${'0'.repeat(64)}', '${HASH}')`,
    /audit_log is append-only/,
  ],
  [
    "moves a completed round's observation into a round still open",
    `INSERT OR REPLACE INTO observations (${OBSERVATION_COLUMNS}) VALUES ('o1', 'r3', 'a3', 'x', 'heard', 'patient', 'Rewritten', NULL, 'x', 'x')`,
    /locked: the round is completed/,
  ],
  [
    "moves a completed round's area visit into a round still open",
    `INSERT OR REPLACE INTO round_areas (id, round_id, area_id, visited_at, position) VALUES ('ra1', 'r3', 'a1', 'x', 5)`,
    /locked: the round is completed/,
  ],
  [
    'replaces a sign-off',
    `INSERT OR REPLACE INTO sign_offs (${SIGN_OFF_COLUMNS}) VALUES ${signOffValues('round', 'r2')}`,
    /locked: a sign-off cannot be changed/,
  ],
  [
    'replaces an addendum',
    `INSERT OR REPLACE INTO sign_off_addenda (id, kind, item_id, text, signer_name, signer_role, signed_at, key_id, public_key_pem, signature) VALUES ('ad1', 'round', 'r2', 'Other', 'Eve', 'NED', 'x', '${HASH}', 'pem', 'sig')`,
    /locked: an addendum cannot be changed/,
  ],
  [
    "rewrites an action's history",
    `INSERT OR REPLACE INTO action_events (id, action_id, at, actor, from_status, to_status) VALUES (1, 'ac1', 'x', 'eve', NULL, 'done')`,
    /action_events is append-only/,
  ],
  [
    'replaces an action, emptying its history through the cascade',
    `INSERT OR REPLACE INTO actions (id, said, will_do, status, said_at, created_at, updated_at) VALUES ('ac1', 'Door sticks', 'Fix it', 'open', 'x', 'x', 'x')`,
    /action_events is append-only/,
  ],
  [
    'rewrites the record of an export',
    `INSERT OR REPLACE INTO exports (id, story_id, exported_at, kind, file_name, scope, identity) VALUES (1, 's1', 'y', 'story', 'other.docx', 'public', 'named')`,
    /locked: the record of exports cannot be changed/,
  ],
  [
    'replaces a signed-off story',
    `INSERT OR REPLACE INTO stories (id, title, storyteller, author, narrative, status, text_hash, created_at, updated_at) VALUES ('s1', 'Other', 'patient', 'Eve', 'Rewritten', 'draft', '${HASH}', 'x', 'x')`,
    /locked: the story is signed off/,
  ],
];

// Refused by the older triggers, seen through the deletion that recursive_triggers exposes, or
// by the UPDATE triggers an upsert runs.
const WITH_RECURSIVE_TRIGGERS: [string, string, RegExp][] = [
  [
    "moves a completed round's team member to a round still open",
    `INSERT OR REPLACE INTO round_team_members (id, round_id, name, role, position) VALUES ('m1', 'r3', 'Eve', 'ned', 0)`,
    /locked: the round is completed/,
  ],
  [
    'replaces the consent of a signed-off story',
    `INSERT OR REPLACE INTO story_consents (story_id, given_on, method, recorded_by, scopes, identity, review_on, recorded_at) VALUES ('s1', '2026-06-01', 'written', 'Eve', '["public"]', 'named', '2028-06-01', 'x')`,
    /locked: the story is signed off/,
  ],
];

const UPSERTS: [string, string, RegExp][] = [
  [
    'renames the site of a signed-off round',
    `INSERT INTO rounds (${ROUND_COLUMNS}) VALUES ('r2', 'x', 'Sutton', 't1', 'in_progress', 'x', 'x') ON CONFLICT(id) DO UPDATE SET site = 'Elsewhere'`,
    /locked/,
  ],
  [
    "rewrites a completed round's observation",
    `INSERT INTO observations (${OBSERVATION_COLUMNS}) VALUES ('o1', 'r1', 'a1', 'x', 'heard', 'patient', 'x', NULL, 'x', 'x') ON CONFLICT(id) DO UPDATE SET text = 'Rewritten'`,
    /locked: the round is completed/,
  ],
  [
    'rewrites an audit entry',
    `INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, detail, prev_hash, hash) VALUES (1, 'x', 'eve', 'create', 'round', 'r1', '{}', 'x', 'x') ON CONFLICT(seq) DO UPDATE SET actor = 'eve'`,
    /audit_log is append-only/,
  ],
  [
    'rewrites a sign-off',
    `INSERT INTO sign_offs (${SIGN_OFF_COLUMNS}) VALUES ${signOffValues('round', 'r2')} ON CONFLICT(kind, item_id) DO UPDATE SET signer_name = 'Eve'`,
    /locked: a sign-off cannot be changed/,
  ],
];

const CASCADES: [string, string, RegExp][] = [
  ['deletes a completed round with its observations', `DELETE FROM rounds WHERE id = 'r1'`, /locked/],
  ['deletes a signed-off round', `DELETE FROM rounds WHERE id = 'r2'`, /locked/],
];

function expectRefused(sqlite: Database, statement: string, message: RegExp) {
  const before = snapshot(sqlite);
  expect(() => sqlite.exec(statement)).toThrow(message);
  expect(snapshot(sqlite)).toEqual(before);
}

describe('migration 0013_lock_guards', () => {
  it('keeps every row as it was', () => {
    const db = upgraded();
    expect(db.sqlite.prepare('SELECT id, status FROM rounds ORDER BY id').all()).toEqual([
      { id: 'r1', status: 'completed' },
      { id: 'r2', status: 'signed_off' },
      { id: 'r3', status: 'in_progress' },
    ]);
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM observations').get()).toEqual({ n: 2 });
    db.close();
  });

  it('runs every connection the app opens with recursive triggers on', () => {
    const db = upgraded();
    expect(db.sqlite.pragma('recursive_triggers', { simple: true })).toBe(1);
    db.close();
  });

  describe.each([
    ['the app', true],
    ['a connection without recursive triggers', false],
  ])('through %s', (_label, recursive) => {
    it.each(REPLACES)('refuses a REPLACE that %s', (_name, statement, message) => {
      const db = upgraded();
      db.sqlite.pragma(`recursive_triggers = ${recursive ? 'ON' : 'OFF'}`);
      expectRefused(db.sqlite, statement, message);
      db.close();
    });

    it.each(UPSERTS)('refuses an UPSERT that %s', (_name, statement, message) => {
      const db = upgraded();
      db.sqlite.pragma(`recursive_triggers = ${recursive ? 'ON' : 'OFF'}`);
      expectRefused(db.sqlite, statement, message);
      db.close();
    });

    it.each(CASCADES)('refuses a cascade that %s', (_name, statement, message) => {
      const db = upgraded();
      db.sqlite.pragma(`recursive_triggers = ${recursive ? 'ON' : 'OFF'}`);
      expectRefused(db.sqlite, statement, message);
      db.close();
    });
  });

  it.each(WITH_RECURSIVE_TRIGGERS)(
    'through the app, refuses a REPLACE that %s',
    (_name, statement, message) => {
      const db = upgraded();
      expectRefused(db.sqlite, statement, message);
      db.close();
    },
  );

  it('still lets a round in progress be replaced, and its areas and names change', () => {
    const db = upgraded();
    db.sqlite.exec(`UPDATE round_areas SET visited_at = 'later' WHERE id = 'ra3'`);
    db.sqlite.exec(`UPDATE areas SET name = 'Outpatients' WHERE id = 'a3'`);
    db.sqlite.exec(`UPDATE template_prompts SET text = 'Was it spotless?' WHERE id = 'p3'`);
    db.sqlite.exec(
      `INSERT OR REPLACE INTO rounds (${ROUND_COLUMNS}) VALUES ('r3', '2026-11-03T10:00:00.000Z', 'Sutton', 't1', 'in_progress', 'x', 'y')`,
    );
    expect(db.sqlite.prepare(`SELECT name FROM areas WHERE id = 'a3'`).get()).toEqual({
      name: 'Outpatients',
    });
    db.close();
  });

  it('locks what a completed or signed-off round shows: when areas were visited, their names, its prompts', () => {
    const db = upgraded();
    expectRefused(
      db.sqlite,
      `UPDATE round_areas SET visited_at = 'later' WHERE id = 'ra1'`,
      /locked: the round is completed/,
    );
    expectRefused(
      db.sqlite,
      `UPDATE round_areas SET visited_at = 'later' WHERE id = 'ra2'`,
      /locked: the round is completed/,
    );
    expectRefused(
      db.sqlite,
      `UPDATE areas SET name = 'Renamed' WHERE id = 'a1'`,
      /locked: a completed round shows this area's name/,
    );
    expectRefused(
      db.sqlite,
      `UPDATE areas SET name = 'Renamed' WHERE id = 'a2'`,
      /locked: a completed round shows this area's name/,
    );
    expectRefused(
      db.sqlite,
      `UPDATE template_prompts SET text = 'Reworded' WHERE id = 'p2'`,
      /locked: a signed-off round shows this prompt/,
    );
    // Writing the same value is not a change, so an upsert of unchanged data still passes.
    db.sqlite.exec(`UPDATE template_prompts SET text = text, position = position WHERE id = 'p2'`);
    db.sqlite.exec(`UPDATE areas SET name = name WHERE id = 'a2'`);
    db.close();
  });

  it("keeps a signed-off round's prompt wording when the shipped templates reword it, and rewords the rest", () => {
    const db = upgraded();
    const prompts = [
      { id: 'p1', text: 'Was the welcome warm and kind?' },
      { id: 'p2', text: 'Could you find your way easily?' },
      { id: 'p3', text: 'Was it clean?' },
    ];
    syncBuiltinTemplates(
      createDrizzle(db.sqlite),
      [{ id: 't1', version: 2, name: 'Walk', description: '', sections: [{ name: 'Arrival', prompts }] }],
      new Date(),
    );
    expect(db.sqlite.prepare('SELECT id, text FROM template_prompts ORDER BY id').all()).toEqual([
      { id: 'p1', text: 'Was the welcome warm and kind?' },
      { id: 'p2', text: 'Could you find your way?' },
      { id: 'p3', text: 'Was it clean?' },
    ]);
    db.close();
  });
});
