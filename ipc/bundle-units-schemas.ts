// What travels in a bundle, as zod schemas: the plaintext header, and the signed units inside the
// encrypted body. The same schemas check a bundle on import and (later) a row pulled from a trust
// hub, and they speak the app's own closed lists (ipc/vocabulary.ts) and field parts, so a record
// the app could not have written is refused at the door. See docs/bundle-format.md.
import { z } from 'zod';
import { AuditAnchor } from './audit-schemas';
import { id, isoDateTime } from './schema-parts';
import {
  ACTION_STATUSES,
  CLEARANCE_DECISIONS,
  CLEARABLE_KINDS,
  CONSENT_IDENTITIES,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  EQUALITY_IMPACTS,
  EQUALITY_STATUSES,
  FEEDBACK_CHANNELS,
  FFT_ANSWERS,
  OBSERVATION_KINDS,
  OBSERVATION_SOURCES,
  READ_BACK_METHODS,
  REVISIT_OUTCOMES,
  SENTIMENT_LABELS,
  STORYTELLER_TYPES,
  TEAM_ROLES,
} from './vocabulary';

/** The kinds of unit that are records, each kept as a row of bundle_units where it is merged. */
export const RECORD_UNIT_KINDS = [
  'round',
  'story',
  'addendum',
  'action_event',
  'consent_withdrawal',
] as const;
export type RecordUnitKind = (typeof RECORD_UNIT_KINDS)[number];
/** Every kind of unit: the records, and the labels of the contributor's own tags they use. */
export const BUNDLE_UNIT_KINDS = [...RECORD_UNIT_KINDS, 'tag_label'] as const;
export type BundleUnitKind = (typeof BUNDLE_UNIT_KINDS)[number];

/**
 * The bundle format this version writes and the newest it reads. Format 2 added `tag_label` units
 * (the labels of a contributor's own tags); a format 1 bundle is still read, and holds none. Format 3
 * lets a decision be "plain_words" (jargon replaced by its plain words at review, migration 0016), so
 * an older version says to update rather than finding a decision it does not know; formats 1 and 2
 * are still read, and hold none.
 */
export const BUNDLE_FORMAT_VERSION = 3;
/** Every format this version reads. */
export const BUNDLE_FORMATS_READ = [1, 2, 3] as const;
export const UNIT_FORMAT = 'px-rounds-unit/1';

const keyId = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a key id' });
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const day = z.iso.date();
const text = (max: number) => z.string().max(max);
const sentiment = z.enum(SENTIMENT_LABELS).nullable();

export const BundleCounts = z.strictObject({
  rounds: z.number().int().min(0),
  observations: z.number().int().min(0),
  stories: z.number().int().min(0),
  addenda: z.number().int().min(0),
  actionEvents: z.number().int().min(0),
  withdrawals: z.number().int().min(0),
});
export type BundleCountsDto = z.output<typeof BundleCounts>;

/** How many units of each record kind an import or a pull added, or skipped as already there. */
export const RecordKindCounts = z.object({
  round: z.number().int(),
  story: z.number().int(),
  addendum: z.number().int(),
  action_event: z.number().int(),
  consent_withdrawal: z.number().int(),
});

export const BundleHeader = z.strictObject({
  format: z.union(BUNDLE_FORMATS_READ.map((v) => z.literal(v))),
  appVersion: text(40),
  bundleId: id,
  createdAt: isoDateTime,
  contributor: z.strictObject({
    keyId,
    name: text(200),
    role: text(200),
    publicKeyPem: text(1000),
  }),
  recipientKeyId: keyId,
  period: z.strictObject({ from: isoDateTime.nullable(), to: isoDateTime }),
  counts: BundleCounts,
  encryption: z.strictObject({
    cipher: z.literal('aes-256-gcm'),
    kdf: z.literal('hkdf-sha256'),
    ephemeralPublicKey: base64,
    nonce: base64,
  }),
  bodyBytes: z.number().int().min(16),
  /** The contributor's audit log head when the bundle was made, signed with their key. */
  auditAnchor: AuditAnchor.optional(),
});
export type BundleHeaderDto = z.output<typeof BundleHeader>;

const signOff = z.strictObject({
  signerName: text(200),
  signerRole: text(200),
  attestation: text(2000),
  signedAt: isoDateTime,
  keyId,
  publicKeyPem: text(1000),
  contentSha256: sha256Hex,
  signature: base64,
});

const tag = z.strictObject({
  itemId: id,
  frameworkId: text(100),
  tagId: text(200),
  impact: z.enum(EQUALITY_IMPACTS).nullable(),
  description: text(2000).nullable(),
  createdAt: isoDateTime,
});

const decision = z.strictObject({
  itemKind: z.enum(CLEARABLE_KINDS),
  itemId: id,
  field: text(100),
  findingKey: text(500),
  decision: z.enum(CLEARANCE_DECISIONS),
  reason: text(2000).nullable(),
  decidedBy: text(200),
  decidedAt: isoDateTime,
});

const area = z.strictObject({ id, site: text(200), name: text(200), createdAt: isoDateTime });

export const RoundContent = z.strictObject({
  round: z.strictObject({
    id,
    startsAt: isoDateTime,
    site: text(200),
    templateId: text(100).nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    completedAt: isoDateTime.nullable(),
  }),
  template: z
    .strictObject({
      id: text(100),
      name: text(200),
      description: text(2000),
      source: z.enum(['builtin', 'user']),
      version: z.number().int(),
      createdAt: isoDateTime,
      prompts: z.array(
        z.strictObject({ id: text(100), section: text(200), text: text(2000), position: z.number().int() }),
      ),
    })
    .nullable(),
  team: z.array(
    z.strictObject({ id, name: text(200), role: z.enum(TEAM_ROLES), position: z.number().int() }),
  ),
  areas: z.array(z.strictObject({ id, area, visitedAt: isoDateTime, position: z.number().int() })),
  observations: z.array(
    z.strictObject({
      id,
      areaId: id,
      capturedAt: isoDateTime,
      kind: z.enum(OBSERVATION_KINDS),
      source: z.enum(OBSERVATION_SOURCES),
      text: text(20_000),
      promptId: text(100).nullable(),
      createdAt: isoDateTime,
      updatedAt: isoDateTime,
      sentimentSuggested: sentiment,
      sentimentDrivers: text(20_000),
      sentimentConfirmed: sentiment,
      fftAnswer: z.enum(FFT_ANSWERS).nullable(),
      equalityStatus: z.enum(EQUALITY_STATUSES),
      needsFollowUp: z.boolean(),
    }),
  ),
  tags: z.array(tag),
  decisions: z.array(decision),
  signOff,
});

export const StoryContent = z.strictObject({
  story: z.strictObject({
    id,
    title: text(500),
    storyteller: z.enum(STORYTELLER_TYPES),
    author: text(200),
    narrative: text(100_000),
    quotes: text(100_000),
    learningPoints: text(100_000),
    roundId: id.nullable(),
    textHash: sha256Hex,
    readBackHash: sha256Hex,
    approvedAt: isoDateTime,
    sentimentSuggested: sentiment,
    sentimentDrivers: text(20_000),
    sentimentConfirmed: sentiment,
    equalityStatus: z.enum(EQUALITY_STATUSES),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  }),
  consent: z.strictObject({
    givenOn: day,
    method: z.enum(CONSENT_METHODS),
    recordedBy: text(200),
    scopes: z.array(z.enum(CONSENT_SCOPES)).min(1),
    identity: z.enum(CONSENT_IDENTITIES),
    reviewOn: day,
    recordedAt: isoDateTime,
  }),
  readBacks: z.array(
    z.strictObject({
      id,
      checkedOn: day,
      method: z.enum(READ_BACK_METHODS),
      changesRequested: text(20_000),
      textHash: sha256Hex,
      recordedAt: isoDateTime,
    }),
  ),
  tags: z.array(tag),
  decisions: z.array(decision),
  signOff,
});

export const AddendumContent = z.strictObject({
  kind: z.enum(['round', 'story']),
  itemId: id,
  text: text(20_000),
  signerName: text(200),
  signerRole: text(200),
  signedAt: isoDateTime,
  keyId,
  publicKeyPem: text(1000),
  signature: base64,
});

const actionDetails = {
  said: text(20_000),
  willDo: text(20_000),
  ownerName: text(200),
  ownerRole: text(200),
  site: text(200).nullable(),
  area: area.nullable(),
  dueDate: day.nullable(),
  evidence: text(20_000),
};

export const ActionEventContent = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('raised'),
    actionId: id,
    at: isoDateTime,
    ...actionDetails,
    saidAt: isoDateTime,
    sources: z.array(
      z.strictObject({ itemKind: z.enum(['observation', 'story']), itemId: id, at: isoDateTime }),
    ),
  }),
  z.strictObject({ type: z.literal('updated'), actionId: id, at: isoDateTime, ...actionDetails }),
  z.strictObject({
    type: z.literal('status'),
    actionId: id,
    at: isoDateTime,
    actor: text(200),
    fromStatus: z.enum(ACTION_STATUSES).nullable(),
    toStatus: z.enum(ACTION_STATUSES),
    reason: text(20_000),
    feedback: z
      .strictObject({ channel: z.enum(FEEDBACK_CHANNELS), note: text(20_000), at: isoDateTime })
      .nullable(),
  }),
  z.strictObject({
    type: z.literal('revisit'),
    actionId: id,
    at: isoDateTime,
    itemKind: z.enum(['observation', 'story']),
    itemId: id,
    outcome: z.enum(REVISIT_OUTCOMES),
  }),
]);
export type ActionEventContentDto = z.output<typeof ActionEventContent>;

export const ConsentWithdrawalContent = z.strictObject({ storyId: id, withdrawnOn: day });

/** The label of one of the contributor's own tags, which the rounds and stories beside it use. */
export const TagLabelContent = z.strictObject({
  frameworkId: z.literal('custom'),
  tagId: id,
  label: text(60),
  createdAt: isoDateTime,
});

const unitBase = { format: z.literal(UNIT_FORMAT), id, contributorKeyId: keyId, signature: base64 };

/** One signed unit: the hub will store one row per unit, and each can be verified on its own. */
export const SignedUnit = z.discriminatedUnion('kind', [
  z.strictObject({ ...unitBase, kind: z.literal('round'), content: RoundContent }),
  z.strictObject({ ...unitBase, kind: z.literal('story'), content: StoryContent }),
  z.strictObject({ ...unitBase, kind: z.literal('addendum'), content: AddendumContent }),
  z.strictObject({ ...unitBase, kind: z.literal('action_event'), content: ActionEventContent }),
  z.strictObject({ ...unitBase, kind: z.literal('consent_withdrawal'), content: ConsentWithdrawalContent }),
  z.strictObject({ ...unitBase, kind: z.literal('tag_label'), content: TagLabelContent }),
]);
export type SignedUnitDto = z.output<typeof SignedUnit>;
export type RoundContentDto = z.output<typeof RoundContent>;
export type StoryContentDto = z.output<typeof StoryContent>;
export type AddendumContentDto = z.output<typeof AddendumContent>;
export type ConsentWithdrawalContentDto = z.output<typeof ConsentWithdrawalContent>;
export type TagLabelContentDto = z.output<typeof TagLabelContent>;

export const BundleBody = z.strictObject({ units: z.array(z.unknown()) });
