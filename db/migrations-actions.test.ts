import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { seedRoundWithObservation, upgradedAfter } from '../test/helpers/migration-helpers';

const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

const insertAction = (sqlite: Database, id = 'act1', status = 'open') =>
  sqlite
    .prepare(
      `INSERT INTO actions (id, said, will_do, site, area_id, due_date, status, said_at, created_at, updated_at)
       VALUES (?, 'The door to the bay sticks', 'Estates to fix the door', 'Sutton', 'a1', '2026-12-01', ?, 'x', 'x', 'x')`,
    )
    .run(id, status);

const upgraded = (fromCount: number, toCount?: number) =>
  upgradedAfter(temps, fromCount, seedRoundWithObservation, toCount);

describe('migration 0007_actions', () => {
  it('keeps observations, adds the follow-up flag unset, and stores actions with their links', () => {
    const db = upgraded(7, 8);
    expect(db.sqlite.prepare('SELECT text, needs_follow_up FROM observations').get()).toEqual({
      text: 'The door to the bay sticks',
      needs_follow_up: 0,
    });
    insertAction(db.sqlite);
    db.sqlite.exec(
      "INSERT INTO action_links (action_id, item_kind, item_id, role, created_at) VALUES ('act1', 'observation', 'o1', 'source', 'x')",
    );
    expect(() => db.sqlite.exec("UPDATE actions SET status = 'closed'")).toThrow(/CHECK/);
    expect(() => db.sqlite.exec("UPDATE actions SET status = 'fed_back'")).toThrow(/CHECK/);
    db.sqlite.exec(
      "UPDATE actions SET status = 'fed_back', fed_back_at = '2026-11-20T00:00:00.000Z', feedback_channel = 'letter'",
    );
    db.close();
  });

  it('serves the board’s area + overdue filter from its index', () => {
    const db = upgraded(7, 8);
    const plan = db.sqlite
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id FROM actions a WHERE a.area_id = 'a1' AND a.status IN ('open', 'in_progress') AND a.due_date < '2026-11-26'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('actions_area_status_due_idx');
    db.close();
  });
});

describe('migration 0008_action_guards', () => {
  it('keeps an observation an action points at, and the status history as written', () => {
    const db = upgraded(8);
    insertAction(db.sqlite);
    db.sqlite.exec(
      "INSERT INTO action_links (action_id, item_kind, item_id, role, created_at) VALUES ('act1', 'observation', 'o1', 'source', 'x')",
    );
    expect(() => db.sqlite.exec("DELETE FROM observations WHERE id = 'o1'")).toThrow(/action is linked/);
    db.sqlite.exec(
      "INSERT INTO action_events (action_id, at, actor, from_status, to_status) VALUES ('act1', 'x', 'u', NULL, 'open')",
    );
    expect(() => db.sqlite.exec("UPDATE action_events SET reason = 'changed'")).toThrow(/append-only/);
    expect(() => db.sqlite.exec('DELETE FROM action_events')).toThrow(/append-only/);
    db.close();
  });

  it('puts actions in the one search index and keeps it in step', () => {
    const db = upgraded(8);
    insertAction(db.sqlite);
    const find = (term: string) =>
      db.sqlite
        .prepare(
          'SELECT s.item_kind AS kind, s.item_id AS id FROM search_index JOIN search_items s ON s.rowid = search_index.rowid WHERE search_index MATCH ? ORDER BY kind',
        )
        .all(term);
    expect(find('estates')).toEqual([{ kind: 'action', id: 'act1' }]);
    expect(find('door')).toEqual([
      { kind: 'action', id: 'act1' },
      { kind: 'observation', id: 'o1' },
    ]);
    db.sqlite.exec("UPDATE actions SET will_do = 'Replace the hinge' WHERE id = 'act1'");
    expect(find('estates')).toEqual([]);
    expect(find('hinge')).toEqual([{ kind: 'action', id: 'act1' }]);
    db.sqlite.exec("DELETE FROM actions WHERE id = 'act1'");
    expect(find('hinge')).toEqual([]);
    db.close();
  });
});
