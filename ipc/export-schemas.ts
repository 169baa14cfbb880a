// Schemas for signing keys, trusted signers, review and sign-off, signed Word exports and their
// verification; used by the channels in contract.ts.
import { z } from 'zod';
import { ERROR_KINDS } from './errors';
import { calendarDate, id, isoDateTime, requiredText } from './schema-parts';
import { ClearanceReport } from './story-schemas';
import { CONSENT_SCOPES } from './vocabulary';

// ---------------------------------------------------------------------------------------------
// Keys and trusted signers

/** The user's own signing key: made on first use, the private half never leaves its wrapper. */
export const SigningIdentityInfo = z.object({
  /** SHA-256 of the raw public key, 64 lower-case hex digits. */
  keyId: z.string(),
  /** The key id grouped for reading aloud and comparing by eye. */
  fingerprint: z.string(),
  /** SPKI PEM: what colleagues import to trust this user's signatures. */
  publicKeyPem: z.string(),
});

export const TrustedSignerInfo = z.object({
  keyId: z.string(),
  fingerprint: z.string(),
  name: z.string(),
  role: z.string(),
  publicKeyPem: z.string(),
  addedAt: isoDateTime,
});

export const TrustedSignerList = z.object({ signers: z.array(TrustedSignerInfo) });

export const trustSignerRequest = z
  .object({
    name: requiredText('the signer’s name', 200),
    role: z
      .string({ message: 'The role must be text' })
      .trim()
      .max(200, { message: 'The role must be 200 characters or fewer' }),
    publicKeyPem: z
      .string({ message: 'Choose the signer’s public key file (.pem)' })
      .min(1, { message: 'Choose the signer’s public key file (.pem)' })
      .max(10_000, { message: 'That file is too large to be a public key' }),
  })
  .strict();

export const keyIdRequest = z
  .object({ keyId: z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a key id from PX Rounds' }) })
  .strict();

// ---------------------------------------------------------------------------------------------
// Review and sign-off

/** What can be signed off on its own: a completed round or an approved story. */
export const SIGNABLE_KINDS = ['round', 'story'] as const;
export type SignableKind = (typeof SIGNABLE_KINDS)[number];

export const signableRequest = z
  .object({
    kind: z.enum(SIGNABLE_KINDS, { message: 'Choose a round or a story' }),
    id,
  })
  .strict();

export const SignOffInfo = z.object({
  signerName: z.string(),
  signerRole: z.string(),
  attestation: z.string(),
  signedAt: isoDateTime,
  keyId: z.string(),
  fingerprint: z.string(),
  /** True when the stored signature still matches the record and the key: checked on read. */
  signatureValid: z.boolean(),
});

export const AddendumInfo = z.object({
  id,
  text: z.string(),
  signerName: z.string(),
  signerRole: z.string(),
  signedAt: isoDateTime,
  keyId: z.string(),
  fingerprint: z.string(),
  signatureValid: z.boolean(),
});

/** One text that will leave the app in the export, with its personal-data clearance. */
export const ReviewItem = z.object({
  itemKind: z.enum(['observation', 'story']),
  itemId: id,
  /** A short heading for the item, e.g. "Oak Ward · heard · 10:42". */
  heading: z.string(),
  /** The text as saved, which the findings' positions point into (a story's narrative). */
  text: z.string(),
  clearance: ClearanceReport,
});

export const Review = z.object({
  kind: z.enum(SIGNABLE_KINDS),
  id,
  title: z.string(),
  /** Plain-words summary lines, e.g. "3 areas visited", "12 observations". */
  summary: z.array(z.string()),
  items: z.array(ReviewItem),
  /** True when every finding is decided and the record is in a state that may be signed. */
  readyToSign: z.boolean(),
  /** Why it is not ready, in plain words (empty when ready). */
  blockers: z.array(z.string()),
  /** The attestation sentence offered by default for this kind of record. */
  defaultAttestation: z.string(),
  signOff: SignOffInfo.nullable(),
  addenda: z.array(AddendumInfo),
});

export const signOffRequest = z
  .object({
    kind: z.enum(SIGNABLE_KINDS, { message: 'Choose a round or a story' }),
    id,
    signerName: requiredText('your name', 200),
    signerRole: requiredText('your role', 200),
    attestation: requiredText('the attestation', 2_000),
  })
  .strict();

export const addAddendumRequest = z
  .object({
    kind: z.enum(SIGNABLE_KINDS, { message: 'Choose a round or a story' }),
    id,
    text: requiredText('the correction', 20_000),
    signerName: requiredText('your name', 200),
    signerRole: requiredText('your role', 200),
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Exports

const signerFields = {
  signerName: requiredText('your name', 200),
  signerRole: requiredText('your role', 200),
  attestation: requiredText('the attestation', 2_000),
};

const exportCommon = {
  /** The file name to save under (no folder); a sensible name is chosen when omitted. */
  fileName: z
    .string({ message: 'The file name must be text' })
    .trim()
    .regex(/^[^/\\:*?"<>|\p{Cc}]{1,150}\.docx$/u, {
      message: 'Enter a file name ending in .docx, without / \\ : * ? " < > |',
    })
    .nullable()
    .default(null),
  /** Replace a file of the same name: only after the person has said so. */
  overwrite: z.boolean({ message: 'must be yes or no' }).default(false),
  /** The person has seen the personal-data check and confirms what will leave the app. */
  personalDataConfirmed: z.literal(true, { message: 'Confirm the personal-data check before exporting' }),
};

export const POSTER_ORIENTATIONS = ['portrait', 'landscape'] as const;

export const exportRequest = z.discriminatedUnion(
  'documentType',
  [
    z.object({ documentType: z.literal('round-summary'), roundId: id, ...exportCommon }).strict(),
    z
      .object({
        documentType: z.literal('story'),
        storyId: id,
        /** Who the export is for; the storyteller's consent must cover it. */
        audience: z.enum(CONSENT_SCOPES, { message: 'Choose who the story is for' }),
        ...exportCommon,
      })
      .strict(),
    z
      .object({
        documentType: z.literal('period-report'),
        from: calendarDate('The start of the period'),
        to: calendarDate('The end of the period'),
        site: z.string().trim().max(200).nullable().default(null),
        ...signerFields,
        ...exportCommon,
      })
      .strict()
      .refine((r) => r.from <= r.to, {
        message: 'The end of the period must be on or after its start',
        path: ['to'],
      }),
    z
      .object({
        documentType: z.literal('you-said-we-did-poster'),
        from: calendarDate('The start of the period'),
        to: calendarDate('The end of the period'),
        areaId: id.nullable().default(null),
        orientation: z
          .enum(POSTER_ORIENTATIONS, { message: 'Choose portrait or landscape' })
          .default('portrait'),
        ...signerFields,
        ...exportCommon,
      })
      .strict()
      .refine((r) => r.from <= r.to, {
        message: 'The end of the period must be on or after its start',
        path: ['to'],
      }),
  ],
  { message: 'Choose what to export' },
);

export const EXPORT_JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;

export const ExportedFile = z.object({
  fileName: z.string(),
  /** Where it was written, for the person to find it. */
  path: z.string(),
  /** The detached signature beside it, for openssl users. */
  sidecarPath: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  fingerprint: z.string(),
});

const AppErrorShapeSchema = z.object({
  kind: z.enum(ERROR_KINDS),
  message: z.string(),
  field: z.string().optional(),
});

export const ExportJob = z.object({
  jobId: id,
  state: z.enum(EXPORT_JOB_STATES),
  /** 0 to 1. */
  progress: z.number().min(0).max(1),
  /** What it is doing now, in plain words ("Building the document"). */
  stage: z.string(),
  result: ExportedFile.nullable(),
  error: AppErrorShapeSchema.nullable(),
});

export const exportJobRequest = z.object({ jobId: id }).strict();

export const verifyRequest = z
  .object({
    fileName: z.string().trim().min(1, { message: 'Choose a file to verify' }).max(260),
    /** The file's bytes, base64. Exports are a few MB at most. */
    contentBase64: z
      .string({ message: 'Choose a file to verify' })
      .min(1, { message: 'The file is empty' })
      .max(70_000_000, { message: 'That file is too large to be a PX Rounds export' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The file could not be read' }),
  })
  .strict();

export const Verification = z.object({
  fileName: z.string(),
  valid: z.boolean(),
  trusted: z.boolean(),
  signer: z.object({ name: z.string(), role: z.string() }).nullable(),
  /** The name the reader gave this key when trusting it, which wins over the manifest's. */
  trustedAs: z.object({ name: z.string(), role: z.string() }).nullable(),
  keyId: z.string().nullable(),
  fingerprint: z.string().nullable(),
  signedAt: isoDateTime.nullable(),
  documentType: z.string().nullable(),
  title: z.string().nullable(),
  appVersion: z.string().nullable(),
  problems: z.array(z.string()),
});

// ---------------------------------------------------------------------------------------------
// The organisation's name, printed above the title of every export

export const Organisation = z.object({
  name: z.string(),
  /** True until someone has set the name: exports then carry a general one. */
  isDefault: z.boolean(),
});

export const setOrganisationRequest = z
  .object({ name: requiredText('your organisation’s name', 120) })
  .strict();
