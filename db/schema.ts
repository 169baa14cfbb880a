// One file on purpose: drizzle-kit diffs this whole schema against its last snapshot to write each
// migration, and the tables reference one another by foreign key, so the database is read and
// reviewed here as one picture, table by table, next to the migrations that build it.
import { sql } from 'drizzle-orm';
import {
  ACTION_STATUSES,
  FEEDBACK_CHANNELS,
  REVISIT_OUTCOMES,
  CONSENT_IDENTITIES,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  CLEARABLE_KINDS,
  CLEARANCE_DECISIONS,
  EQUALITY_IMPACTS,
  EQUALITY_STATUSES,
  EXPORT_KINDS,
  FFT_ANSWERS,
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  READ_BACK_METHODS,
  ROUND_STATUSES,
  SENTIMENT_LABELS,
  STORY_STATUSES,
  STORYTELLER_TYPES,
  TAGGABLE_KINDS,
  TEAM_ROLES,
} from '../ipc/contract';
import { SIGN_OFF_KINDS } from '../ipc/sign-off-schemas';
import { RECORD_UNIT_KINDS } from '../ipc/bundle-units-schemas';
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'complete', 'sign_off', 'export'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

// Where a record came from when it was imported from another laptop's bundle (or, later, pulled
// from a trust hub): the contributor's signing-key id, the bundle that first brought it, and when.
// All three are null on the laptop's own records. Kept on the record itself, in the same tables
// as the laptop's own work, so that search, insights and reports read both without a join; the
// children of a round (areas visited, observations, tags) take their round's.
const provenance = () => ({
  contributorKeyId: text('contributor_key_id'),
  bundleId: text('bundle_id'),
  importedAt: text('imported_at'),
});

// Times are ISO 8601 strings in UTC ("2026-11-26T09:30:00.000Z"); they sort as text.

export const templates = sqliteTable('templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  source: text('source', { enum: ['builtin', 'user'] }).notNull(),
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull(),
});

export const templatePrompts = sqliteTable(
  'template_prompts',
  {
    id: text('id').primaryKey(),
    templateId: text('template_id')
      .notNull()
      .references(() => templates.id, { onDelete: 'cascade' }),
    section: text('section').notNull(),
    text: text('text').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('template_prompts_template_idx').on(t.templateId, t.position)],
);

export const rounds = sqliteTable(
  'rounds',
  {
    id: text('id').primaryKey(),
    startsAt: text('starts_at').notNull(),
    site: text('site').notNull(),
    templateId: text('template_id').references(() => templates.id),
    status: text('status', { enum: ROUND_STATUSES }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    completedAt: text('completed_at'),
    ...provenance(),
  },
  (t) => [
    index('rounds_starts_at_idx').on(t.startsAt),
    index('rounds_contributor_idx').on(t.contributorKeyId),
    check('rounds_status_ck', sql`${t.status} in (${inList(ROUND_STATUSES)})`),
  ],
);

export const roundTeamMembers = sqliteTable(
  'round_team_members',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    role: text('role', { enum: TEAM_ROLES }).notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    index('round_team_members_round_idx').on(t.roundId, t.position),
    check('round_team_members_role_ck', sql`${t.role} in (${inList(TEAM_ROLES)})`),
  ],
);

// An area (ward or department) belongs to a site, not to one round, so that later rounds
// can find what earlier rounds saw and left open in the same place.
export const areas = sqliteTable(
  'areas',
  {
    id: text('id').primaryKey(),
    site: text('site').notNull(),
    name: text('name').notNull(),
    createdAt: text('created_at').notNull(),
    ...provenance(),
  },
  // Each laptop names its own areas: "Oak Ward" typed on two laptops is two rows with two ids,
  // and imported records keep theirs, so the one-name-per-site rule holds per contributor.
  (t) => [
    uniqueIndex('areas_site_name_uq')
      .on(sql`${t.site} collate nocase`, sql`${t.name} collate nocase`)
      .where(sql`${t.contributorKeyId} is null`),
    uniqueIndex('areas_contributor_site_name_uq')
      .on(t.contributorKeyId, sql`${t.site} collate nocase`, sql`${t.name} collate nocase`)
      .where(sql`${t.contributorKeyId} is not null`),
  ],
);

// A round's visit to an area, and what was seen there, both belong to the round (and go with it)
// and point at the area, which outlives them.
const inRoundAndArea = () => ({
  roundId: text('round_id')
    .notNull()
    .references(() => rounds.id, { onDelete: 'cascade' }),
  areaId: text('area_id')
    .notNull()
    .references(() => areas.id),
});

export const roundAreas = sqliteTable(
  'round_areas',
  {
    id: text('id').primaryKey(),
    ...inRoundAndArea(),
    visitedAt: text('visited_at').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('round_areas_round_area_uq').on(t.roundId, t.areaId)],
);

export const observations = sqliteTable(
  'observations',
  {
    id: text('id').primaryKey(),
    ...inRoundAndArea(),
    capturedAt: text('captured_at').notNull(),
    kind: text('kind', { enum: OBSERVATION_KINDS }).notNull(),
    source: text('source', { enum: OBSERVATION_SOURCES }).notNull(),
    text: text('text').notNull(),
    promptId: text('prompt_id').references(() => templatePrompts.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    // What the on-device suggester said of the text, and what the person settled on: both are
    // kept so agreement between the two can be measured.
    sentimentSuggested: text('sentiment_suggested', { enum: SENTIMENT_LABELS }),
    sentimentDrivers: text('sentiment_drivers').notNull().default('[]'),
    sentimentConfirmed: text('sentiment_confirmed', { enum: SENTIMENT_LABELS }),
    fftAnswer: text('fft_answer', { enum: FFT_ANSWERS }),
    // "Not recorded" (nobody considered it) is different from "none applies" (considered, and
    // no equality group is relevant); "recorded" means the equality tags say which.
    equalityStatus: text('equality_status', { enum: EQUALITY_STATUSES }).notNull().default('not_recorded'),
    // Flagged on the ward as something to act on; cleared once an action is raised from it.
    needsFollowUp: integer('needs_follow_up', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('observations_round_captured_idx').on(t.roundId, t.capturedAt),
    index('observations_captured_idx').on(t.capturedAt),
    check(
      'observations_sentiment_suggested_ck',
      sql`${t.sentimentSuggested} in (${inList(SENTIMENT_LABELS)})`,
    ),
    check(
      'observations_sentiment_confirmed_ck',
      sql`${t.sentimentConfirmed} in (${inList(SENTIMENT_LABELS)})`,
    ),
    check('observations_fft_ck', sql`${t.fftAnswer} in (${inList(FFT_ANSWERS)})`),
    check('observations_equality_status_ck', sql`${t.equalityStatus} in (${inList(EQUALITY_STATUSES)})`),
    index('observations_area_idx').on(t.areaId),
    check('observations_kind_ck', sql`${t.kind} in (${inList(OBSERVATION_KINDS)})`),
    check('observations_source_ck', sql`${t.source} in (${inList(OBSERVATION_SOURCES)})`),
  ],
);

// Tags on any item: observations now, stories and actions later, through the same table, so
// coverage and search see them all. `frameworkId` + `tagId` name an entry in
// resources/frameworks (or a user-defined tag, framework 'custom').
export const itemTags = sqliteTable(
  'item_tags',
  {
    id: integer('id').primaryKey(),
    itemKind: text('item_kind', { enum: TAGGABLE_KINDS }).notNull(),
    itemId: text('item_id').notNull(),
    frameworkId: text('framework_id').notNull(),
    tagId: text('tag_id').notNull(),
    // Equality tags only: how the experience bore on that group.
    impact: text('impact', { enum: EQUALITY_IMPACTS }),
    // "Other (describe)": the person's own words.
    description: text('description'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('item_tags_item_tag_uq').on(t.itemKind, t.itemId, t.frameworkId, t.tagId),
    index('item_tags_tag_idx').on(t.frameworkId, t.tagId, t.itemKind, t.itemId),
    check('item_tags_kind_ck', sql`${t.itemKind} in (${inList(TAGGABLE_KINDS)})`),
    check('item_tags_impact_ck', sql`${t.impact} in (${inList(EQUALITY_IMPACTS)})`),
  ],
);

export const customTags = sqliteTable('custom_tags', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  createdAt: text('created_at').notNull(),
});

// A patient or carer story. Quotes and learning points are JSON arrays on the row because the
// read-back hash covers them together with the narrative, and the guard triggers (0006) can then
// see every part of the read-back text in one UPDATE. `text_hash` is the SHA-256 of that text as
// it is now, `read_back_hash` as the storyteller last checked it; read_back and approved need the
// two to agree. Calendar dates (`withdrawn_on`) are "YYYY-MM-DD" as the person gave them.
export const stories = sqliteTable(
  'stories',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    storyteller: text('storyteller', { enum: STORYTELLER_TYPES }).notNull(),
    author: text('author').notNull(),
    narrative: text('narrative').notNull().default(''),
    quotes: text('quotes').notNull().default('[]'),
    learningPoints: text('learning_points').notNull().default('[]'),
    roundId: text('round_id').references(() => rounds.id),
    status: text('status', { enum: STORY_STATUSES }).notNull().default('draft'),
    textHash: text('text_hash').notNull(),
    readBackHash: text('read_back_hash'),
    approvedAt: text('approved_at'),
    withdrawnOn: text('withdrawn_on'),
    sentimentSuggested: text('sentiment_suggested', { enum: SENTIMENT_LABELS }),
    sentimentDrivers: text('sentiment_drivers').notNull().default('[]'),
    sentimentConfirmed: text('sentiment_confirmed', { enum: SENTIMENT_LABELS }),
    equalityStatus: text('equality_status', { enum: EQUALITY_STATUSES }).notNull().default('not_recorded'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...provenance(),
  },
  (t) => [
    index('stories_status_updated_idx').on(t.status, t.updatedAt),
    index('stories_contributor_idx').on(t.contributorKeyId),
    index('stories_round_idx').on(t.roundId),
    check('stories_status_ck', sql`${t.status} in (${inList(STORY_STATUSES)})`),
    check('stories_storyteller_ck', sql`${t.storyteller} in (${inList(STORYTELLER_TYPES)})`),
    check('stories_sentiment_suggested_ck', sql`${t.sentimentSuggested} in (${inList(SENTIMENT_LABELS)})`),
    check('stories_sentiment_confirmed_ck', sql`${t.sentimentConfirmed} in (${inList(SENTIMENT_LABELS)})`),
    check('stories_equality_status_ck', sql`${t.equalityStatus} in (${inList(EQUALITY_STATUSES)})`),
    check('stories_quotes_ck', sql`json_valid(${t.quotes}) and json_type(${t.quotes}) = 'array'`),
    check(
      'stories_learning_points_ck',
      sql`json_valid(${t.learningPoints}) and json_type(${t.learningPoints}) = 'array'`,
    ),
    // What was read back is what is approved: the text may not differ from it in either state.
    check(
      'stories_read_back_text_ck',
      sql`${t.status} not in ('read_back', 'approved') or ${t.readBackHash} is ${t.textHash}`,
    ),
    check('stories_approved_ck', sql`${t.status} <> 'approved' or ${t.approvedAt} is not null`),
    check('stories_withdrawn_ck', sql`(${t.status} = 'withdrawn') = (${t.withdrawnOn} is not null)`),
  ],
);

// The storyteller's consent: one record per story, replaced when it is renewed (the audit log
// keeps the earlier ones). Withdrawal is recorded on the story, since a storyteller may
// withdraw before consent was ever written down.
export const storyConsents = sqliteTable(
  'story_consents',
  {
    storyId: text('story_id')
      .primaryKey()
      .references(() => stories.id, { onDelete: 'cascade' }),
    givenOn: text('given_on').notNull(),
    method: text('method', { enum: CONSENT_METHODS }).notNull(),
    recordedBy: text('recorded_by').notNull(),
    /** JSON array of CONSENT_SCOPES, at least one. */
    scopes: text('scopes').notNull(),
    identity: text('identity', { enum: CONSENT_IDENTITIES }).notNull(),
    reviewOn: text('review_on').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    index('story_consents_review_idx').on(t.reviewOn),
    check('story_consents_method_ck', sql`${t.method} in (${inList(CONSENT_METHODS)})`),
    check('story_consents_identity_ck', sql`${t.identity} in (${inList(CONSENT_IDENTITIES)})`),
    check(
      'story_consents_scopes_ck',
      sql`json_valid(${t.scopes}) and json_type(${t.scopes}) = 'array' and json_array_length(${t.scopes}) >= 1`,
    ),
    check('story_consents_review_after_ck', sql`${t.reviewOn} > ${t.givenOn}`),
  ],
);

// Every read-back, oldest first; the story's read_back_hash is the latest one's text_hash.
export const storyReadBacks = sqliteTable(
  'story_read_backs',
  {
    id: text('id').primaryKey(),
    storyId: text('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    checkedOn: text('checked_on').notNull(),
    method: text('method', { enum: READ_BACK_METHODS }).notNull(),
    changesRequested: text('changes_requested').notNull().default(''),
    textHash: text('text_hash').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [
    index('story_read_backs_story_idx').on(t.storyId, t.recordedAt),
    check('story_read_backs_method_ck', sql`${t.method} in (${inList(READ_BACK_METHODS)})`),
  ],
);

// Where each story went, so that PEIG can be told when its storyteller withdraws consent. The
// export feature writes a row per story per file (a period report writes one for each story).
export const storyExports = sqliteTable(
  'exports',
  {
    id: integer('id').primaryKey(),
    storyId: text('story_id')
      .notNull()
      .references(() => stories.id),
    exportedAt: text('exported_at').notNull(),
    kind: text('kind', { enum: EXPORT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    scope: text('scope', { enum: CONSENT_SCOPES }).notNull(),
    identity: text('identity', { enum: CONSENT_IDENTITIES }).notNull(),
  },
  (t) => [
    index('exports_story_idx').on(t.storyId, t.exportedAt),
    check('exports_kind_ck', sql`${t.kind} in (${inList(EXPORT_KINDS)})`),
    check('exports_scope_ck', sql`${t.scope} in (${inList(CONSENT_SCOPES)})`),
    check('exports_identity_ck', sql`${t.identity} in (${inList(CONSENT_IDENTITIES)})`),
  ],
);

// What a person decided about each personal-data finding in an item's text: redacted, or kept
// for a written reason. Keyed by `findingKey` (domain/personal-data/clearance.ts), which survives
// edits elsewhere in the text, and by the field it was found in ("narrative", "title",
// "learningPoints.2", an observation's "text"). One row per finding: a changed mind replaces it.
export const clearanceDecisions = sqliteTable(
  'clearance_decisions',
  {
    id: integer('id').primaryKey(),
    itemKind: text('item_kind', { enum: CLEARABLE_KINDS }).notNull(),
    itemId: text('item_id').notNull(),
    field: text('field').notNull(),
    findingKey: text('finding_key').notNull(),
    decision: text('decision', { enum: CLEARANCE_DECISIONS }).notNull(),
    reason: text('reason'),
    decidedBy: text('decided_by').notNull(),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [
    uniqueIndex('clearance_decisions_finding_uq').on(t.itemKind, t.itemId, t.field, t.findingKey),
    check('clearance_decisions_kind_ck', sql`${t.itemKind} in (${inList(CLEARABLE_KINDS)})`),
    check('clearance_decisions_decision_ck', sql`${t.decision} in (${inList(CLEARANCE_DECISIONS)})`),
    // Keeping personal data in text that leaves the app always needs a reason someone wrote down.
    check(
      'clearance_decisions_reason_ck',
      sql`${t.decision} = 'redacted' or length(trim(coalesce(${t.reason}, ''))) > 0`,
    ),
  ],
);

// Small app-wide settings, each a JSON value under a key (e.g. "staff_names").
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

// "You said, we did": what was said (copied from its sources when raised, so the record stands
// even if wording changes later), what we will do, who owns it and by when.
export const actions = sqliteTable(
  'actions',
  {
    id: text('id').primaryKey(),
    said: text('said').notNull(),
    willDo: text('will_do').notNull(),
    ownerName: text('owner_name').notNull().default(''),
    ownerRole: text('owner_role').notNull().default(''),
    site: text('site'),
    areaId: text('area_id').references(() => areas.id),
    // A day on the trust's calendar (YYYY-MM-DD, Europe/London), not an instant.
    dueDate: text('due_date'),
    status: text('status', { enum: ACTION_STATUSES }).notNull(),
    evidence: text('evidence').notNull().default(''),
    // When what was said was first said: the earliest source, or when the action was raised.
    saidAt: text('said_at').notNull(),
    doneAt: text('done_at'),
    fedBackAt: text('fed_back_at'),
    feedbackChannel: text('feedback_channel', { enum: FEEDBACK_CHANNELS }),
    feedbackNote: text('feedback_note').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    ...provenance(),
    // An imported action is the sum of its events; the merge alone rebuilds it, and counts the
    // events it has folded in, which is how the lock (0014) tells the merge from an edit.
    importedEvents: integer('imported_events').notNull().default(0),
  },
  (t) => [
    index('actions_contributor_idx').on(t.contributorKeyId),
    index('actions_area_status_due_idx').on(t.areaId, t.status, t.dueDate),
    index('actions_status_due_idx').on(t.status, t.dueDate),
    check('actions_status_ck', sql`${t.status} in (${inList(ACTION_STATUSES)})`),
    check('actions_feedback_channel_ck', sql`${t.feedbackChannel} in (${inList(FEEDBACK_CHANNELS)})`),
    check(
      'actions_fed_back_ck',
      sql`${t.status} <> 'fed_back' or (${t.fedBackAt} is not null and ${t.feedbackChannel} is not null)`,
    ),
  ],
);

// What an action was raised from (source) and the later looks at it on a revisit, each with
// what the team found.
export const actionLinks = sqliteTable(
  'action_links',
  {
    id: integer('id').primaryKey(),
    actionId: text('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    itemKind: text('item_kind', { enum: ['observation', 'story'] }).notNull(),
    itemId: text('item_id').notNull(),
    role: text('role', { enum: ['source', 'revisit'] }).notNull(),
    outcome: text('outcome', { enum: REVISIT_OUTCOMES }),
    createdAt: text('created_at').notNull(),
    /** The bundle that brought this link, for an imported action's links. */
    bundleId: text('bundle_id'),
  },
  (t) => [
    uniqueIndex('action_links_uq').on(t.actionId, t.itemKind, t.itemId),
    index('action_links_item_idx').on(t.itemKind, t.itemId),
    check('action_links_kind_ck', sql`${t.itemKind} in ('observation', 'story')`),
    check('action_links_role_ck', sql`${t.role} in ('source', 'revisit')`),
    check('action_links_outcome_ck', sql`${t.outcome} in (${inList(REVISIT_OUTCOMES)})`),
  ],
);

// Every status change with its reason: the trail that shows hearing became doing.
export const actionEvents = sqliteTable(
  'action_events',
  {
    id: integer('id').primaryKey(),
    actionId: text('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    fromStatus: text('from_status', { enum: ACTION_STATUSES }),
    toStatus: text('to_status', { enum: ACTION_STATUSES }).notNull(),
    reason: text('reason').notNull().default(''),
    /** The event's id in bundles (imported events only): events append, keyed by it. */
    eventId: text('event_id'),
    ...provenance(),
  },
  (t) => [
    index('action_events_action_idx').on(t.actionId, t.at),
    uniqueIndex('action_events_event_uq').on(t.eventId),
  ],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    detail: text('detail').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_log_action_ck', sql`${t.action} in (${inList(AUDIT_ACTIONS)})`)],
);

// Colleagues' public keys the reader trusts, imported from the .pem files they exported. Trust
// is by key id (SHA-256 of the raw public key), never by name.
export const trustedSigners = sqliteTable(
  'trusted_signers',
  {
    keyId: text('key_id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    publicKeyPem: text('public_key_pem').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [check('trusted_signers_key_id_ck', sql`length(${t.keyId}) = 64`)],
);

// A signer's attestation of a completed round or an approved story. The signature is Ed25519
// over a canonical serialisation of the record's content and of these fields (see
// domain/sign-off/sign-off-content.ts), so a change made to the record afterwards, by any
// route, shows as an invalid signature. One per record; the row itself is locked (0009).
export const signOffs = sqliteTable(
  'sign_offs',
  {
    kind: text('kind', { enum: SIGN_OFF_KINDS }).notNull(),
    itemId: text('item_id').notNull(),
    signerName: text('signer_name').notNull(),
    signerRole: text('signer_role').notNull(),
    attestation: text('attestation').notNull(),
    signedAt: text('signed_at').notNull(),
    keyId: text('key_id').notNull(),
    publicKeyPem: text('public_key_pem').notNull(),
    contentSha256: text('content_sha256').notNull(),
    /** Base64 of the 64-byte Ed25519 signature. */
    signature: text('signature').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.itemId] }),
    check('sign_offs_kind_ck', sql`${t.kind} in (${inList(SIGN_OFF_KINDS)})`),
  ],
);

// Corrections made after sign-off: appended, each signed the same way, never changed.
export const signOffAddenda = sqliteTable(
  'sign_off_addenda',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: SIGN_OFF_KINDS }).notNull(),
    itemId: text('item_id').notNull(),
    text: text('text').notNull(),
    signerName: text('signer_name').notNull(),
    signerRole: text('signer_role').notNull(),
    signedAt: text('signed_at').notNull(),
    keyId: text('key_id').notNull(),
    publicKeyPem: text('public_key_pem').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [
    index('sign_off_addenda_item_idx').on(t.kind, t.itemId, t.signedAt),
    foreignKey({ columns: [t.kind, t.itemId], foreignColumns: [signOffs.kind, signOffs.itemId] }),
  ],
);

// Collection keys this laptop sends bundles to: the X25519 public keys PEIG leads shared as files.
// Like trusted signers, known by key id (SHA-256 of the raw public key), never by name alone.
export const collectionKeys = sqliteTable(
  'collection_keys',
  {
    keyId: text('key_id').primaryKey(),
    name: text('name').notNull(),
    publicKeyPem: text('public_key_pem').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [check('collection_keys_key_id_ck', sql`length(${t.keyId}) = 64`)],
);

// Every bundle this laptop made: what it held, for whom, and up to when, so that the next one
// carries only what was signed off since.
export const bundlesSent = sqliteTable(
  'bundles_sent',
  {
    bundleId: text('bundle_id').primaryKey(),
    recipientKeyId: text('recipient_key_id').notNull(),
    createdAt: text('created_at').notNull(),
    periodFrom: text('period_from'),
    periodTo: text('period_to'),
    /** JSON: the header's counts. */
    counts: text('counts').notNull(),
    fileName: text('file_name').notNull(),
  },
  (t) => [index('bundles_sent_recipient_idx').on(t.recipientKeyId, t.createdAt)],
);

// One row per signed unit merged in (a round, a story, an addendum, an action event, a consent
// withdrawal), keyed by the unit's UUID: the contributor's key id, the signature and the SHA-256
// of the unit's canonical content. This is how a second arrival is told apart from a conflict,
// and how a unit can be checked again or passed on without its bundle. Small units keep their
// content (`content`), so that an event arriving before the action it belongs to waits here.
export const bundleUnits = sqliteTable(
  'bundle_units',
  {
    unitId: text('unit_id').primaryKey(),
    kind: text('kind', { enum: RECORD_UNIT_KINDS }).notNull(),
    /** The record the unit is about: the round or story, or the action, story or item it changes. */
    subjectId: text('subject_id').notNull(),
    contributorKeyId: text('contributor_key_id').notNull(),
    contentSha256: text('content_sha256').notNull(),
    signature: text('signature').notNull(),
    content: text('content'),
    bundleId: text('bundle_id').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [
    index('bundle_units_subject_idx').on(t.subjectId, t.kind),
    check('bundle_units_kind_ck', sql`${t.kind} in (${inList(RECORD_UNIT_KINDS)})`),
  ],
);

// The import log: every bundle merged, from whom, when, what it added and what it skipped.
export const bundleImports = sqliteTable(
  'bundle_imports',
  {
    bundleId: text('bundle_id').primaryKey(),
    contributorKeyId: text('contributor_key_id').notNull(),
    contributorName: text('contributor_name').notNull(),
    createdAt: text('created_at').notNull(),
    appVersion: text('app_version').notNull(),
    fileName: text('file_name').notNull(),
    importedAt: text('imported_at').notNull(),
    /** JSON: units added, by kind. */
    added: text('added').notNull(),
    /** JSON: units already present, by kind. */
    skipped: text('skipped').notNull(),
  },
  (t) => [index('bundle_imports_imported_idx').on(t.importedAt)],
);

// The trust hub, on a laptop: each entry of the outbox is one bundle's signed units, given its id
// before it is sent, so a lost connection resumes with the same bundle (the hub takes a bundle
// once) and nothing is lost or sent twice.
export const hubOutbox = sqliteTable(
  'hub_outbox',
  {
    bundleId: text('bundle_id').primaryKey(),
    createdAt: text('created_at').notNull(),
    /** JSON: the hub rows (id, kind, keyId, payload, signature) in the order they are sent. */
    units: text('units').notNull(),
    /** JSON: rounds, observations, stories, addenda, action events and withdrawals it carries. */
    counts: text('counts').notNull(),
    publishedAt: text('published_at'),
  },
  (t) => [index('hub_outbox_pending_idx').on(t.publishedAt, t.createdAt)],
);

// Units pulled from the hub that could not be merged yet (a signer not trusted here, a record
// that does not check out), kept with the reason so that nothing pulled is silently dropped:
// they are tried again at each pull, and the pull log names them.
export const hubHeldUnits = sqliteTable('hub_held_units', {
  unitId: text('unit_id').primaryKey(),
  bundleId: text('bundle_id').notNull(),
  keyId: text('key_id').notNull(),
  kind: text('kind').notNull(),
  payload: text('payload').notNull(),
  signature: text('signature').notNull(),
  reason: text('reason').notNull(),
  heldAt: text('held_at').notNull(),
});

// The pull log: when each pull ran, what it brought in and what it held back.
export const hubPulls = sqliteTable('hub_pulls', {
  id: integer('id').primaryKey(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at').notNull(),
  horizon: text('horizon').notNull(),
  /** JSON: units added, by kind. */
  added: text('added').notNull(),
  /** JSON: units already here, by kind. */
  skipped: text('skipped').notNull(),
  held: integer('held').notNull(),
});
