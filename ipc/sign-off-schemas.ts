// Sign-off: what will leave the app, whether it may be signed, the signature and later addenda.
import { z } from 'zod';
import { ClearanceReport } from './clearance-schemas';
import { id, isoDateTime, requiredText } from './schema-parts';

/** What can be signed off on its own: a completed round or an approved story. */
export const SIGN_OFF_KINDS = ['round', 'story'] as const;
export type SignOffKind = (typeof SIGN_OFF_KINDS)[number];

export const signOffTargetRequest = z
  .object({
    kind: z.enum(SIGN_OFF_KINDS, { message: 'Choose a round or a story' }),
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
export const SignOffItem = z.object({
  itemKind: z.enum(['observation', 'story']),
  itemId: id,
  /** A short heading for the item, e.g. "Oak Ward · heard · 10:42". */
  heading: z.string(),
  /** The text as saved, which the findings' positions point into (a story's narrative). */
  text: z.string(),
  clearance: ClearanceReport,
});

export const SignOffDetail = z.object({
  kind: z.enum(SIGN_OFF_KINDS),
  id,
  title: z.string(),
  /** Plain-words summary lines, e.g. "3 areas visited", "12 observations". */
  summary: z.array(z.string()),
  items: z.array(SignOffItem),
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
    kind: z.enum(SIGN_OFF_KINDS, { message: 'Choose a round or a story' }),
    id,
    signerName: requiredText('your name', 200),
    signerRole: requiredText('your role', 200),
    attestation: requiredText('the attestation', 2_000),
  })
  .strict();

export const addAddendumRequest = z
  .object({
    kind: z.enum(SIGN_OFF_KINDS, { message: 'Choose a round or a story' }),
    id,
    text: requiredText('the correction', 20_000),
    signerName: requiredText('your name', 200),
    signerRole: requiredText('your role', 200),
  })
  .strict();

export const signOffChannels = {
  'sign-off:get': {
    request: signOffTargetRequest,
    response: SignOffDetail,
  },
  'sign-off:sign': {
    request: signOffRequest,
    response: SignOffInfo,
  },
  'sign-off:add-addendum': {
    request: addAddendumRequest,
    response: AddendumInfo,
  },
} as const;
