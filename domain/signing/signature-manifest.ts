import { z } from 'zod';
import { AuditAnchor } from '../../ipc/audit-schemas';

// The signed statement inside every export: what the document is, who signed it with which
// key, when, and a SHA-256 of everything else in the file. The signature covers the manifest's
// exact bytes, and those bytes must be the canonical JSON of the manifest (keys sorted, no
// spaces, UTF-8), so there is only one way to write a given manifest and nothing to reformat.
//
// `parts` lets a verifier say which part changed; `packageBytes` covers every byte of the zip
// before the manifest (headers, compressed data, padding bits), so even a change that unpacks
// to the same content, or a rewrite by another zip tool, is caught.

export const SIGNATURE_FORMAT = 'px-rounds-signature/1';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex');

export const manifestSchema = z
  .object({
    format: z.literal(SIGNATURE_FORMAT),
    /**
     * What kind of export this is, e.g. "round_summary" (EXPORT_KINDS in ipc/vocabulary.ts). Files
     * signed before the kinds took one spelling say "round-summary", so hyphens still verify.
     */
    documentType: z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/),
    title: z.string().min(1).max(500),
    /** The PX Rounds version that built and signed the file. */
    appVersion: z.string().min(1).max(50),
    signer: z.object({ name: z.string().min(1).max(200), role: z.string().max(200) }).strict(),
    /** SHA-256 of the raw public key: the key id, shown to people as a fingerprint. */
    keyId: sha256Hex,
    /** The signer's public key, so the file verifies offline; trust comes from the key id. */
    publicKeyPem: z.string().min(1).max(1000),
    /** When the signer signed, ISO 8601 in UTC. */
    signedAt: z.iso.datetime(),
    /** Every zip entry except the two signature parts, sorted by name. */
    parts: z
      .array(z.object({ name: z.string().min(1), size: z.number().int().min(0), sha256: sha256Hex }).strict())
      .min(1),
    /** The zip's bytes from the start of the file up to the manifest's own entry. */
    packageBytes: z.object({ length: z.number().int().min(1), sha256: sha256Hex }).strict(),
    /**
     * The signer's audit log head when the document was signed: whoever holds the document can
     * later show that the log on the signer's laptop still reaches that entry, with that hash.
     * Absent in files signed before anchors existed.
     */
    auditAnchor: AuditAnchor.optional(),
  })
  .strict();

export type SignatureManifest = z.infer<typeof manifestSchema>;

/** JSON with object keys sorted and no spaces: one way to write a given value. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function canonicalManifestBytes(manifest: SignatureManifest): Buffer {
  return Buffer.from(canonical(manifest), 'utf8');
}

export type ParsedManifest = { manifest: SignatureManifest; canonical: boolean } | { error: string };

export function parseManifest(bytes: Uint8Array): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { error: 'The signature manifest is damaged: it is not readable JSON.' };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    return {
      error: `The signature manifest is not in the expected form (${parsed.error.issues[0]?.message}).`,
    };
  }
  return { manifest: parsed.data, canonical: canonicalManifestBytes(parsed.data).equals(bytes) };
}
