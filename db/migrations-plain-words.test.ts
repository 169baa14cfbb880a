import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  migrationsUpTo,
  openAt,
  seedRoundWithObservation,
  upgradedAfter,
} from '../test/helpers/migration-helpers';
import { makeTempDir } from '../test/helpers/test-context';

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

// A round with one observation and a personal-data decision, and a story with one, as they stood
// before jargon could be replaced at review.
function seed(sqlite: Database) {
  seedRoundWithObservation(sqlite);
  sqlite.exec(`
    INSERT INTO stories (id, title, storyteller, author, narrative, status, text_hash, created_at, updated_at)
      VALUES ('s1', 'A wait', 'patient', 'Ann Example', 'The MDT met.', 'draft', 'h', 'x', 'x');
    INSERT INTO clearance_decisions (item_kind, item_id, field, finding_key, decision, reason, decided_by, decided_at)
      VALUES ('observation', 'o1', 'text', 'phone#1#07700 900123', 'redacted', NULL, 'Ann', 'x'),
             ('story', 's1', 'narrative', 'name#1#sarah', 'kept', 'Praise, agreed', 'Ann', 'x');
  `);
}

const upgraded = () => upgradedAfter(temps, 16, seed);
const plainWords = (item: string, kind = 'observation') =>
  `INSERT INTO clearance_decisions (item_kind, item_id, field, finding_key, decision, reason, decided_by, decided_at)
   VALUES ('${kind}', '${item}', '${kind === 'story' ? 'narrative' : 'text'}', 'plain#MDT', 'plain_words', 'team of specialists', 'Ann', 'x')`;

describe('migration 0016_plain_words', () => {
  it('keeps every decision as it was, with its id', () => {
    const db = upgraded();
    expect(
      db.sqlite
        .prepare('SELECT id, item_kind, finding_key, decision, reason FROM clearance_decisions ORDER BY id')
        .raw()
        .all(),
    ).toEqual([
      [1, 'observation', 'phone#1#07700 900123', 'redacted', null],
      [2, 'story', 'name#1#sarah', 'kept', 'Praise, agreed'],
    ]);
    db.close();
  });

  it('takes a plain-words decision with its words, and still refuses other decisions and blank words', () => {
    const db = upgraded();
    db.sqlite.exec(plainWords('o1'));
    expect(() => db.sqlite.exec(plainWords('o1'))).toThrow(/UNIQUE/);
    expect(() =>
      db.sqlite.exec(
        `INSERT INTO clearance_decisions (item_kind, item_id, field, finding_key, decision, reason, decided_by, decided_at) VALUES ('observation', 'o1', 'text', 'plain#TTO', 'plain_words', '  ', 'Ann', 'x')`,
      ),
    ).toThrow(/CHECK/);
    expect(() =>
      db.sqlite.exec(
        `INSERT INTO clearance_decisions (item_kind, item_id, field, finding_key, decision, reason, decided_by, decided_at) VALUES ('observation', 'o1', 'text', 'plain#TTO', 'ignored', 'x', 'Ann', 'x')`,
      ),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('keeps the lock triggers: nothing is added, changed or removed once the round is signed off', () => {
    const db = upgraded();
    db.sqlite.exec(plainWords('o1'));
    const signOff = (kind: string, id: string) =>
      db.sqlite.exec(
        `INSERT INTO sign_offs (kind, item_id, content_sha256, signer_name, signer_role, attestation, signed_at, key_id, public_key_pem, signature)
         VALUES ('${kind}', '${id}', 'h', 'Ann', 'NED', 'I confirm', 'x', 'k', 'p', 's')`,
      );
    db.sqlite.exec(`UPDATE rounds SET status = 'completed' WHERE id = 'r1'`);
    signOff('round', 'r1');
    db.sqlite.exec(`UPDATE rounds SET status = 'signed_off' WHERE id = 'r1'`);
    expect(() => db.sqlite.exec(plainWords('o1').replace('plain#MDT', 'plain#TTO'))).toThrow(/signed off/);
    expect(() => db.sqlite.exec(`UPDATE clearance_decisions SET reason = 'x' WHERE item_id = 'o1'`)).toThrow(
      /signed off/,
    );
    expect(() => db.sqlite.exec(`DELETE FROM clearance_decisions WHERE item_id = 'o1'`)).toThrow(
      /signed off/,
    );
    db.close();
  });

  it('still removes an item’s decisions with it, and finds them by the unique index', () => {
    const db = upgraded();
    db.sqlite.exec(plainWords('s1', 'story'));
    db.sqlite.exec(`DELETE FROM stories WHERE id = 's1'`);
    expect(
      db.sqlite.prepare(`SELECT count(*) FROM clearance_decisions WHERE item_id = 's1'`).pluck().get(),
    ).toBe(0);
    const plan = db.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM clearance_decisions WHERE item_kind = 'observation' AND item_id = 'o1'`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/clearance_decisions_finding_uq/);
    db.close();
  });

  it('makes again every trigger that names the table, word for word', () => {
    const temp = makeTempDir();
    temps.push(temp);
    const triggers = (sqlite: Database) =>
      sqlite
        .prepare(
          `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%clearance_decisions%' ORDER BY name`,
        )
        .raw()
        .all();
    const before = openAt(temp.dir, randomBytes(32), migrationsUpTo(temp.dir, 16));
    const expected = triggers(before.sqlite);
    before.close();
    const after = upgraded();
    expect(expected).toHaveLength(9);
    expect(triggers(after.sqlite)).toEqual(expected);
    after.close();
  });
});
