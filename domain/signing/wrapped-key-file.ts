import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyWrapper } from '../../db/key-file';
import { AppError } from '../../ipc/errors';
import { writeFileAtomically } from './atomic-file';

// The private keys PX Rounds keeps on a laptop (the signer's Ed25519 key, the PEIG lead's X25519
// collection key) live in the data folder as one file each, only ever written wrapped by a
// KeyWrapper (Electron safeStorage in the app), so a copied data folder opens nothing. This is
// the one place that reads and writes such a file, so both keys refuse in the same way.

/** A key pair kept on this laptop, with its id and the public half as an SPKI PEM. */
export type KeyPairIdentity = {
  /** SHA-256 of the raw public key, 64 lower-case hex digits. */
  keyId: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  /** The public key as an SPKI PEM ("-----BEGIN PUBLIC KEY-----"). */
  publicKeyPem: string;
};

/** Which key a file holds, in the words its messages use. */
export type WrappedKeyName = {
  /** The file's name in the data folder. */
  fileName: string;
  /** The key as a sentence begins with it: "Your signing key". */
  subject: string;
  /** The key as "cannot keep … safe" ends: "your signing key". */
  object: string;
  /** The page where a key this computer cannot unlock is replaced: "Signing key". */
  page: string;
};

export type WrappedKeyFile = {
  /** Refuses when the computer's key store is not available, since nothing could be kept safe. */
  requireKeyStore(): void;
  exists(): boolean;
  /** The unwrapped text; a file this key store cannot unwrap is refused as 'corrupt'. */
  read(): string;
  /** Wraps and writes `text`, readable only by this user account; never replaces a file. */
  write(text: string): void;
  /** The error for a file that unwrapped but holds no usable key. */
  damaged(): AppError;
};

/** The wrapped key file `name` in `dataDir`. */
export function wrappedKeyFile(dataDir: string, wrapper: KeyWrapper, name: WrappedKeyName): WrappedKeyFile {
  const file = join(dataDir, name.fileName);
  const requireKeyStore = () => {
    if (!wrapper.isEncryptionAvailable()) {
      throw new AppError(
        'storage',
        `This computer’s secure key store is not available, so PX Rounds cannot keep ${name.object} safe. Sign in to your desktop session and try again.`,
      );
    }
  };
  return {
    requireKeyStore,
    exists: () => existsSync(file),
    read: () => {
      try {
        return wrapper.decryptString(readFileSync(file));
      } catch {
        throw new AppError(
          'corrupt',
          `${name.subject} could not be unlocked with this computer’s key store: it was made on another computer or user account. Go to ${name.page} to make a new one.`,
        );
      }
    },
    write: (text) => {
      requireKeyStore();
      mkdirSync(dataDir, { recursive: true });
      writeFileAtomically(file, wrapper.encryptString(text), { mode: 0o600 });
    },
    damaged: () => new AppError('corrupt', `${name.subject} (${name.fileName}) is damaged.`),
  };
}
