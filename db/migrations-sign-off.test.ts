import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { approvedStorySql, seedRoundWithObservation, upgradedAfter } from '../test/helpers/migration-helpers';

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

const HASH = 'a'.repeat(64);

// A completed round with one observation, and a story taken to "approved" the way the app does.
function seed(sqlite: Database) {
  seedRoundWithObservation(sqlite);
  sqlite.exec(`
    UPDATE rounds SET status = 'completed', completed_at = 'x' WHERE id = 'r1';
    ${approvedStorySql(HASH)}
  `);
}

const upgraded = () => upgradedAfter(temps, 9, seed, 10);

const signOff = (sqlite: Database, kind: string, id: string) =>
  sqlite
    .prepare(
      `INSERT INTO sign_offs (kind, item_id, signer_name, signer_role, attestation, signed_at, key_id, public_key_pem, content_sha256, signature)
       VALUES (?, ?, 'Helen', 'NED', 'I confirm', 'x', '${HASH}', 'pem', '${HASH}', 'sig')`,
    )
    .run(kind, id);

describe('migration 0009_sign_off', () => {
  it('keeps rounds and stories as they were, and adds empty trusted signers, sign-offs and addenda', () => {
    const db = upgraded();
    expect(db.sqlite.prepare('SELECT status FROM rounds').get()).toEqual({ status: 'completed' });
    expect(db.sqlite.prepare('SELECT status FROM stories').get()).toEqual({ status: 'approved' });
    for (const table of ['trusted_signers', 'sign_offs', 'sign_off_addenda']) {
      expect(db.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(() =>
      db.sqlite.exec(
        "INSERT INTO trusted_signers (key_id, name, public_key_pem, added_at) VALUES ('short', 'Tom', 'pem', 'x')",
      ),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('signs off a round only with its sign-off on record, and then locks the round and the sign-off', () => {
    const db = upgraded();
    expect(() => db.sqlite.exec("UPDATE rounds SET status = 'signed_off' WHERE id = 'r1'")).toThrow(
      /only with its sign-off on record/,
    );
    signOff(db.sqlite, 'round', 'r1');
    db.sqlite.exec("UPDATE rounds SET status = 'signed_off' WHERE id = 'r1'");
    expect(() => db.sqlite.exec("UPDATE observations SET text = 'x' WHERE id = 'o1'")).toThrow(/locked/);
    expect(() => db.sqlite.exec("UPDATE sign_offs SET signer_name = 'x'")).toThrow(/cannot be changed/);
    expect(() => db.sqlite.exec('DELETE FROM sign_offs')).toThrow(/cannot be changed/);
    db.close();
  });

  it('locks a signed-off story, its consent, read-backs, tags and decisions, but lets consent be withdrawn', () => {
    const db = upgraded();
    signOff(db.sqlite, 'story', 's1');
    const refused = [
      "UPDATE stories SET title = 'x' WHERE id = 's1'",
      "UPDATE stories SET status = 'draft' WHERE id = 's1'",
      "DELETE FROM stories WHERE id = 's1'",
      'UPDATE story_consents SET scopes = \'["public"]\'',
      'DELETE FROM story_consents',
      "INSERT INTO story_read_backs (id, story_id, checked_on, method, text_hash, recorded_at) VALUES ('rb', 's1', '2026-06-02', 'phone', 'h', 'x')",
      "INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id) VALUES ('story', 's1', 'trust-key-themes', 'access')",
      "INSERT INTO clearance_decisions (item_kind, item_id, field, finding_key, decision, decided_by, decided_at) VALUES ('story', 's1', 'narrative', 'k', 'redacted', 'u', 'x')",
    ];
    for (const sql of refused)
      expect(() => db.sqlite.exec(sql), sql).toThrow(/locked: the story is signed off/);
    db.sqlite.exec(
      "UPDATE stories SET status = 'withdrawn', withdrawn_on = '2026-07-01', updated_at = 'y' WHERE id = 's1'",
    );
    expect(db.sqlite.prepare('SELECT status FROM stories').get()).toEqual({ status: 'withdrawn' });
    db.close();
  });

  it('refuses a sign-off for a round still being walked or a story not yet approved', () => {
    const db = upgraded();
    db.sqlite.exec(
      "INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at) VALUES ('r2', 'x', 'Sutton', NULL, 'in_progress', 'x', 'x')",
    );
    db.sqlite.exec(
      `INSERT INTO stories (id, title, storyteller, author, narrative, status, text_hash, created_at, updated_at) VALUES ('s2', 'Draft', 'patient', 'Dr Obi', '', 'draft', '${HASH}', 'x', 'x')`,
    );
    expect(() => signOff(db.sqlite, 'round', 'r2')).toThrow(/only a completed round/);
    expect(() => signOff(db.sqlite, 'story', 's2')).toThrow(/only an approved story/);
    expect(() => signOff(db.sqlite, 'round', 'missing')).toThrow(/only a completed round/);
    db.close();
  });
});
