import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { RECOVERY_KEY_FILE, writeKeyFileAtomically } from '../../db/key-file';
import { AppError } from '../../ipc/errors';
import { SECRET_BYTES } from './recovery-code';

// The database key wrapped under the recovery key, kept in the data folder beside the copy the
// operating system's key store wraps. Composition (docs/recovery-key.md):
//   wrapping key = scrypt(recovery secret, salt: 16 random bytes, N 2^15, r 8, p 1, 32 bytes)
//   wrapped key  = AES-256-GCM(wrapping key, nonce: 12 random bytes, the 32-byte database key,
//                  additional data: the format line below), with its 16-byte tag
// Only Node's crypto, and only what Electron's BoringSSL has too (it lacks AES key wrap, and its
// HKDF has not always worked), so the desktop app and the browser host read the same file. The
// secret is 160 random bits, so scrypt's cost is not what protects it; it is there so that a
// recovery key guessed from a weak source would still cost time to try.

export const RECOVERY_FORMAT = 'px-rounds recovery key wrap v1';
const SCRYPT = { N: 32_768, r: 8, p: 1 } as const;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const DATABASE_KEY_BYTES = 32;

const base64 = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9+/]+={0,2}$/)
    .refine((value) => Buffer.from(value, 'base64').length === bytes);

const RecoveryFile = z
  .object({
    format: z.literal(RECOVERY_FORMAT),
    kdf: z.object({
      name: z.literal('scrypt'),
      N: z.literal(SCRYPT.N),
      r: z.literal(SCRYPT.r),
      p: z.literal(SCRYPT.p),
      salt: base64(SALT_BYTES),
    }),
    cipher: z.object({
      name: z.literal('AES-256-GCM'),
      nonce: base64(NONCE_BYTES),
      tag: base64(TAG_BYTES),
    }),
    wrappedKey: base64(DATABASE_KEY_BYTES),
    madeAt: z.string(),
  })
  .strict();
export type RecoveryFileContent = z.infer<typeof RecoveryFile>;

function wrappingKey(secret: Uint8Array, salt: Buffer): Buffer {
  if (secret.length !== SECRET_BYTES) throw new Error(`A recovery secret is ${SECRET_BYTES} bytes.`);
  return scryptSync(secret, salt, 32, { ...SCRYPT, maxmem: 64 * 1024 * 1024 });
}

/** Wraps the database key; salt and nonce are random unless given (known-answer tests). */
export function wrapDatabaseKey(
  databaseKey: Buffer,
  secret: Uint8Array,
  madeAt: Date,
  fixed: { salt: Buffer; nonce: Buffer } = {
    salt: randomBytes(SALT_BYTES),
    nonce: randomBytes(NONCE_BYTES),
  },
): RecoveryFileContent {
  if (databaseKey.length !== DATABASE_KEY_BYTES) throw new Error('The database key is 32 bytes.');
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(secret, fixed.salt), fixed.nonce);
  cipher.setAAD(Buffer.from(RECOVERY_FORMAT, 'utf8'));
  const wrapped = Buffer.concat([cipher.update(databaseKey), cipher.final()]);
  return {
    format: RECOVERY_FORMAT,
    kdf: { name: 'scrypt', ...SCRYPT, salt: fixed.salt.toString('base64') },
    cipher: {
      name: 'AES-256-GCM',
      nonce: fixed.nonce.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
    },
    wrappedKey: wrapped.toString('base64'),
    madeAt: madeAt.toISOString(),
  };
}

export const WRONG_RECOVERY_KEY_MESSAGE =
  'This recovery key does not open the data in this folder. Check that it is the recovery key made for this data (the newest one, if you have made more than one). Nothing has been changed.';

/** The database key, or null when the secret is not the one this content was wrapped with. */
export function unwrapDatabaseKey(content: RecoveryFileContent, secret: Uint8Array): Buffer | null {
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      wrappingKey(secret, Buffer.from(content.kdf.salt, 'base64')),
      Buffer.from(content.cipher.nonce, 'base64'),
    );
    decipher.setAAD(Buffer.from(RECOVERY_FORMAT, 'utf8'));
    decipher.setAuthTag(Buffer.from(content.cipher.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(content.wrappedKey, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export const recoveryFilePath = (dataDir: string) => join(dataDir, RECOVERY_KEY_FILE);

/** The data folder's recovery file, null when there is none; refuses a damaged one. */
export function readRecoveryFile(dataDir: string): RecoveryFileContent | null {
  const file = recoveryFilePath(dataDir);
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    parsed = null;
  }
  const result = RecoveryFile.safeParse(parsed);
  if (!result.success) {
    throw new AppError(
      'corrupt',
      `The recovery file in the data folder (${RECOVERY_KEY_FILE}) is damaged, so a recovery key cannot be used with it. Nothing has been changed.`,
    );
  }
  return result.data;
}

export function writeRecoveryFile(dataDir: string, content: RecoveryFileContent): void {
  writeKeyFileAtomically(recoveryFilePath(dataDir), `${JSON.stringify(content, null, 2)}\n`);
}
