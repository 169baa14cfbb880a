import { sql } from 'drizzle-orm';
import {
  EQUALITY_IMPACTS,
  EQUALITY_STATUSES,
  FFT_ANSWERS,
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  ROUND_STATUSES,
  SENTIMENT_LABELS,
  TAGGABLE_KINDS,
  TEAM_ROLES,
} from '../ipc/contract';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'complete', 'sign_off', 'export'] as const;

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

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
  },
  (t) => [
    index('rounds_starts_at_idx').on(t.startsAt),
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
  },
  (t) => [uniqueIndex('areas_site_name_uq').on(sql`${t.site} collate nocase`, sql`${t.name} collate nocase`)],
);

export const roundAreas = sqliteTable(
  'round_areas',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id),
    visitedAt: text('visited_at').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('round_areas_round_area_uq').on(t.roundId, t.areaId)],
);

export const observations = sqliteTable(
  'observations',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    areaId: text('area_id')
      .notNull()
      .references(() => areas.id),
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
