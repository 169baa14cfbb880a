import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { loadOrCreateKeyFile, type KeyWrapper } from '../../db/key-file';

// The browser host and the tests have no operating-system key store, so the signing key is
// wrapped with AES-256-GCM under a key derived (HKDF) from the data folder's own key file, the
// one db/key-file.ts already keeps there for the database. Deriving rather than reusing keeps
// the two purposes apart, and adds no second secret file to lose. This protects no better than
// that key file does, which is why the desktop app uses safeStorage instead.

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const INFO = 'px-rounds signing key wrap v1';

export function createFileKeyWrapper(dataDir: string): KeyWrapper {
  const key = Buffer.from(hkdfSync('sha256', loadOrCreateKeyFile(dataDir), Buffer.alloc(0), INFO, 32));
  return {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decryptString: (encrypted) => {
      if (encrypted.length < 1 + IV_BYTES + TAG_BYTES || encrypted[0] !== VERSION) {
        throw new Error('The wrapped key is not in a format this version understands.');
      }
      const iv = encrypted.subarray(1, 1 + IV_BYTES);
      const tag = encrypted.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(encrypted.subarray(1 + IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}
