// Exports: signed Word documents, the jobs that build them, and verifying a signed file.
import { z } from 'zod';
import { ERROR_KINDS } from './errors';
import {
  calendarDate,
  id,
  isoDateTime,
  jobRequest,
  jobStatus,
  requiredText,
  whoseRounds,
} from './schema-parts';
import { CONSENT_SCOPES } from './vocabulary';

const reportWhose = whoseRounds('Choose whose rounds the report covers');

const signerFields = {
  signerName: requiredText('your name', 200),
  signerRole: requiredText('your role', 200),
  attestation: requiredText('the attestation', 2_000),
};

/** A period of calendar days, first and last included; `periodInOrder` checks it runs forwards. */
const periodFields = {
  from: calendarDate('The start of the period'),
  to: calendarDate('The end of the period'),
};
const periodInOrder = (period: { from: string; to: string }) => period.from <= period.to;
const periodOutOfOrder = { message: 'The end of the period must be on or after its start', path: ['to'] };

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
    z.object({ documentType: z.literal('round_summary'), roundId: id, ...exportCommon }).strict(),
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
        documentType: z.literal('period_report'),
        ...periodFields,
        site: z.string().trim().max(200).nullable().default(null),
        whose: reportWhose,
        ...signerFields,
        ...exportCommon,
      })
      .strict()
      .refine(periodInOrder, periodOutOfOrder),
    z
      .object({
        documentType: z.literal('you_said_we_did'),
        ...periodFields,
        areaId: id.nullable().default(null),
        /** Whose actions: everyone's, this laptop's own, or one contributor's. */
        whose: whoseRounds('Choose whose actions the poster shows'),
        orientation: z
          .enum(POSTER_ORIENTATIONS, { message: 'Choose portrait or landscape' })
          .default('portrait'),
        ...signerFields,
        ...exportCommon,
      })
      .strict()
      .refine(periodInOrder, periodOutOfOrder),
  ],
  { message: 'Choose what to export' },
);

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

export const ExportJob = jobStatus(ExportedFile, AppErrorShapeSchema);

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

/** A period report's scope, asked about before it is made. */
export const periodPreviewRequest = z
  .object({ ...periodFields, site: z.string().trim().min(1).max(200).nullable(), whose: reportWhose })
  .strict()
  .refine(periodInOrder, periodOutOfOrder);

/** What a period report will leave out, in sentences for the export form. */
export const PeriodPreview = z.object({
  /** E.g. "1 approved story is not included: its consent does not cover PEIG." */
  leftOut: z.array(z.string()),
});

export const exportsChannels = {
  'exports:start': {
    request: exportRequest,
    response: ExportJob,
  },
  'exports:status': {
    request: jobRequest,
    response: ExportJob,
  },
  'exports:cancel': {
    request: jobRequest,
    response: ExportJob,
  },
  'exports:verify': {
    request: verifyRequest,
    response: Verification,
  },
  'exports:period-preview': {
    request: periodPreviewRequest,
    response: PeriodPreview,
  },
} as const;
