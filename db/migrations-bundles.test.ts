import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { upgradedAfter } from '../test/helpers/migration-helpers';

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

const KEY = 'b'.repeat(64);

// This laptop's own round, area and action, as they stood before bundles existed.
function seed(sqlite: Database) {
  sqlite.exec(`
    INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at) VALUES ('r1', '2026-11-01T10:00:00.000Z', 'Sutton', NULL, 'in_progress', 'x', 'x');
    INSERT INTO areas (id, site, name, created_at) VALUES ('a1', 'Sutton', 'Oak Ward', 'x');
    INSERT INTO actions (id, said, will_do, status, said_at, created_at, updated_at) VALUES ('act1', 'Noisy at night', 'Quiet hours', 'open', 'x', 'x', 'x');
  `);
}

const upgraded = () => upgradedAfter(temps, 13, seed);

describe('migration 0014_trust_bundles', () => {
  it('keeps this laptop’s records as its own (no provenance) and adds empty bundle tables', () => {
    const db = upgraded();
    expect(
      db.sqlite.prepare('SELECT contributor_key_id, bundle_id, imported_at FROM rounds').raw().get(),
    ).toEqual([null, null, null]);
    expect(db.sqlite.prepare('SELECT imported_events FROM actions').pluck().get()).toBe(0);
    for (const table of ['collection_keys', 'bundles_sent', 'bundle_units', 'bundle_imports']) {
      expect(db.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    }
    db.close();
  });

  it('keeps one area per name at a site on this laptop, and lets each contributor have their own', () => {
    const db = upgraded();
    expect(() =>
      db.sqlite.exec(
        `INSERT INTO areas (id, site, name, created_at) VALUES ('a2', 'sutton', 'OAK WARD', 'x')`,
      ),
    ).toThrow(/UNIQUE/);
    db.sqlite.exec(
      `INSERT INTO areas (id, site, name, created_at, contributor_key_id, bundle_id, imported_at) VALUES ('a3', 'Sutton', 'Oak Ward', 'x', '${KEY}', 'b1', 'x')`,
    );
    expect(() =>
      db.sqlite.exec(
        `INSERT INTO areas (id, site, name, created_at, contributor_key_id, bundle_id, imported_at) VALUES ('a4', 'Sutton', 'oak ward', 'x', '${KEY}', 'b1', 'x')`,
      ),
    ).toThrow(/UNIQUE/);
    expect(() => db.sqlite.exec(`UPDATE areas SET name = 'Elm Ward' WHERE id = 'a3'`)).toThrow(
      /came from another laptop/,
    );
    expect(() => db.sqlite.exec(`DELETE FROM areas WHERE id = 'a3'`)).toThrow(/came from another laptop/);
    db.close();
  });

  it('locks imported actions except for the merge advancing their events, and fixes provenance', () => {
    const db = upgraded();
    db.sqlite
      .exec(`INSERT INTO actions (id, said, will_do, status, said_at, created_at, updated_at, contributor_key_id, bundle_id, imported_at, imported_events)
      VALUES ('act2', 'Cold', 'Blankets', 'open', 'x', 'x', 'x', '${KEY}', 'b1', 'x', 1)`);
    expect(() => db.sqlite.exec(`UPDATE actions SET will_do = 'Heaters' WHERE id = 'act2'`)).toThrow(
      /came from another laptop/,
    );
    db.sqlite.exec(`UPDATE actions SET status = 'done', imported_events = 2 WHERE id = 'act2'`);
    expect(() => db.sqlite.exec(`DELETE FROM actions WHERE id = 'act2'`)).toThrow(/came from another laptop/);
    expect(() =>
      db.sqlite.exec(
        `INSERT INTO action_events (action_id, at, actor, to_status) VALUES ('act2', 'x', 'me', 'done')`,
      ),
    ).toThrow(/came from another laptop/);
    expect(() =>
      db.sqlite.exec(
        `INSERT INTO action_links (action_id, item_kind, item_id, role, created_at) VALUES ('act2', 'observation', 'o1', 'source', 'x')`,
      ),
    ).toThrow(/came from another laptop/);
    expect(() =>
      db.sqlite.exec(
        `UPDATE actions SET contributor_key_id = '${KEY}', imported_events = 1 WHERE id = 'act1'`,
      ),
    ).toThrow(/where a record came from/);
    db.sqlite.exec(`UPDATE actions SET will_do = 'Quiet hours from 10pm' WHERE id = 'act1'`);
    db.close();
  });

  it('writes an imported round only through its lifecycle, and never deletes it', () => {
    const db = upgraded();
    expect(() =>
      db.sqlite
        .exec(`INSERT INTO rounds (id, starts_at, site, status, created_at, updated_at, contributor_key_id, bundle_id, imported_at)
        VALUES ('r2', 'x', 'Sutton', 'signed_off', 'x', 'x', '${KEY}', 'b1', 'x')`),
    ).toThrow(/written through its sign-off/);
    db.sqlite
      .exec(`INSERT INTO rounds (id, starts_at, site, status, created_at, updated_at, contributor_key_id, bundle_id, imported_at)
      VALUES ('r3', 'x', 'Sutton', 'in_progress', 'x', 'x', '${KEY}', 'b1', 'x')`);
    expect(() => db.sqlite.exec(`DELETE FROM rounds WHERE id = 'r3'`)).toThrow(/came from another laptop/);
    expect(() => db.sqlite.exec(`UPDATE rounds SET bundle_id = 'b2' WHERE id = 'r3'`)).toThrow(
      /where a record came from/,
    );
    db.close();
  });

  it('keeps the record of units and the import log append-only', () => {
    const db = upgraded();
    db.sqlite
      .exec(`INSERT INTO bundle_units (unit_id, kind, subject_id, contributor_key_id, content_sha256, signature, bundle_id, imported_at)
      VALUES ('u1', 'round', 'r9', '${KEY}', '${KEY}', 'sig', 'b1', 'x')`);
    db.sqlite
      .exec(`INSERT INTO bundle_imports (bundle_id, contributor_key_id, contributor_name, created_at, app_version, file_name, imported_at, added, skipped)
      VALUES ('b1', '${KEY}', 'Helen', 'x', '1', 'f', 'x', '{}', '{}')`);
    expect(() => db.sqlite.exec(`UPDATE bundle_units SET signature = 'x'`)).toThrow(/cannot be changed/);
    expect(() => db.sqlite.exec(`DELETE FROM bundle_units`)).toThrow(/cannot be changed/);
    expect(() => db.sqlite.exec(`UPDATE bundle_imports SET added = '{"round":9}'`)).toThrow(
      /cannot be changed/,
    );
    expect(() => db.sqlite.exec(`DELETE FROM bundle_imports`)).toThrow(/cannot be changed/);
    expect(() =>
      db.sqlite
        .exec(`INSERT INTO bundle_units (unit_id, kind, subject_id, contributor_key_id, content_sha256, signature, bundle_id, imported_at)
      VALUES ('u2', 'poster', 'r9', '${KEY}', '${KEY}', 'sig', 'b1', 'x')`),
    ).toThrow(/CHECK/);
    db.close();
  });
});
