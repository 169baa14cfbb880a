import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { RoundContentDto, StoryContentDto } from '../../ipc/bundle-units-schemas';
import type { ActionEventFields, ActionFields } from './bundles-repository';

// What a contributor's laptop reads to make a bundle: its own signed-off work (never what it
// imported from others), row for row as the database holds it, in the shape of a unit's content.
// Redaction and consent are the domain's business (domain/bundles/bundle-export.ts).

type Bool = 0 | 1;
export type ActionSourceRow = ActionFields & {
  areaSite: string | null;
  areaName: string | null;
  areaCreatedAt: string | null;
};
export type ActionEventSourceRow = ActionEventFields & { id: number };
export type ActionLinkSourceRow = {
  actionId: string;
  itemKind: 'observation' | 'story';
  itemId: string;
  role: 'source' | 'revisit';
  outcome: string | null;
  createdAt: string;
};
export type StoryCandidateRow = {
  id: string;
  title: string;
  status: string;
  signedAt: string | null;
  scopes: string | null;
  reviewOn: string | null;
};

const SIGN_OFF_COLUMNS = `signer_name AS signerName, signer_role AS signerRole, attestation, signed_at AS signedAt,
  key_id AS keyId, public_key_pem AS publicKeyPem, content_sha256 AS contentSha256, signature`;
const TAG_COLUMNS = `t.item_id AS itemId, t.framework_id AS frameworkId, t.tag_id AS tagId, t.impact, t.description, t.created_at AS createdAt`;
const DECISION_COLUMNS = `d.item_kind AS itemKind, d.item_id AS itemId, d.field, d.finding_key AS findingKey, d.decision, d.reason,
  d.decided_by AS decidedBy, d.decided_at AS decidedAt`;

export function bundleSourceRepository(sqlite: Database) {
  const roundsSignedOff = sqlite.prepare(`
    SELECT r.id FROM rounds r JOIN sign_offs s ON s.kind = 'round' AND s.item_id = r.id
    WHERE r.contributor_key_id IS NULL AND r.status = 'signed_off'
      AND (@since IS NULL OR s.signed_at > @since) AND s.signed_at <= @until
      AND (@from IS NULL OR r.starts_at >= @from) AND (@to IS NULL OR r.starts_at < @to)
    ORDER BY r.starts_at, r.id`);
  const round =
    sqlite.prepare(`SELECT id, starts_at AS startsAt, site, template_id AS templateId, created_at AS createdAt,
    updated_at AS updatedAt, completed_at AS completedAt FROM rounds WHERE id = ?`);
  const template = sqlite.prepare(
    `SELECT id, name, description, source, version, created_at AS createdAt FROM templates WHERE id = ?`,
  );
  const prompts = sqlite.prepare(
    `SELECT id, section, text, position FROM template_prompts WHERE template_id = ? ORDER BY position, id`,
  );
  const team = sqlite.prepare(
    `SELECT id, name, role, position FROM round_team_members WHERE round_id = ? ORDER BY position, id`,
  );
  const visits = sqlite.prepare(`
    SELECT ra.id, ra.visited_at AS visitedAt, ra.position, a.id AS areaId, a.site, a.name, a.created_at AS areaCreatedAt
    FROM round_areas ra JOIN areas a ON a.id = ra.area_id WHERE ra.round_id = ? ORDER BY ra.position, ra.id`);
  const observations = sqlite.prepare(`
    SELECT id, area_id AS areaId, captured_at AS capturedAt, kind, source, text, prompt_id AS promptId, created_at AS createdAt,
      updated_at AS updatedAt, sentiment_suggested AS sentimentSuggested, sentiment_drivers AS sentimentDrivers,
      sentiment_confirmed AS sentimentConfirmed, fft_answer AS fftAnswer, equality_status AS equalityStatus,
      needs_follow_up AS needsFollowUp
    FROM observations WHERE round_id = ? ORDER BY captured_at, id`);
  const roundTags = sqlite.prepare(`
    SELECT ${TAG_COLUMNS} FROM item_tags t JOIN observations o ON o.id = t.item_id
    WHERE t.item_kind = 'observation' AND o.round_id = ? ORDER BY t.item_id, t.framework_id, t.tag_id`);
  const roundDecisions = sqlite.prepare(`
    SELECT ${DECISION_COLUMNS} FROM clearance_decisions d JOIN observations o ON o.id = d.item_id
    WHERE d.item_kind = 'observation' AND o.round_id = ? ORDER BY d.item_id, d.field, d.finding_key`);
  const signOff = sqlite.prepare(`SELECT ${SIGN_OFF_COLUMNS} FROM sign_offs WHERE kind = ? AND item_id = ?`);
  const storyCandidates = sqlite.prepare(`
    SELECT st.id, st.title, st.status, s.signed_at AS signedAt, c.scopes, c.review_on AS reviewOn
    FROM stories st LEFT JOIN sign_offs s ON s.kind = 'story' AND s.item_id = st.id
    LEFT JOIN story_consents c ON c.story_id = st.id
    WHERE st.contributor_key_id IS NULL AND st.status = 'approved'
      AND (s.signed_at IS NULL OR ((@since IS NULL OR s.signed_at > @since) AND s.signed_at <= @until))
      AND (@from IS NULL OR st.created_at >= @from) AND (@to IS NULL OR st.created_at < @to)
    ORDER BY st.created_at, st.id`);
  const story = sqlite.prepare(`
    SELECT id, title, storyteller, author, narrative, quotes, learning_points AS learningPoints, round_id AS roundId,
      text_hash AS textHash, read_back_hash AS readBackHash, approved_at AS approvedAt, sentiment_suggested AS sentimentSuggested,
      sentiment_drivers AS sentimentDrivers, sentiment_confirmed AS sentimentConfirmed, equality_status AS equalityStatus,
      created_at AS createdAt, updated_at AS updatedAt
    FROM stories WHERE id = ?`);
  const consent =
    sqlite.prepare(`SELECT given_on AS givenOn, method, recorded_by AS recordedBy, scopes, identity,
    review_on AS reviewOn, recorded_at AS recordedAt FROM story_consents WHERE story_id = ?`);
  const readBacks =
    sqlite.prepare(`SELECT id, checked_on AS checkedOn, method, changes_requested AS changesRequested,
    text_hash AS textHash, recorded_at AS recordedAt FROM story_read_backs WHERE story_id = ? ORDER BY recorded_at, id`);
  const storyTags =
    sqlite.prepare(`SELECT ${TAG_COLUMNS} FROM item_tags t WHERE item_kind = 'story' AND item_id = ?
    ORDER BY framework_id, tag_id`);
  const storyDecisions = sqlite.prepare(`SELECT ${DECISION_COLUMNS} FROM clearance_decisions d
    WHERE item_kind = 'story' AND item_id = ? ORDER BY field, finding_key`);
  const roundStatus = sqlite.prepare(`SELECT status FROM rounds WHERE id = ?`);
  const addenda = sqlite.prepare(`
    SELECT a.id, a.kind, a.item_id AS itemId, a.text, a.signer_name AS signerName, a.signer_role AS signerRole,
      a.signed_at AS signedAt, a.key_id AS keyId, a.public_key_pem AS publicKeyPem, a.signature
    FROM sign_off_addenda a
    WHERE (@since IS NULL OR a.signed_at > @since) AND a.signed_at <= @until
      AND ((a.kind = 'round' AND EXISTS (SELECT 1 FROM rounds r WHERE r.id = a.item_id AND r.contributor_key_id IS NULL))
        OR (a.kind = 'story' AND EXISTS (SELECT 1 FROM stories s WHERE s.id = a.item_id AND s.contributor_key_id IS NULL)))
    ORDER BY a.signed_at, a.id`);
  const actions = sqlite.prepare(`
    SELECT a.id, a.said, a.will_do AS willDo, a.owner_name AS ownerName, a.owner_role AS ownerRole, a.site, a.area_id AS areaId,
      ar.site AS areaSite, ar.name AS areaName, ar.created_at AS areaCreatedAt, a.due_date AS dueDate, a.status, a.evidence,
      a.said_at AS saidAt, a.fed_back_at AS fedBackAt, a.feedback_channel AS feedbackChannel, a.feedback_note AS feedbackNote,
      a.created_at AS createdAt, a.updated_at AS updatedAt
    FROM actions a LEFT JOIN areas ar ON ar.id = a.area_id
    WHERE a.contributor_key_id IS NULL AND (@since IS NULL OR a.updated_at > @since OR a.created_at > @since
      OR EXISTS (SELECT 1 FROM action_events e WHERE e.action_id = a.id AND e.at > @since)
      OR EXISTS (SELECT 1 FROM action_links l WHERE l.action_id = a.id AND l.created_at > @since))
    ORDER BY a.created_at, a.id`);
  const actionEvents = sqlite.prepare(`SELECT id, action_id AS actionId, at, actor, from_status AS fromStatus,
    to_status AS toStatus, reason FROM action_events WHERE action_id = ? ORDER BY id`);
  const actionLinks =
    sqlite.prepare(`SELECT action_id AS actionId, item_kind AS itemKind, item_id AS itemId, role, outcome,
    created_at AS createdAt FROM action_links WHERE action_id = ? ORDER BY created_at, item_kind, item_id`);
  const withdrawn = sqlite.prepare(`
    SELECT st.id AS storyId, st.withdrawn_on AS withdrawnOn FROM stories st
    WHERE st.contributor_key_id IS NULL AND st.status = 'withdrawn'
      AND EXISTS (SELECT 1 FROM sign_offs s WHERE s.kind = 'story' AND s.item_id = st.id)
    ORDER BY st.id`);

  const customTag = sqlite.prepare(`SELECT id, label, created_at AS createdAt FROM custom_tags WHERE id = ?`);

  type Window = { since: string | null; until: string; from: string | null; to: string | null };
  return {
    signedOffRoundIds: (w: Window): string[] => (roundsSignedOff.all(w) as { id: string }[]).map((r) => r.id),
    /** A signed-off round in the shape of its unit's content, observation texts as stored. */
    roundContent: (roundId: string): RoundContentDto => {
      const row = round.get(roundId) as RoundContentDto['round'];
      const templateRow = row.templateId
        ? (template.get(row.templateId) as
            Omit<NonNullable<RoundContentDto['template']>, 'prompts'> | undefined)
        : undefined;
      const visitRows = visits.all(roundId) as {
        id: string;
        visitedAt: string;
        position: number;
        areaId: string;
        site: string;
        name: string;
        areaCreatedAt: string;
      }[];
      return {
        round: row,
        template: templateRow
          ? {
              ...templateRow,
              prompts: prompts.all(templateRow.id) as NonNullable<RoundContentDto['template']>['prompts'],
            }
          : null,
        team: team.all(roundId) as RoundContentDto['team'],
        areas: visitRows.map((v) => ({
          id: v.id,
          area: { id: v.areaId, site: v.site, name: v.name, createdAt: v.areaCreatedAt },
          visitedAt: v.visitedAt,
          position: v.position,
        })),
        observations: (
          observations.all(roundId) as (Omit<RoundContentDto['observations'][number], 'needsFollowUp'> & {
            needsFollowUp: Bool;
          })[]
        ).map((o) => ({ ...o, needsFollowUp: o.needsFollowUp === 1 })),
        tags: roundTags.all(roundId) as RoundContentDto['tags'],
        decisions: roundDecisions.all(roundId) as RoundContentDto['decisions'],
        signOff: signOff.get('round', roundId) as RoundContentDto['signOff'],
      };
    },
    storyCandidates: (w: Window): StoryCandidateRow[] => storyCandidates.all(w) as StoryCandidateRow[],
    storyContent: (storyId: string): StoryContentDto => {
      const consentRow = consent.get(storyId) as Omit<StoryContentDto['consent'], 'scopes'> & {
        scopes: string;
      };
      return {
        story: story.get(storyId) as StoryContentDto['story'],
        consent: {
          ...consentRow,
          scopes: JSON.parse(consentRow.scopes) as StoryContentDto['consent']['scopes'],
        },
        readBacks: readBacks.all(storyId) as StoryContentDto['readBacks'],
        tags: storyTags.all(storyId) as StoryContentDto['tags'],
        decisions: storyDecisions.all(storyId) as StoryContentDto['decisions'],
        signOff: signOff.get('story', storyId) as StoryContentDto['signOff'],
      };
    },
    roundStatus: (roundId: string): string | null =>
      (roundStatus.get(roundId) as { status: string } | undefined)?.status ?? null,
    addenda: (w: Pick<Window, 'since' | 'until'>) =>
      addenda.all(w) as {
        id: string;
        kind: 'round' | 'story';
        itemId: string;
        text: string;
        signerName: string;
        signerRole: string;
        signedAt: string;
        keyId: string;
        publicKeyPem: string;
        signature: string;
      }[],
    actions: (since: string | null): ActionSourceRow[] => actions.all({ since }) as ActionSourceRow[],
    actionEvents: (actionId: string): ActionEventSourceRow[] =>
      actionEvents.all(actionId) as ActionEventSourceRow[],
    actionLinks: (actionId: string): ActionLinkSourceRow[] =>
      actionLinks.all(actionId) as ActionLinkSourceRow[],
    /** One of the tags people make themselves, by id. */
    customTag: (id: string): { id: string; label: string; createdAt: string } | undefined =>
      customTag.get(id) as { id: string; label: string; createdAt: string } | undefined,
    withdrawals: (): { storyId: string; withdrawnOn: string }[] =>
      withdrawn.all() as { storyId: string; withdrawnOn: string }[],
  };
}

export type BundleSourceRepository = ReturnType<typeof bundleSourceRepository>;
