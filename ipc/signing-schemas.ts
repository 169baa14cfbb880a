// Signing: the user's own signing key and the signers they trust.
import { z } from 'zod';
import { emptyRequest, isoDateTime, requiredText } from './schema-parts';

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

export const signingChannels = {
  'signing:identity': {
    request: emptyRequest,
    response: SigningIdentityInfo,
  },
  'signing:trusted-list': {
    request: emptyRequest,
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
} as const;
