import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import type {
  AddendumContentDto,
  RecordUnitKind,
  RoundContentDto,
  StoryContentDto,
  TagLabelContentDto,
} from '../../ipc/bundle-units-schemas';

// Where merged bundles land: the same tables as the laptop's own work, with provenance set, plus
// the record of signed units and the import log (migration 0014). Rounds and stories are written
// through their lifecycle (in progress → completed → signed off; draft → read back → approved →
// signed off) so that every guard the laptop's own records pass through holds for imported ones,
// and the same triggers lock them afterwards.

export type Provenance = { contributorKeyId: string; bundleId: string; importedAt: string };
export type StoredUnit = {
  unitId: string;
  kind: RecordUnitKind;
  contentSha256: string;
  contributorKeyId: string;
};
export type UnitRow = StoredUnit & {
  subjectId: string;
  signature: string;
  content: string | null;
  bundleId: string;
  importedAt: string;
};
export type ImportLogRow = {
  bundleId: string;
  contributorKeyId: string;
  contributorName: string;
  createdAt: string;
  appVersion: string;
  fileName: string;
  importedAt: string;
  added: string;
  skipped: string;
};
/** An action's own columns, as bundles carry them both ways (out of bundle-source, in here). */
export type ActionFields = {
  id: string;
  said: string;
  willDo: string;
  ownerName: string;
  ownerRole: string;
  site: string | null;
  areaId: string | null;
  dueDate: string | null;
  status: string;
  evidence: string;
  saidAt: string;
  fedBackAt: string | null;
  feedbackChannel: string | null;
  feedbackNote: string;
  createdAt: string;
  updatedAt: string;
};
export type ActionProjection = ActionFields & { doneAt: string | null; importedEvents: number };
/** One step of an action's history, as bundles carry it. */
export type ActionEventFields = {
  actionId: string;
  at: string;
  actor: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string;
};
export type ImportedEventRow = ActionEventFields & { eventId: string };

export type CollectionKeyRow = { keyId: string; name: string; publicKeyPem: string; addedAt: string };
export type SentRow = {
  bundleId: string;
  recipientKeyId: string;
  createdAt: string;
  periodFrom: string | null;
  periodTo: string | null;
  counts: string;
  fileName: string;
};

const ROUND_SQL = {
  template: `INSERT OR IGNORE INTO templates (id, name, description, source, version, created_at) VALUES (@id, @name, @description, @source, @version, @createdAt)`,
  prompt: `INSERT OR IGNORE INTO template_prompts (id, template_id, section, text, position) VALUES (@id, @templateId, @section, @text, @position)`,
  round: `INSERT INTO rounds (id, starts_at, site, template_id, status, created_at, updated_at, completed_at, contributor_key_id, bundle_id, imported_at)
    VALUES (@id, @startsAt, @site, @templateId, 'in_progress', @createdAt, @updatedAt, @completedAt, @contributorKeyId, @bundleId, @importedAt)`,
  team: `INSERT INTO round_team_members (id, round_id, name, role, position) VALUES (@id, @roundId, @name, @role, @position)`,
  // An area already here by id (an earlier round of the same contributor) is reused; another area
  // with the same name from the same contributor is refused by its unique index, not ignored.
  area: `INSERT INTO areas (id, site, name, created_at, contributor_key_id, bundle_id, imported_at)
    VALUES (@id, @site, @name, @createdAt, @contributorKeyId, @bundleId, @importedAt) ON CONFLICT (id) DO NOTHING`,
  visit: `INSERT INTO round_areas (id, round_id, area_id, visited_at, position) VALUES (@id, @roundId, @areaId, @visitedAt, @position)`,
  observation: `INSERT INTO observations (id, round_id, area_id, captured_at, kind, source, text, prompt_id, created_at, updated_at,
      sentiment_suggested, sentiment_drivers, sentiment_confirmed, fft_answer, equality_status, needs_follow_up)
    VALUES (@id, @roundId, @areaId, @capturedAt, @kind, @source, @text, @promptId, @createdAt, @updatedAt,
      @sentimentSuggested, @sentimentDrivers, @sentimentConfirmed, @fftAnswer, @equalityStatus, @needsFollowUp)`,
  tag: `INSERT INTO item_tags (item_kind, item_id, framework_id, tag_id, impact, description, created_at)
    VALUES (@itemKind, @itemId, @frameworkId, @tagId, @impact, @description, @createdAt)`,
  decision: `INSERT INTO clearance_decisions (item_kind, item_id, field, finding_key, decision, reason, decided_by, decided_at)
    VALUES (@itemKind, @itemId, @field, @findingKey, @decision, @reason, @decidedBy, @decidedAt)`,
  roundStatus: `UPDATE rounds SET status = ? WHERE id = ?`,
  signOff: `INSERT INTO sign_offs (kind, item_id, signer_name, signer_role, attestation, signed_at, key_id, public_key_pem, content_sha256, signature)
    VALUES (@kind, @itemId, @signerName, @signerRole, @attestation, @signedAt, @keyId, @publicKeyPem, @contentSha256, @signature)`,
};

const STORY_SQL = {
  story: `INSERT INTO stories (id, title, storyteller, author, narrative, quotes, learning_points, round_id, status, text_hash,
      read_back_hash, approved_at, withdrawn_on, sentiment_suggested, sentiment_drivers, sentiment_confirmed, equality_status,
      created_at, updated_at, contributor_key_id, bundle_id, imported_at)
    VALUES (@id, @title, @storyteller, @author, @narrative, @quotes, @learningPoints, @roundId, 'draft', @textHash,
      @readBackHash, @approvedAt, NULL, @sentimentSuggested, @sentimentDrivers, @sentimentConfirmed, @equalityStatus,
      @createdAt, @updatedAt, @contributorKeyId, @bundleId, @importedAt)`,
  consent: `INSERT INTO story_consents (story_id, given_on, method, recorded_by, scopes, identity, review_on, recorded_at)
    VALUES (@storyId, @givenOn, @method, @recordedBy, @scopes, @identity, @reviewOn, @recordedAt)`,
  readBack: `INSERT INTO story_read_backs (id, story_id, checked_on, method, changes_requested, text_hash, recorded_at)
    VALUES (@id, @storyId, @checkedOn, @method, @changesRequested, @textHash, @recordedAt)`,
  status: `UPDATE stories SET status = ? WHERE id = ?`,
};

export function bundlesRepository(sqlite: Database) {
  const prepared = <T extends Record<string, string>>(sqls: T) =>
    Object.fromEntries(Object.entries(sqls).map(([k, v]) => [k, sqlite.prepare(v)])) as {
      [K in keyof T]: Statement<unknown[]>;
    };
  const r = prepared(ROUND_SQL);
  const s = prepared(STORY_SQL);
  const unitById =
    sqlite.prepare(`SELECT unit_id AS unitId, kind, content_sha256 AS contentSha256, contributor_key_id AS contributorKeyId
    FROM bundle_units WHERE unit_id = ?`);
  const insertUnit =
    sqlite.prepare(`INSERT INTO bundle_units (unit_id, kind, subject_id, contributor_key_id, content_sha256, signature, content, bundle_id, imported_at)
    VALUES (@unitId, @kind, @subjectId, @contributorKeyId, @contentSha256, @signature, @content, @bundleId, @importedAt)`);
  const recordExists = {
    round: sqlite.prepare(`SELECT 1 FROM rounds WHERE id = ?`).pluck(),
    story: sqlite.prepare(`SELECT 1 FROM stories WHERE id = ?`).pluck(),
    addendum: sqlite.prepare(`SELECT 1 FROM sign_off_addenda WHERE id = ?`).pluck(),
    action_event: sqlite.prepare(`SELECT 1 FROM action_events WHERE event_id = ?`).pluck(),
    action: sqlite.prepare(`SELECT 1 FROM actions WHERE id = ? AND contributor_key_id IS NULL`).pluck(),
  };
  const customTagLabel = sqlite.prepare(`SELECT label FROM custom_tags WHERE id = ?`);
  const insertTagLabel = sqlite.prepare(
    `INSERT INTO custom_tags (id, label, created_at) VALUES (@tagId, @label, @createdAt)`,
  );
  const pendingStories = sqlite.prepare(`
    SELECT u.content, u.contributor_key_id AS contributorKeyId, u.bundle_id AS bundleId, u.imported_at AS importedAt
    FROM bundle_units u WHERE u.kind = 'story' AND NOT EXISTS (SELECT 1 FROM stories st WHERE st.id = u.unit_id)`);
  const pendingAddenda = sqlite.prepare(`
    SELECT u.content FROM bundle_units u
    WHERE u.kind = 'addendum' AND NOT EXISTS (SELECT 1 FROM sign_off_addenda a WHERE a.id = u.unit_id)
      AND EXISTS (SELECT 1 FROM sign_offs so WHERE so.item_id = u.subject_id)
      AND (EXISTS (SELECT 1 FROM rounds x WHERE x.id = u.subject_id AND x.contributor_key_id = u.contributor_key_id)
        OR EXISTS (SELECT 1 FROM stories x WHERE x.id = u.subject_id AND x.contributor_key_id = u.contributor_key_id))`);
  const insertAddendum =
    sqlite.prepare(`INSERT INTO sign_off_addenda (id, kind, item_id, text, signer_name, signer_role, signed_at, key_id, public_key_pem, signature)
    VALUES (@id, @kind, @itemId, @text, @signerName, @signerRole, @signedAt, @keyId, @publicKeyPem, @signature)`);
  const pendingWithdrawals = sqlite.prepare(`
    SELECT u.subject_id AS storyId, u.content FROM bundle_units u JOIN stories st ON st.id = u.subject_id
    WHERE u.kind = 'consent_withdrawal' AND st.status <> 'withdrawn' AND st.contributor_key_id = u.contributor_key_id`);
  const withdraw = sqlite.prepare(`UPDATE stories SET status = 'withdrawn', withdrawn_on = ? WHERE id = ?`);
  const storyTitle = sqlite.prepare(`SELECT title FROM stories WHERE id = ?`).pluck();
  const exportsOf = sqlite.prepare(
    `SELECT exported_at AS exportedAt, kind, file_name AS fileName FROM exports WHERE story_id = ? ORDER BY exported_at, id`,
  );
  const eventUnits =
    sqlite.prepare(`SELECT unit_id AS unitId, content, contributor_key_id AS contributorKeyId, bundle_id AS bundleId,
    imported_at AS importedAt FROM bundle_units WHERE kind = 'action_event' AND subject_id = ? ORDER BY unit_id`);
  const actionRow = sqlite.prepare(`SELECT imported_events AS importedEvents FROM actions WHERE id = ?`);
  const insertAction =
    sqlite.prepare(`INSERT INTO actions (id, said, will_do, owner_name, owner_role, site, area_id, due_date, status, evidence,
      said_at, done_at, fed_back_at, feedback_channel, feedback_note, created_at, updated_at, contributor_key_id, bundle_id, imported_at, imported_events)
    VALUES (@id, @said, @willDo, @ownerName, @ownerRole, @site, @areaId, @dueDate, @status, @evidence, @saidAt, @doneAt, @fedBackAt,
      @feedbackChannel, @feedbackNote, @createdAt, @updatedAt, @contributorKeyId, @bundleId, @importedAt, @importedEvents)`);
  const updateAction =
    sqlite.prepare(`UPDATE actions SET said = @said, will_do = @willDo, owner_name = @ownerName, owner_role = @ownerRole,
      site = @site, area_id = @areaId, due_date = @dueDate, status = @status, evidence = @evidence, said_at = @saidAt, done_at = @doneAt,
      fed_back_at = @fedBackAt, feedback_channel = @feedbackChannel, feedback_note = @feedbackNote, created_at = @createdAt,
      updated_at = @updatedAt, imported_events = @importedEvents
    WHERE id = @id`);
  const insertEvent =
    sqlite.prepare(`INSERT OR IGNORE INTO action_events (action_id, at, actor, from_status, to_status, reason, event_id,
      contributor_key_id, bundle_id, imported_at)
    VALUES (@actionId, @at, @actor, @fromStatus, @toStatus, @reason, @eventId, @contributorKeyId, @bundleId, @importedAt)`);
  const insertLink =
    sqlite.prepare(`INSERT OR IGNORE INTO action_links (action_id, item_kind, item_id, role, outcome, created_at, bundle_id)
    VALUES (@actionId, @itemKind, @itemId, @role, @outcome, @createdAt, @bundleId)`);
  const importByBundle = sqlite.prepare(
    `SELECT bundle_id AS bundleId, imported_at AS importedAt FROM bundle_imports WHERE bundle_id = ?`,
  );
  const insertImport =
    sqlite.prepare(`INSERT INTO bundle_imports (bundle_id, contributor_key_id, contributor_name, created_at, app_version,
      file_name, imported_at, added, skipped)
    VALUES (@bundleId, @contributorKeyId, @contributorName, @createdAt, @appVersion, @fileName, @importedAt, @added, @skipped)`);
  const importLog =
    sqlite.prepare(`SELECT bundle_id AS bundleId, contributor_key_id AS contributorKeyId, contributor_name AS contributorName,
      created_at AS createdAt, app_version AS appVersion, file_name AS fileName, imported_at AS importedAt, added, skipped
    FROM bundle_imports ORDER BY imported_at DESC, bundle_id`);

  const collectionKeys = {
    list: sqlite.prepare(
      `SELECT key_id AS keyId, name, public_key_pem AS publicKeyPem, added_at AS addedAt FROM collection_keys ORDER BY name, key_id`,
    ),
    get: sqlite.prepare(
      `SELECT key_id AS keyId, name, public_key_pem AS publicKeyPem, added_at AS addedAt FROM collection_keys WHERE key_id = ?`,
    ),
    save: sqlite.prepare(`INSERT INTO collection_keys (key_id, name, public_key_pem, added_at) VALUES (@keyId, @name, @publicKeyPem, @addedAt)
      ON CONFLICT (key_id) DO UPDATE SET name = excluded.name`),
    remove: sqlite.prepare(`DELETE FROM collection_keys WHERE key_id = ?`),
  };
  const sent = {
    last: sqlite
      .prepare(
        `SELECT created_at AS createdAt FROM bundles_sent WHERE recipient_key_id = ? ORDER BY created_at DESC LIMIT 1`,
      )
      .pluck(),
    insert:
      sqlite.prepare(`INSERT INTO bundles_sent (bundle_id, recipient_key_id, created_at, period_from, period_to, counts, file_name)
      VALUES (@bundleId, @recipientKeyId, @createdAt, @periodFrom, @periodTo, @counts, @fileName)`),
    list: sqlite.prepare(`SELECT bundle_id AS bundleId, recipient_key_id AS recipientKeyId, created_at AS createdAt, period_from AS periodFrom,
      period_to AS periodTo, counts, file_name AS fileName FROM bundles_sent ORDER BY created_at DESC`),
  };

  const tagRows = (kind: 'observation' | 'story', tags: RoundContentDto['tags']) => {
    for (const t of tags) r.tag.run({ itemKind: kind, ...t });
  };
  const decisionRows = (decisions: RoundContentDto['decisions']) => {
    for (const d of decisions) r.decision.run(d);
  };

  return {
    unit: (unitId: string): StoredUnit | undefined => unitById.get(unitId) as StoredUnit | undefined,
    addUnit: (row: UnitRow) => {
      insertUnit.run(row);
    },
    /** The label of one of the tags people make themselves, if this laptop has it. */
    customTagLabel: (tagId: string): string | undefined =>
      (customTagLabel.get(tagId) as { label: string } | undefined)?.label,
    /** Adds a contributor's own tag, so what they tagged with it reads by its label here. */
    insertTagLabel: (tag: TagLabelContentDto) => {
      insertTagLabel.run({ tagId: tag.tagId, label: tag.label, createdAt: tag.createdAt });
    },
    /** Whether a record with this id is on this laptop already, whatever brought it. */
    recordExists: (kind: keyof typeof recordExists, id: string): boolean => recordExists[kind].get(id) === 1,
    insertRound: (content: RoundContentDto, provenance: Provenance) => {
      const { round, template } = content;
      if (template) {
        r.template.run(template);
        for (const prompt of template.prompts) r.prompt.run({ ...prompt, templateId: template.id });
      }
      r.round.run({ ...round, ...provenance });
      for (const member of content.team) r.team.run({ ...member, roundId: round.id });
      for (const visit of content.areas) {
        r.area.run({ ...visit.area, ...provenance });
        r.visit.run({
          id: visit.id,
          roundId: round.id,
          areaId: visit.area.id,
          visitedAt: visit.visitedAt,
          position: visit.position,
        });
      }
      for (const o of content.observations)
        r.observation.run({ ...o, roundId: round.id, needsFollowUp: o.needsFollowUp ? 1 : 0 });
      tagRows('observation', content.tags);
      decisionRows(content.decisions);
      r.roundStatus.run('completed', round.id);
      r.signOff.run({ kind: 'round', itemId: round.id, ...content.signOff });
      r.roundStatus.run('signed_off', round.id);
    },
    pendingStories: () =>
      (
        pendingStories.all() as {
          content: string;
          contributorKeyId: string;
          bundleId: string;
          importedAt: string;
        }[]
      ).map(({ content, ...provenance }) => ({
        content: JSON.parse(content) as StoryContentDto,
        provenance,
      })),
    insertStory: (content: StoryContentDto, provenance: Provenance) => {
      const { story } = content;
      s.story.run({ ...story, ...provenance });
      s.consent.run({
        ...content.consent,
        storyId: story.id,
        scopes: JSON.stringify(content.consent.scopes),
      });
      for (const readBack of content.readBacks) s.readBack.run({ ...readBack, storyId: story.id });
      tagRows('story', content.tags);
      decisionRows(content.decisions);
      s.status.run('read_back', story.id);
      s.status.run('approved', story.id);
      r.signOff.run({ kind: 'story', itemId: story.id, ...content.signOff });
    },
    insertPendingAddenda: (): number => {
      const rows = pendingAddenda.all() as { content: string }[];
      for (const row of rows) {
        const a = JSON.parse(row.content) as AddendumContentDto & { id: string };
        insertAddendum.run(a);
      }
      return rows.length;
    },
    /** Applies withdrawals whose story is now here; returns each story with the exports it was in. */
    applyPendingWithdrawals: () =>
      (pendingWithdrawals.all() as { storyId: string; content: string }[]).map(({ storyId, content }) => {
        withdraw.run((JSON.parse(content) as { withdrawnOn: string }).withdrawnOn, storyId);
        return {
          storyId,
          title: String(storyTitle.get(storyId)),
          exports: exportsOf.all(storyId) as { exportedAt: string; kind: string; fileName: string }[],
        };
      }),
    eventUnits: (actionId: string) =>
      eventUnits.all(actionId) as {
        unitId: string;
        content: string;
        contributorKeyId: string;
        bundleId: string;
        importedAt: string;
      }[],
    importedEventCount: (actionId: string): number | null =>
      (actionRow.get(actionId) as { importedEvents: number } | undefined)?.importedEvents ?? null,
    saveActionProjection: (
      action: ActionProjection,
      provenance: Provenance,
      area: { id: string; site: string; name: string; createdAt: string } | null,
      exists: boolean,
    ) => {
      if (area) r.area.run({ ...area, ...provenance });
      if (exists) updateAction.run(action);
      else insertAction.run({ ...action, ...provenance });
    },
    addImportedEvent: (event: ImportedEventRow, provenance: Provenance) => {
      insertEvent.run({ ...event, ...provenance });
    },
    addImportedLink: (link: {
      actionId: string;
      itemKind: string;
      itemId: string;
      role: string;
      outcome: string | null;
      createdAt: string;
      bundleId: string;
    }) => {
      insertLink.run(link);
    },
    previousImport: (bundleId: string) =>
      importByBundle.get(bundleId) as { bundleId: string; importedAt: string } | undefined,
    logImport: (row: ImportLogRow) => {
      insertImport.run(row);
    },
    importLog: (): ImportLogRow[] => importLog.all() as ImportLogRow[],
    collectionKeys: (): CollectionKeyRow[] => collectionKeys.list.all() as CollectionKeyRow[],
    collectionKey: (keyId: string) => collectionKeys.get.get(keyId) as CollectionKeyRow | undefined,
    saveCollectionKey: (row: CollectionKeyRow) => {
      collectionKeys.save.run(row);
    },
    removeCollectionKey: (keyId: string): boolean => collectionKeys.remove.run(keyId).changes > 0,
    lastSentAt: (recipientKeyId: string): string | null =>
      (sent.last.get(recipientKeyId) as string | undefined) ?? null,
    recordSent: (row: SentRow) => {
      sent.insert.run(row);
    },
    sentList: (): SentRow[] => sent.list.all() as SentRow[],
  };
}

export type BundlesRepository = ReturnType<typeof bundlesRepository>;
