// The audit log: checking its hash chain, and the signed anchors that pin its head.
import { z } from 'zod';
import { emptyRequest, isoDateTime } from './schema-parts';

export const AUDIT_ANCHOR_FORMAT = 'px-rounds-audit-anchor/1';

/** The moments the audit log's head is signed. `restore` marks a backup put back in place. */
export const AUDIT_ANCHOR_EVENTS = ['sign_off', 'export', 'bundle', 'backup', 'restore'] as const;
export type AuditAnchorEvent = (typeof AUDIT_ANCHOR_EVENTS)[number];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');

/**
 * The audit log's head (its last sequence number and that entry's hash) at a moment, signed with
 * the signer's Ed25519 key. Kept outside the log (the anchors file, each export's manifest, each
 * bundle's header), so a log cut short or rebuilt no longer matches what was signed.
 */
export const AuditAnchor = z.strictObject({
  format: z.literal(AUDIT_ANCHOR_FORMAT),
  /** The last entry's sequence number; 0 for an empty log. */
  seq: z.number().int().min(0),
  /** That entry's hash (64 zeros for an empty log). */
  headHash: sha256Hex,
  at: isoDateTime,
  event: z.enum(AUDIT_ANCHOR_EVENTS),
  /** SHA-256 of the signer's raw public key. */
  keyId: sha256Hex,
  /** Ed25519 over the canonical JSON of every other field, in base64. */
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be an Ed25519 signature in base64'),
});
export type AuditAnchorDto = z.output<typeof AuditAnchor>;

export const AUDIT_FINDING_KINDS = [
  'chain_broken',
  'truncated',
  'rewritten',
  'anchor_invalid',
  'anchors_unreadable',
  'signing_key_missing',
] as const;

const finding = z.object({
  kind: z.enum(AUDIT_FINDING_KINDS),
  /** The entry the finding is about, where there is one. */
  seq: z.number().int().nullable(),
  message: z.string(),
});

/** A signed export (.docx) or a bundle (.pxbundle) whose anchor is checked against this log. */
const documentRequest = z
  .object({
    fileName: z.string().trim().min(1, { message: 'Choose a document or bundle to check' }).max(260),
    contentBase64: z
      .string({ message: 'Choose a document or bundle to check' })
      .min(1, { message: 'The file is empty' })
      .max(70_000_000, { message: 'That file is too large to check here' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The file could not be read' }),
  })
  .strict();

export const AUDIT_DOCUMENT_OUTCOMES = ['matches', 'truncated', 'rewritten', 'not_checkable'] as const;

export const auditChannels = {
  'audit:verify': {
    request: emptyRequest,
    response: z.object({
      /** True when the chain is whole and agrees with every signed anchor. */
      ok: z.boolean(),
      entries: z.number().int(),
      /** The first entry that no longer links to the one before, or null. */
      brokenAt: z.number().int().nullable(),
      /** How many signed anchors were checked, and the latest of them. */
      anchors: z.number().int(),
      latestAnchor: z
        .object({ seq: z.number().int(), at: z.string(), event: z.enum(AUDIT_ANCHOR_EVENTS) })
        .nullable(),
      /** One plain sentence for the whole result. */
      summary: z.string(),
      findings: z.array(finding),
    }),
  },
  /**
   * Compares the anchor a signed document or bundle carries with this laptop's log: the check
   * that holds even against someone who has both the database key and the signing key, since
   * the document has been with other people since it was signed.
   */
  'audit:check-document': {
    request: documentRequest,
    response: z.object({
      fileName: z.string(),
      outcome: z.enum(AUDIT_DOCUMENT_OUTCOMES),
      /** The entry the document's anchor names, when it carries one. */
      seq: z.number().int().nullable(),
      message: z.string(),
    }),
  },
} as const;
