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

/** A key this person signed with before, kept on record so their earlier exports stay theirs. */
export const EarlierSigningKey = z.object({
  keyId: z.string(),
  fingerprint: z.string(),
  publicKeyPem: z.string(),
  replacedAt: isoDateTime,
  /** The name the old wrapped file was kept under in the data folder. */
  keptAs: z.string(),
});

/**
 * none: no key yet (one is made on first use); ready: it opens here; locked: a key file is
 * there but this computer's key store cannot open it (made on another computer or account).
 */
export const SigningKeyState = z.object({
  state: z.enum(['none', 'ready', 'locked']),
  earlierKeys: z.array(EarlierSigningKey),
});

/** Making a new key when the old one cannot be opened: only with the person's confirmation. */
export const replaceLockedKeyRequest = z
  .object({ confirm: z.literal(true, { message: 'Confirm that you want to make a new key' }) })
  .strict();

export const ReplacedSigningKey = z.object({
  identity: SigningIdentityInfo,
  earlier: EarlierSigningKey,
});

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
  'signing:key-state': {
    request: emptyRequest,
    response: SigningKeyState,
  },
  'signing:replace-locked-key': {
    request: replaceLockedKeyRequest,
    response: ReplacedSigningKey,
  },
} as const;
