import type { Database } from 'better-sqlite3-multiple-ciphers';
import { asc, eq, sql } from 'drizzle-orm';
import type { ActionStatus, RevisitOutcome } from '../../ipc/vocabulary';
import type { AppDatabase } from '../drizzle-client';
import { actionEvents, actionLinks, actions } from '../schema';
import { statementCache } from '../statement-cache';

export type ActionRow = typeof actions.$inferSelect;
export type ActionLinkRow = typeof actionLinks.$inferSelect;
export type ActionEventRow = typeof actionEvents.$inferSelect;
export type ActionListRow = ActionRow & { areaName: string | null };

export type BoardFilters = {
  status: ActionStatus | null;
  areaId: string | null;
  owner: string | null;
  tag: { frameworkId: string; tagId: string } | null;
  /** The trust's date today: open actions due before it are overdue. */
  overdueBefore: string | null;
  /** Only actions raised from this observation or story. */
  source?: { kind: 'observation' | 'story'; id: string } | null;
  /** 'everyone' (the default), 'mine' (raised on this laptop), or the key id of the contributor who raised them. */
  whose?: string;
};

const p = sql.placeholder;
const OPEN_STATUSES = "('open', 'in_progress')";

export function actionsRepository(db: AppDatabase, sqlite: Database) {
  const byId = db
    .select()
    .from(actions)
    .where(eq(actions.id, p('id')))
    .prepare();
  const links = db
    .select()
    .from(actionLinks)
    .where(eq(actionLinks.actionId, p('id')))
    .orderBy(asc(actionLinks.id))
    .prepare();
  const events = db
    .select()
    .from(actionEvents)
    .where(eq(actionEvents.actionId, p('id')))
    .orderBy(asc(actionEvents.id))
    .prepare();
  const prepare = statementCache(sqlite);

  // The board's filters, as SQL over `a` (actions). Status is left out of the counts query so
  // the per-status counts answer "how many would I see under each status".
  const where = (filters: BoardFilters, withStatus: boolean) => {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (withStatus && filters.status) {
      clauses.push('a.status = ?');
      params.push(filters.status);
    }
    if (filters.areaId) {
      clauses.push('a.area_id = ?');
      params.push(filters.areaId);
    }
    if (filters.owner) {
      clauses.push("a.owner_name LIKE ? ESCAPE '\\' COLLATE NOCASE");
      params.push(`%${filters.owner.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (filters.tag) {
      clauses.push(
        "EXISTS (SELECT 1 FROM item_tags t WHERE t.item_kind = 'action' AND t.item_id = a.id AND t.framework_id = ? AND t.tag_id = ?)",
      );
      params.push(filters.tag.frameworkId, filters.tag.tagId);
    }
    if (filters.source) {
      clauses.push(
        "EXISTS (SELECT 1 FROM action_links l WHERE l.action_id = a.id AND l.role = 'source' AND l.item_kind = ? AND l.item_id = ?)",
      );
      params.push(filters.source.kind, filters.source.id);
    }
    if (filters.whose === 'mine') clauses.push('a.contributor_key_id IS NULL');
    else if (filters.whose !== undefined && filters.whose !== 'everyone') {
      clauses.push('a.contributor_key_id = ?');
      params.push(filters.whose);
    }
    if (filters.overdueBefore) {
      clauses.push(`a.status IN ${OPEN_STATUSES} AND a.due_date < ?`);
      params.push(filters.overdueBefore);
    }
    return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
  };

  return {
    insert: (row: typeof actions.$inferInsert) => {
      db.insert(actions).values(row).run();
    },
    get: (id: string): ActionRow | undefined => byId.get({ id }),
    update: (id: string, changes: Partial<ActionRow>) => {
      db.update(actions).set(changes).where(eq(actions.id, id)).run();
    },
    links: (id: string): ActionLinkRow[] => links.all({ id }),
    addLink: (link: {
      actionId: string;
      itemKind: 'observation' | 'story';
      itemId: string;
      role: 'source' | 'revisit';
      outcome: RevisitOutcome | null;
      createdAt: string;
    }) => {
      db.insert(actionLinks).values(link).run();
    },
    isLinked: (itemKind: 'observation' | 'story', itemId: string): boolean =>
      prepare('SELECT 1 FROM action_links WHERE item_kind = ? AND item_id = ? LIMIT 1').get(
        itemKind,
        itemId,
      ) !== undefined,
    /** The actions raised from (or joined by) a round's observations, oldest first, for their list. */
    raisedFromRound: (roundId: string): { itemId: string; actionId: string; willDo: string }[] =>
      prepare(
        `SELECT l.item_id AS itemId, a.id AS actionId, a.will_do AS willDo
         FROM action_links l JOIN actions a ON a.id = l.action_id
         WHERE l.item_kind = 'observation' AND l.role = 'source'
           AND l.item_id IN (SELECT id FROM observations WHERE round_id = ?)
         ORDER BY a.created_at, a.id`,
      ).all(roundId) as { itemId: string; actionId: string; willDo: string }[],
    events: (id: string): ActionEventRow[] => events.all({ id }),
    addEvent: (event: Omit<typeof actionEvents.$inferInsert, 'id'>) => {
      db.insert(actionEvents).values(event).run();
    },
    board: (filters: BoardFilters, sort: 'due_date' | 'newest', limit: number, offset: number) => {
      const rows = where(filters, true);
      const order =
        sort === 'due_date' ? 'a.due_date IS NULL, a.due_date, a.created_at' : 'a.created_at DESC';
      const items = prepare(
        `SELECT a.id, a.said, a.will_do AS willDo, a.owner_name AS ownerName, a.owner_role AS ownerRole, a.site,
           a.area_id AS areaId, ar.name AS areaName, a.due_date AS dueDate, a.status, a.evidence, a.said_at AS saidAt,
           a.done_at AS doneAt, a.fed_back_at AS fedBackAt, a.feedback_channel AS feedbackChannel,
           a.feedback_note AS feedbackNote, a.created_at AS createdAt, a.updated_at AS updatedAt
         FROM actions a LEFT JOIN areas ar ON ar.id = a.area_id ${rows.sql} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ).all(...rows.params, limit, offset) as ActionListRow[];
      const total = (
        prepare(`SELECT count(*) AS n FROM actions a ${rows.sql}`).get(...rows.params) as { n: number }
      ).n;
      const counted = where({ ...filters, overdueBefore: null }, false);
      const byStatus = prepare(
        `SELECT a.status AS status, count(*) AS n FROM actions a ${counted.sql} GROUP BY a.status`,
      ).all(...counted.params) as { status: ActionStatus; n: number }[];
      return { items, total, byStatus };
    },
    countOverdue: (filters: BoardFilters, today: string): number => {
      const counted = where({ ...filters, status: null, overdueBefore: today }, false);
      return (
        prepare(`SELECT count(*) AS n FROM actions a ${counted.sql}`).get(...counted.params) as { n: number }
      ).n;
    },
    openInAreas: (areaIds: readonly string[]): ActionListRow[] =>
      areaIds.length === 0
        ? []
        : (prepare(
            `SELECT a.id, a.said, a.will_do AS willDo, a.owner_name AS ownerName, a.owner_role AS ownerRole, a.site,
               a.area_id AS areaId, ar.name AS areaName, a.due_date AS dueDate, a.status, a.evidence, a.said_at AS saidAt,
               a.done_at AS doneAt, a.fed_back_at AS fedBackAt, a.feedback_channel AS feedbackChannel,
               a.feedback_note AS feedbackNote, a.created_at AS createdAt, a.updated_at AS updatedAt
             FROM actions a LEFT JOIN areas ar ON ar.id = a.area_id
             WHERE a.status IN ${OPEN_STATUSES} AND a.area_id IN (${areaIds.map(() => '?').join(', ')})
             ORDER BY a.due_date IS NULL, a.due_date, a.created_at`,
          ).all(...areaIds) as ActionListRow[]),
    period: (range: { from: string; to: string; site: string | null; today: string }) => {
      const site = range.site === null ? '' : ' AND site = ? COLLATE NOCASE';
      const siteParams = range.site === null ? [] : [range.site];
      const count = (condition: string, ...params: unknown[]) =>
        (
          prepare(`SELECT count(*) AS n FROM actions WHERE ${condition}${site}`).get(
            ...params,
            ...siteParams,
          ) as { n: number }
        ).n;
      return {
        opened: count('created_at >= ? AND created_at < ?', range.from, range.to),
        done: count('done_at >= ? AND done_at < ?', range.from, range.to),
        fedBack: count('fed_back_at >= ? AND fed_back_at < ?', range.from, range.to),
        overdue: count(
          `status IN ${OPEN_STATUSES} AND due_date < ? AND created_at < ?`,
          range.today,
          range.to,
        ),
        fedBackSpans: prepare(
          `SELECT said_at AS saidAt, fed_back_at AS fedBackAt FROM actions WHERE fed_back_at >= ? AND fed_back_at < ?${site}`,
        ).all(range.from, range.to, ...siteParams) as { saidAt: string; fedBackAt: string }[],
      };
    },
  };
}

export type ActionsRepository = ReturnType<typeof actionsRepository>;
