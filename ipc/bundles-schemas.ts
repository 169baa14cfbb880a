// The bundles feature's channels: the collection key, the keys bundles go to, sending, inspecting
// and importing bundles, and the import log. What a bundle holds is in bundle-units-schemas.ts.
import { z } from 'zod';
import { BundleCounts, BundleHeader, RecordKindCounts } from './bundle-units-schemas';
import { ERROR_KINDS } from './errors';
import { emptyRequest, id, isoDateTime, jobRequest, jobStatus } from './schema-parts';

const keyId = z.string().regex(/^[0-9a-f]{64}$/, { message: 'must be a key id' });

const fileBytes = (what: string) =>
  z
    .string({ message: `Choose ${what}` })
    .min(1, { message: 'The file is empty' })
    .max(70_000_000, { message: 'That file is too large for PX Rounds to import here' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The file could not be read' });
const fileName = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `Choose ${what}` })
    .max(260);
const fingerprint = z.string();

export const CollectionKeyInfo = z.discriminatedUnion('exists', [
  z.object({ exists: z.literal(false) }),
  z.object({ exists: z.literal(true), keyId, fingerprint, name: z.string(), publicKeyFile: z.string() }),
]);
/** A collection key this laptop had before one its key store could not unlock was replaced. */
export const EarlierCollectionKey = z.object({
  keyId: z.string(),
  fingerprint,
  name: z.string(),
  replacedAt: isoDateTime,
  /** The name the old wrapped file was kept under in the data folder. */
  keptAs: z.string(),
});
/** none: this laptop does not collect; ready: the key opens here; locked: it does not. */
export const CollectionKeyState = z.object({
  state: z.enum(['none', 'ready', 'locked']),
  earlierKeys: z.array(EarlierCollectionKey),
});
export const replaceLockedCollectionKeyRequest = z
  .object({ confirm: z.literal(true, { message: 'Confirm that you want to make a new key' }) })
  .strict();
export const ReplacedCollectionKey = z.object({ key: CollectionKeyInfo, earlier: EarlierCollectionKey });
export const setUpCollectionKeyRequest = z
  .object({
    name: z
      .string({ message: 'Enter whose collection this is' })
      .trim()
      .min(1, { message: 'Enter whose collection this is, for example “PEIG, Example NHS Foundation Trust”' })
      .max(200, { message: 'The name must be 200 characters or fewer' }),
  })
  .strict();

export const RecipientKey = z.object({ keyId, name: z.string(), fingerprint, addedAt: isoDateTime });
export const RecipientKeys = z.object({ keys: z.array(RecipientKey) });
export const addRecipientRequest = z
  .object({
    fileName: fileName('the collection key file'),
    content: z
      .string()
      .min(1, { message: 'The file is empty' })
      .max(10_000, { message: 'That file is too large to be a collection key' }),
  })
  .strict();
export const bundleKeyIdRequest = z.object({ keyId }).strict();

const period = z
  .object({ from: isoDateTime, to: isoDateTime })
  .strict()
  .refine((p) => p.from < p.to, { message: 'The end of the period must be after its start', path: ['to'] });
export const bundleRequest = z
  .object({
    recipientKeyId: keyId,
    period: period.nullable(),
    contributorName: z.string().trim().min(1, { message: 'Enter your name' }).max(200),
    contributorRole: z.string().trim().max(200).default(''),
  })
  .strict();
export const previewRequest = z.object({ recipientKeyId: keyId, period: period.nullable() }).strict();
const LeftOutItem = z.object({
  kind: z.enum(['round', 'story']),
  id: z.string(),
  title: z.string(),
  reason: z.string(),
});
export const BundlePreview = z.object({
  since: isoDateTime.nullable(),
  counts: BundleCounts,
  leftOut: z.array(LeftOutItem),
});
export const SentBundle = z.object({
  bundleId: id,
  fileName: z.string(),
  /** Where the app saved it (the exports folder). */
  path: z.string(),
  contentBase64: z.string(),
  counts: BundleCounts,
  leftOut: z.array(LeftOutItem),
});

export const bundleFileRequest = z
  .object({ fileName: fileName('a bundle file'), contentBase64: fileBytes('a bundle file') })
  .strict();
export const importRequest = z
  .object({
    fileName: fileName('a bundle file'),
    contentBase64: fileBytes('a bundle file'),
    confirmSigner: z.boolean().default(false),
  })
  .strict();
export const BundleInspection = z.object({
  fileName: z.string(),
  header: BundleHeader,
  contributorFingerprint: fingerprint,
  recipientFingerprint: fingerprint,
  signerTrusted: z.boolean(),
  forThisLaptop: z.boolean(),
});

export const ImportResult = z.object({
  fileName: z.string(),
  bundleId: id,
  contributorName: z.string(),
  contributorFingerprint: fingerprint,
  alreadyImportedAt: isoDateTime.nullable(),
  added: RecordKindCounts,
  skipped: RecordKindCounts,
  withdrawn: z.array(
    z.object({
      storyId: z.string(),
      title: z.string(),
      exports: z.array(z.object({ exportedAt: z.string(), kind: z.string(), fileName: z.string() })),
    }),
  ),
});
export const ImportJob = jobStatus(
  ImportResult,
  z.object({
    kind: z.enum(ERROR_KINDS),
    message: z.string(),
    field: z.string().optional(),
    reason: z.string().optional(),
  }),
);

export const ImportLog = z.object({
  entries: z.array(
    z.object({
      bundleId: z.string(),
      contributorKeyId: z.string(),
      contributorName: z.string(),
      fingerprint,
      createdAt: z.string(),
      appVersion: z.string(),
      fileName: z.string(),
      importedAt: z.string(),
      added: z.record(z.string(), z.number()),
      skipped: z.record(z.string(), z.number()),
    }),
  ),
});

export const bundlesChannels = {
  'bundles:collection-key': { request: emptyRequest, response: CollectionKeyInfo },
  'bundles:set-up-collection-key': { request: setUpCollectionKeyRequest, response: CollectionKeyInfo },
  'bundles:collection-key-state': { request: emptyRequest, response: CollectionKeyState },
  'bundles:replace-locked-collection-key': {
    request: replaceLockedCollectionKeyRequest,
    response: ReplacedCollectionKey,
  },
  'bundles:recipients': { request: emptyRequest, response: RecipientKeys },
  'bundles:add-recipient': { request: addRecipientRequest, response: RecipientKey },
  'bundles:remove-recipient': { request: bundleKeyIdRequest, response: RecipientKeys },
  'bundles:preview': { request: previewRequest, response: BundlePreview },
  'bundles:send': { request: bundleRequest, response: SentBundle },
  'bundles:inspect': { request: bundleFileRequest, response: BundleInspection },
  'bundles:import-start': { request: importRequest, response: ImportJob },
  'bundles:import-status': { request: jobRequest, response: ImportJob },
  'bundles:import-cancel': { request: jobRequest, response: ImportJob },
  'bundles:import-log': { request: emptyRequest, response: ImportLog },
} as const;
