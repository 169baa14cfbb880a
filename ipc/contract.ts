// The one IPC contract: every channel with the zod schemas of its request and response.
// Main (handler registry), preload (named functions) and renderer (API client) all import it,
// so a renamed channel or changed shape breaks the build rather than the user.
import { z } from 'zod';
import { id, isoDateTime, requiredText } from './schema-parts';
import {
  addRecipientRequest,
  BundleInspection,
  bundleFileRequest,
  bundleKeyIdRequest,
  BundlePreview,
  bundleRequest,
  CollectionKeyInfo,
  ImportJob,
  importJobRequest,
  ImportLog,
  importRequest,
  previewRequest,
  RecipientKey,
  RecipientKeys,
  SentBundle,
  setUpCollectionKeyRequest,
} from './bundles-schemas';
import {
  searchRequest,
  SearchResults,
  insightsRequest,
  Insights,
  FrameworksCatalogue,
  CustomTag,
  ItemTag,
  SentimentDriver,
  setTagsRequest,
  setSentimentRequest,
  customTagRequest,
} from './tagging-schemas';
import {
  ClearanceReport,
  clearanceCheckRequest,
  clearanceDecideRequest,
  createStoryRequest,
  listStoriesRequest,
  recordConsentRequest,
  recordReadBackRequest,
  setStaffNamesRequest,
  setStorySentimentRequest,
  setStoryTagsRequest,
  StaffNames,
  StoryDetail,
  storyIdRequest,
  StorySummary,
  updateStoryRequest,
  withdrawConsentRequest,
  WithdrawalResult,
} from './story-schemas';
import {
  ActionBoard,
  ActionDetail,
  ActionSummary,
  addActionSourceRequest,
  createActionFromRequest,
  createActionRequest,
  listActionsRequest,
  recordRevisitRequest,
  setActionStatusRequest,
  updateActionRequest,
} from './action-schemas';
import {
  addAddendumRequest,
  AddendumInfo,
  exportJobRequest,
  ExportJob,
  exportRequest,
  keyIdRequest,
  Review,
  signableRequest,
  SigningIdentityInfo,
  signOffRequest,
  SignOffInfo,
  trustSignerRequest,
  TrustedSignerInfo,
  TrustedSignerList,
  Verification,
  verifyRequest,
  Organisation,
  setOrganisationRequest,
} from './export-schemas';
import {
  EQUALITY_STATUSES,
  FFT_ANSWERS,
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  ROUND_STATUSES,
  SENTIMENT_LABELS,
  TEAM_ROLES,
} from './vocabulary';

export * from './vocabulary';

export const OBSERVATION_TEXT_MAX = 20_000;

export const TemplatePrompt = z.object({
  id: z.string(),
  section: z.string(),
  text: z.string(),
  position: z.number().int(),
});
export const Template = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  source: z.enum(['builtin', 'user']),
  prompts: z.array(TemplatePrompt),
});

export const TeamMember = z.object({
  name: requiredText('the team member’s name', 200),
  role: z.enum(TEAM_ROLES, { message: 'Choose a role' }),
});

export const RoundSummary = z.object({
  id: z.string(),
  startsAt: z.string(),
  site: z.string(),
  status: z.enum(ROUND_STATUSES),
  templateName: z.string().nullable(),
  areaCount: z.number().int(),
  observationCount: z.number().int(),
});

export const RoundArea = z.object({
  id: z.string(),
  areaId: z.string(),
  name: z.string(),
  visitedAt: z.string(),
});

export const Observation = z.object({
  id: z.string(),
  roundId: z.string(),
  areaId: z.string(),
  capturedAt: z.string(),
  kind: z.enum(OBSERVATION_KINDS),
  source: z.enum(OBSERVATION_SOURCES),
  text: z.string(),
  promptId: z.string().nullable(),
  updatedAt: z.string(),
  sentimentSuggested: z.enum(SENTIMENT_LABELS).nullable(),
  sentimentDrivers: z.array(SentimentDriver),
  sentimentConfirmed: z.enum(SENTIMENT_LABELS).nullable(),
  fftAnswer: z.enum(FFT_ANSWERS).nullable(),
  equalityStatus: z.enum(EQUALITY_STATUSES),
  needsFollowUp: z.boolean(),
  tags: z.array(ItemTag),
});

export const RoundDetail = z.object({
  id: z.string(),
  startsAt: z.string(),
  site: z.string(),
  status: z.enum(ROUND_STATUSES),
  completedAt: z.string().nullable(),
  template: Template.nullable(),
  team: z.array(TeamMember.extend({ id: z.string() })),
  areas: z.array(RoundArea),
  observations: z.array(Observation),
});

const ObservationFields = z.object({
  areaId: id,
  kind: z.enum(OBSERVATION_KINDS, { message: 'Choose what kind of observation this is' }),
  source: z.enum(OBSERVATION_SOURCES, { message: 'Choose who it came from' }),
  text: z
    .string({ message: 'Text is required' })
    .max(OBSERVATION_TEXT_MAX, { message: `The text must be ${OBSERVATION_TEXT_MAX} characters or fewer` }),
  promptId: z.string().min(1).max(200).nullable(),
});

const empty = z.object({}).strict();

export const channels = {
  'app:info': {
    request: empty,
    response: z.object({
      version: z.string(),
      dataFolder: z.string(),
      host: z.enum(['electron', 'browser']),
    }),
  },
  'templates:list': {
    request: empty,
    response: z.array(Template),
  },
  'rounds:list': {
    request: empty,
    response: z.array(RoundSummary),
  },
  'rounds:get': {
    request: z.object({ roundId: id }).strict(),
    response: RoundDetail,
  },
  'rounds:create': {
    request: z
      .object({
        startsAt: isoDateTime,
        site: requiredText('the site', 200),
        templateId: z.string().min(1).max(200).nullable(),
        team: z.array(TeamMember).max(20, { message: 'A round can have at most 20 team members' }),
      })
      .strict(),
    response: RoundDetail,
  },
  'rounds:complete': {
    request: z.object({ roundId: id }).strict(),
    response: RoundDetail,
  },
  'areas:add': {
    request: z.object({ roundId: id, name: requiredText('the area name', 200) }).strict(),
    response: RoundArea,
  },
  'areas:names-for-site': {
    request: z.object({ site: z.string().max(200) }).strict(),
    response: z.array(z.string()),
  },
  'areas:list': {
    request: z
      .object({
        site: z
          .string()
          .trim()
          .max(200, { message: 'The site must be 200 characters or fewer' })
          .nullable()
          .default(null),
      })
      .strict(),
    response: z.array(z.object({ id: z.string(), site: z.string(), name: z.string() })),
  },
  'observations:create': {
    request: ObservationFields.extend({ roundId: id }).strict(),
    response: Observation,
  },
  'observations:update': {
    request: z.object({ id, changes: ObservationFields.partial().strict() }).strict(),
    response: Observation,
  },
  'observations:delete': {
    request: z.object({ id }).strict(),
    response: z.object({ id: z.string() }),
  },
  'frameworks:list': {
    request: empty,
    response: FrameworksCatalogue,
  },
  'tags:create-custom': {
    request: customTagRequest,
    response: CustomTag,
  },
  'observations:set-tags': {
    request: setTagsRequest,
    response: Observation,
  },
  'observations:set-sentiment': {
    request: setSentimentRequest,
    response: Observation,
  },
  'search:observations': {
    request: searchRequest,
    response: SearchResults,
  },
  'insights:get': {
    request: insightsRequest,
    response: Insights,
  },
  'stories:list': {
    request: listStoriesRequest,
    response: z.array(StorySummary),
  },
  'stories:get': {
    request: storyIdRequest,
    response: StoryDetail,
  },
  'stories:create': {
    request: createStoryRequest,
    response: StoryDetail,
  },
  'stories:update': {
    request: updateStoryRequest,
    response: StoryDetail,
  },
  'stories:set-tags': {
    request: setStoryTagsRequest,
    response: StoryDetail,
  },
  'stories:set-sentiment': {
    request: setStorySentimentRequest,
    response: StoryDetail,
  },
  'stories:record-consent': {
    request: recordConsentRequest,
    response: StoryDetail,
  },
  'stories:withdraw-consent': {
    request: withdrawConsentRequest,
    response: WithdrawalResult,
  },
  'stories:record-read-back': {
    request: recordReadBackRequest,
    response: StoryDetail,
  },
  'stories:approve': {
    request: storyIdRequest,
    response: StoryDetail,
  },
  'clearance:check': {
    request: clearanceCheckRequest,
    response: ClearanceReport,
  },
  'clearance:decide': {
    request: clearanceDecideRequest,
    response: ClearanceReport,
  },
  'settings:get-staff-names': {
    request: empty,
    response: StaffNames,
  },
  'settings:set-staff-names': {
    request: setStaffNamesRequest,
    response: StaffNames,
  },
  'observations:set-follow-up': {
    request: z
      .object({ id, needsFollowUp: z.boolean({ message: 'Say whether it needs follow-up' }) })
      .strict(),
    response: Observation,
  },
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
  'actions:set-tags': {
    request: setTagsRequest,
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
  'signing:identity': {
    request: empty,
    response: SigningIdentityInfo,
  },
  'signing:trusted-list': {
    request: empty,
    response: TrustedSignerList,
  },
  'signing:trust': {
    request: trustSignerRequest,
    response: TrustedSignerInfo,
  },
  'signing:untrust': {
    request: keyIdRequest,
    response: TrustedSignerList,
  },
  'review:get': {
    request: signableRequest,
    response: Review,
  },
  'sign-off:sign': {
    request: signOffRequest,
    response: SignOffInfo,
  },
  'sign-off:add-addendum': {
    request: addAddendumRequest,
    response: AddendumInfo,
  },
  'exports:start': {
    request: exportRequest,
    response: ExportJob,
  },
  'exports:status': {
    request: exportJobRequest,
    response: ExportJob,
  },
  'exports:cancel': {
    request: exportJobRequest,
    response: ExportJob,
  },
  'exports:verify': {
    request: verifyRequest,
    response: Verification,
  },
  'settings:get-organisation': {
    request: empty,
    response: Organisation,
  },
  'settings:set-organisation': {
    request: setOrganisationRequest,
    response: Organisation,
  },
  'bundles:collection-key': { request: empty, response: CollectionKeyInfo },
  'bundles:set-up-collection-key': { request: setUpCollectionKeyRequest, response: CollectionKeyInfo },
  'bundles:recipients': { request: empty, response: RecipientKeys },
  'bundles:add-recipient': { request: addRecipientRequest, response: RecipientKey },
  'bundles:remove-recipient': { request: bundleKeyIdRequest, response: RecipientKeys },
  'bundles:preview': { request: previewRequest, response: BundlePreview },
  'bundles:send': { request: bundleRequest, response: SentBundle },
  'bundles:inspect': { request: bundleFileRequest, response: BundleInspection },
  'bundles:import-start': { request: importRequest, response: ImportJob },
  'bundles:import-status': { request: importJobRequest, response: ImportJob },
  'bundles:import-cancel': { request: importJobRequest, response: ImportJob },
  'bundles:import-log': { request: empty, response: ImportLog },
  'audit:verify': {
    request: empty,
    response: z.object({ ok: z.boolean(), entries: z.number().int(), brokenAt: z.number().int().nullable() }),
  },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export const channelNames = Object.keys(channels) as ChannelName[];

export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export type TemplateDto = z.output<typeof Template>;
export type RoundSummaryDto = z.output<typeof RoundSummary>;
export type RoundDetailDto = z.output<typeof RoundDetail>;
export type RoundAreaDto = z.output<typeof RoundArea>;
export type ObservationDto = z.output<typeof Observation>;
export type ActionDetailDto = z.output<typeof ActionDetail>;
export type ActionSummaryDto = z.output<typeof ActionSummary>;
export type StorySummaryDto = z.output<typeof StorySummary>;
export type StoryDetailDto = z.output<typeof StoryDetail>;
export type ClearanceReportDto = z.output<typeof ClearanceReport>;

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}
