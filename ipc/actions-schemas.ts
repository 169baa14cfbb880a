// Schemas for "You said, we did" actions; used by the channels in contract.ts.
import { z } from 'zod';
import { Observation } from './observations-schemas';
import { ItemTag, RecordProvenance, calendarDate, id, requiredText, whoseRounds } from './schema-parts';
import { ACTION_STATUSES, FEEDBACK_CHANNELS, REVISIT_OUTCOMES } from './vocabulary';

const ownerText = (label: string) =>
  z
    .string()
    .trim()
    .max(200, { message: `${label} must be 200 characters or fewer` });

export const ActionSource = z.object({
  kind: z.enum(['observation', 'story']),
  id: z.string(),
  role: z.enum(['source', 'revisit']),
  outcome: z.enum(REVISIT_OUTCOMES).nullable(),
  /** The words of the source as they stand now (a withdrawn story shows none). */
  text: z.string(),
  at: z.string(),
});

export const ActionDetail = z.object({
  id: z.string(),
  said: z.string(),
  willDo: z.string(),
  ownerName: z.string(),
  ownerRole: z.string(),
  site: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  evidence: z.string(),
  saidAt: z.string(),
  doneAt: z.string().nullable(),
  fedBackAt: z.string().nullable(),
  feedbackChannel: z.enum(FEEDBACK_CHANNELS).nullable(),
  feedbackNote: z.string(),
  createdAt: z.string(),
  sources: z.array(ActionSource),
  tags: z.array(ItemTag),
  history: z.array(
    z.object({
      at: z.string(),
      actor: z.string(),
      fromStatus: z.enum(ACTION_STATUSES).nullable(),
      toStatus: z.enum(ACTION_STATUSES),
      reason: z.string(),
    }),
  ),
  /** Where an imported action came from (a PEIG bundle); null for this laptop's own. */
  provenance: RecordProvenance.nullable(),
});

export const ActionSummary = ActionDetail.omit({
  sources: true,
  history: true,
  evidence: true,
  provenance: true,
});

export const createActionRequest = z
  .object({
    said: z.string().trim().max(20_000).default(''),
    willDo: requiredText('what we will do', 2_000),
    ownerName: ownerText('The owner’s name').default(''),
    ownerRole: ownerText('The owner’s role').default(''),
    areaId: id.nullable().default(null),
    site: z.string().trim().max(200).nullable().default(null),
    dueDate: calendarDate('The due date').nullable().default(null),
    sources: z
      .array(z.object({ kind: z.enum(['observation', 'story']), id }).strict())
      .max(20, { message: 'An action can come from at most 20 observations or stories' })
      .default([]),
  })
  .strict();

export const createActionFromRequest = z
  .object({
    kind: z.enum(['observation', 'story'], { message: 'Choose an observation or a story' }),
    id,
  })
  .strict();

export const updateActionRequest = z
  .object({
    id,
    changes: z
      .object({
        willDo: requiredText('what we will do', 2_000),
        ownerName: ownerText('The owner’s name'),
        ownerRole: ownerText('The owner’s role'),
        areaId: id.nullable(),
        dueDate: calendarDate('The due date').nullable(),
        evidence: z.string().max(5_000, { message: 'What we did must be 5,000 characters or fewer' }),
      })
      .partial()
      .strict(),
  })
  .strict();

export const setActionStatusRequest = z
  .object({
    id,
    status: z.enum(ACTION_STATUSES, { message: 'Choose a status' }),
    reason: z.string().trim().max(1_000).default(''),
    feedback: z
      .object({
        channel: z.enum(FEEDBACK_CHANNELS, { message: 'Choose how people were told' }),
        on: calendarDate('The date people were told'),
        note: z.string().trim().max(1_000).default(''),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export const listActionsRequest = z
  .object({
    status: z.enum(ACTION_STATUSES).nullable().default(null),
    areaId: id.nullable().default(null),
    owner: z.string().trim().max(200).nullable().default(null),
    tag: z
      .object({ frameworkId: z.string().max(100), tagId: z.string().max(100) })
      .strict()
      .nullable()
      .default(null),
    overdue: z.boolean().default(false),
    /** Only actions raised from this observation or story. */
    source: z
      .object({ kind: z.enum(['observation', 'story'], { message: 'Choose an observation or a story' }), id })
      .strict()
      .nullable()
      .default(null),
    /** Whose actions: everyone's, this laptop's own, or one contributor's (raised on their rounds). */
    whose: whoseRounds('Choose whose actions to show'),
    sort: z.enum(['due_date', 'newest']).default('due_date'),
    limit: z.number().int().min(1).max(200).default(50),
    offset: z.number().int().min(0).default(0),
  })
  .strict();

export const ActionBoard = z.object({
  total: z.number().int(),
  counts: z.object({
    open: z.number().int(),
    in_progress: z.number().int(),
    done: z.number().int(),
    fed_back: z.number().int(),
    overdue: z.number().int(),
  }),
  items: z.array(ActionSummary),
});

export const recordRevisitRequest = z
  .object({
    actionId: id,
    roundId: id,
    outcome: z.enum(REVISIT_OUTCOMES, { message: 'Choose what the team found' }),
    note: z.string().trim().max(5_000).default(''),
  })
  .strict();

export const addActionSourceRequest = z
  .object({
    id,
    source: z
      .object({ kind: z.enum(['observation', 'story'], { message: 'Choose an observation or a story' }), id })
      .strict(),
  })
  .strict();

export const actionsChannels = {
  'actions:list': {
    request: listActionsRequest,
    response: ActionBoard,
  },
  'actions:get': {
    request: z.object({ id }).strict(),
    response: ActionDetail,
  },
  'actions:create': {
    request: createActionRequest,
    response: ActionDetail,
  },
  'actions:create-from': {
    request: createActionFromRequest,
    response: ActionDetail,
  },
  'actions:add-source': {
    request: addActionSourceRequest,
    response: ActionDetail,
  },
  'actions:update': {
    request: updateActionRequest,
    response: ActionDetail,
  },
  'actions:set-status': {
    request: setActionStatusRequest,
    response: ActionDetail,
  },
  'actions:for-round': {
    request: z.object({ roundId: id }).strict(),
    response: z.array(ActionSummary),
  },
  'actions:record-revisit': {
    request: recordRevisitRequest,
    response: z.object({ action: ActionDetail, observation: Observation }),
  },
} as const;

export type ActionDetailDto = z.output<typeof ActionDetail>;

export type ActionSummaryDto = z.output<typeof ActionSummary>;
