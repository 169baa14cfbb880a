import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ActionStatus, ObservationKind, ObservationSource, SentimentLabel } from '../../ipc/vocabulary';
import { statementCache } from '../statement-cache';

// The reads that documents are built from: a round summary, the PEIG period report and the
// "You said, we did" poster. Each is one query across several features' tables, written in SQL
// so a year of rounds is gathered in a handful of statements; the rows come back plain, and the
// exports domain turns them into what is printed.

/** An action as the documents print it. */
export type ReportActionRow = {
  said: string;
  willDo: string;
  ownerName: string;
  ownerRole: string;
  areaName: string | null;
  site: string | null;
  dueDate: string | null;
  status: ActionStatus;
  createdAt: string;
  evidence: string;
  doneAt: string | null;
};

export type ReportRoundRow = {
  id: string;
  startsAt: string;
  /** JSON array of area names, in visit order. */ areas: string;
  /** For a round imported from a PEIG bundle: the contributor's key id and trusted name; null for this laptop's own. */
  contributorKeyId: string | null;
  contributor: string | null;
};

export type ReportObservationRow = {
  id: string;
  roundId: string;
  capturedAt: string;
  area: string;
  kind: ObservationKind;
  source: ObservationSource;
  text: string;
  sentiment: SentimentLabel | null;
  /** 1 when the observation's round is signed off. */
  signedOff: number;
};

export type ReportTagRow = { itemId: string; frameworkId: string; tagId: string };

/** A period as instants (start inclusive, end exclusive), optionally one site. */
/**
 * `whose`: whose records the report covers: 'everyone' (this laptop's and every imported one),
 * 'mine' (this laptop's own), or one contributor's signing-key id.
 */
export type ReportPeriod = { start: string; end: string; site: string | null; whose: string };

const ACTION_COLUMNS = `a.said AS said, a.will_do AS willDo, a.owner_name AS ownerName, a.owner_role AS ownerRole,
  ar.name AS areaName, a.site AS site, a.due_date AS dueDate, a.status AS status, a.created_at AS createdAt,
  a.evidence AS evidence, a.done_at AS doneAt`;

const ACTIONS_RAISED_IN_ROUND = `
  SELECT DISTINCT ${ACTION_COLUMNS}
  FROM actions a
  JOIN action_links l ON l.action_id = a.id AND l.role = 'source' AND l.item_kind = 'observation'
  JOIN observations o ON o.id = l.item_id
  LEFT JOIN areas ar ON ar.id = a.area_id
  WHERE o.round_id = ?
  ORDER BY a.created_at, a.id`;

// A round is reported once it is completed or signed off; one still being walked is not.
const PERIOD_ROUNDS = `
  SELECT r.id AS id, r.starts_at AS startsAt,
    coalesce((SELECT json_group_array(a.name) FROM round_areas ra JOIN areas a ON a.id = ra.area_id
      WHERE ra.round_id = r.id ORDER BY ra.position), '[]') AS areas,
    r.contributor_key_id AS contributorKeyId,
    CASE WHEN r.contributor_key_id IS NULL THEN NULL ELSE coalesce(ts.name, 'A contributor') END AS contributor
  FROM rounds r LEFT JOIN trusted_signers ts ON ts.key_id = r.contributor_key_id
  WHERE r.starts_at >= @start AND r.starts_at < @end AND r.status IN ('completed', 'signed_off')
    AND (@site IS NULL OR r.site = @site COLLATE NOCASE)
    AND (@whose = 'everyone' OR (@whose = 'mine' AND r.contributor_key_id IS NULL) OR r.contributor_key_id = @whose)
  ORDER BY r.starts_at`;

const PERIOD_OBSERVATIONS = `
  SELECT o.id AS id, o.round_id AS roundId, o.captured_at AS capturedAt, a.name AS area, o.kind AS kind,
    o.source AS source, o.text AS text, coalesce(o.sentiment_confirmed, o.sentiment_suggested) AS sentiment,
    r.status = 'signed_off' AS signedOff
  FROM observations o JOIN rounds r ON r.id = o.round_id JOIN areas a ON a.id = o.area_id
  WHERE r.starts_at >= @start AND r.starts_at < @end AND r.status IN ('completed', 'signed_off')
    AND (@site IS NULL OR r.site = @site COLLATE NOCASE)
    AND (@whose = 'everyone' OR (@whose = 'mine' AND r.contributor_key_id IS NULL) OR r.contributor_key_id = @whose)
  ORDER BY o.captured_at, o.id`;

const PERIOD_TAGS = `
  SELECT t.item_id AS itemId, t.framework_id AS frameworkId, t.tag_id AS tagId
  FROM item_tags t JOIN observations o ON o.id = t.item_id JOIN rounds r ON r.id = o.round_id
  WHERE t.item_kind = 'observation' AND t.framework_id IN (@themes, @steps, @groups)
    AND r.starts_at >= @start AND r.starts_at < @end AND r.status IN ('completed', 'signed_off')
    AND (@site IS NULL OR r.site = @site COLLATE NOCASE)
    AND (@whose = 'everyone' OR (@whose = 'mine' AND r.contributor_key_id IS NULL) OR r.contributor_key_id = @whose)
  ORDER BY t.id`;

const PERIOD_STORIES = `
  SELECT s.id AS id FROM stories s LEFT JOIN rounds r ON r.id = s.round_id
  WHERE s.status = 'approved' AND s.approved_at >= @start AND s.approved_at < @end
    AND (@site IS NULL OR r.site = @site COLLATE NOCASE)
    AND (@whose = 'everyone' OR (@whose = 'mine' AND s.contributor_key_id IS NULL) OR s.contributor_key_id = @whose)
  ORDER BY s.approved_at, s.id`;

// Raised in the period, or raised before it and still not done.
const PERIOD_ACTIONS = `
  SELECT ${ACTION_COLUMNS} FROM actions a LEFT JOIN areas ar ON ar.id = a.area_id
  WHERE a.created_at < @end AND (a.created_at >= @start OR a.status IN ('open', 'in_progress'))
    AND (@site IS NULL OR a.site = @site COLLATE NOCASE)
    AND (@whose = 'everyone' OR (@whose = 'mine' AND a.contributor_key_id IS NULL) OR a.contributor_key_id = @whose)
  ORDER BY a.created_at, a.id`;

const FINISHED_ACTIONS = `
  SELECT ${ACTION_COLUMNS} FROM actions a LEFT JOIN areas ar ON ar.id = a.area_id
  WHERE a.status IN ('done', 'fed_back') AND a.done_at >= @start AND a.done_at < @end
    AND (@areaId IS NULL OR a.area_id = @areaId)
    AND (@whose = 'everyone' OR (@whose = 'mine' AND a.contributor_key_id IS NULL) OR a.contributor_key_id = @whose)
  ORDER BY a.done_at DESC, a.id`;

export function reportingRepository(sqlite: Database) {
  const statement = statementCache(sqlite);
  return {
    /** Actions raised from any of a round's observations, each once, oldest first. */
    actionsRaisedInRound: (roundId: string) =>
      statement(ACTIONS_RAISED_IN_ROUND).all(roundId) as ReportActionRow[],
    periodRounds: (period: ReportPeriod) => statement(PERIOD_ROUNDS).all(period) as ReportRoundRow[],
    periodObservations: (period: ReportPeriod) =>
      statement(PERIOD_OBSERVATIONS).all(period) as ReportObservationRow[],
    /** The period's observations' tags from two frameworks, in the order they were tagged. */
    periodObservationTags: (
      period: ReportPeriod,
      frameworks: { themes: string; steps: string; groups: string },
    ) => statement(PERIOD_TAGS).all({ ...period, ...frameworks }) as ReportTagRow[],
    /** Ids of the stories approved in the period, at the site when one is given. */
    periodApprovedStoryIds: (period: ReportPeriod) =>
      (statement(PERIOD_STORIES).all(period) as { id: string }[]).map((row) => row.id),
    periodActions: (period: ReportPeriod) => statement(PERIOD_ACTIONS).all(period) as ReportActionRow[],
    /** Actions done or fed back in the period, newest first, in one area when one is given, `whose` as above. */
    finishedActions: (period: { start: string; end: string; areaId: string | null; whose: string }) =>
      statement(FINISHED_ACTIONS).all(period) as ReportActionRow[],
  };
}

export type ReportingRepository = ReturnType<typeof reportingRepository>;
