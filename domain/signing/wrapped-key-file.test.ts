import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileKeyWrapper } from './file-key-wrapper';
import { loadOrCreateSigningIdentity, SIGNING_KEY_FILE } from './signing-keys';
import { wrappedKeyFile } from './wrapped-key-file';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'px-rounds-wrapped-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const name = (fileName: string, subject: string) => ({
  fileName,
  subject,
  object: 'the key',
  page: 'Signing key',
});

describe('wrapped key files', () => {
  it('writes only wrapped text, readable by this account alone, and never replaces a file', () => {
    const dir = dataDir();
    const file = wrappedKeyFile(dir, createFileKeyWrapper(dir), name('k.wrapped', 'The key'));
    expect(file.exists()).toBe(false);
    file.write('secret text');
    expect(file.read()).toBe('secret text');
    expect(readFileSync(join(dir, 'k.wrapped')).toString('latin1')).not.toContain('secret');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'k.wrapped')).mode & 0o077).toBe(0);
    expect(() => file.write('other text')).toThrow(/already exists/);
    expect(file.read()).toBe('secret text');
  });

  it('says which key is damaged when a file unwraps but holds no key', () => {
    const dir = dataDir();
    const wrapper = createFileKeyWrapper(dir);
    wrappedKeyFile(dir, wrapper, name(SIGNING_KEY_FILE, 'x')).write('not a key');
    expect(() => loadOrCreateSigningIdentity(dir, wrapper)).toThrow(
      `Your signing key (${SIGNING_KEY_FILE}) is damaged.`,
    );
  });
});
