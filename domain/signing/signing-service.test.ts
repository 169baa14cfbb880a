import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../test/helpers/story-fixtures';
import { contextForEachTest, createTestContext, type TestContext } from '../../test/helpers/test-context';
import { createFileKeyWrapper } from './file-key-wrapper';
import {
  createSigningIdentity,
  formatFingerprint,
  loadOrCreateSigningIdentity,
  SIGNING_KEY_FILE,
} from './signing-keys';

let ctx: TestContext;
contextForEachTest((fresh) => (ctx = fresh));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the user’s signing key', () => {
  it('is made on first use, recorded once in the audit log, and the same after a restart', async () => {
    expect(filesUnder(ctx.dataDir).some((f) => f.endsWith(SIGNING_KEY_FILE))).toBe(false);
    const first = await ctx.call('signing:identity', {});
    expect(first.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(first.fingerprint).toBe(formatFingerprint(first.keyId));
    expect(first.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(await ctx.call('signing:identity', {})).toEqual(first);
    ctx = ctx.reopen();
    expect(await ctx.call('signing:identity', {})).toEqual(first);
    expect(auditEntries(ctx, first.keyId)).toMatchObject([{ action: 'create', entity: 'signing_key' }]);
  });

  it('never writes the private key unwrapped: no file in the data folder holds it in any encoding', async () => {
    const { keyId } = await ctx.call('signing:identity', {});
    const { identity } = loadOrCreateSigningIdentity(ctx.dataDir, createFileKeyWrapper(ctx.dataDir));
    expect(identity.keyId).toBe(keyId);
    const pkcs8 = identity.privateKey.export({ type: 'pkcs8', format: 'der' });
    const pem = String(identity.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const seed = Buffer.from(identity.privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
    expect(seed).toHaveLength(32);
    const secrets = [
      pkcs8,
      seed,
      Buffer.from(pem),
      Buffer.from(seed.toString('hex')),
      Buffer.from(seed.toString('base64')),
    ];
    for (const file of filesUnder(ctx.dataDir)) {
      const bytes = readFileSync(file);
      for (const secret of secrets) expect(bytes.includes(secret), file).toBe(false);
      expect(bytes.includes(Buffer.from('PRIVATE KEY')), file).toBe(false);
    }
  });

  it('cannot be unlocked with another data folder’s wrapper', async () => {
    await ctx.call('signing:identity', {});
    const other = createTestContext();
    try {
      expect(() => loadOrCreateSigningIdentity(ctx.dataDir, createFileKeyWrapper(other.dataDir))).toThrow(
        /could not be unlocked/,
      );
    } finally {
      other.dispose();
    }
  });
});

describe('trusted signers', () => {
  const colleague = createSigningIdentity();

  it('imports a colleague’s public key, lists it with its fingerprint and keeps it after a restart', async () => {
    const added = await ctx.call('signing:trust', {
      name: 'Tom Okafor',
      role: 'Governor',
      publicKeyPem: colleague.publicKeyPem,
    });
    expect(added).toMatchObject({
      keyId: colleague.keyId,
      fingerprint: formatFingerprint(colleague.keyId),
      name: 'Tom Okafor',
      role: 'Governor',
    });
    ctx = ctx.reopen();
    expect((await ctx.call('signing:trusted-list', {})).signers).toEqual([added]);
    expect(auditEntries(ctx, colleague.keyId)).toMatchObject([
      { action: 'create', entity: 'trusted_signer' },
    ]);
  });

  it('corrects the name of a key already trusted rather than listing it twice', async () => {
    await ctx.call('signing:trust', { name: 'Tom', role: '', publicKeyPem: colleague.publicKeyPem });
    await ctx.call('signing:trust', {
      name: 'Tom Okafor',
      role: 'Governor',
      publicKeyPem: colleague.publicKeyPem,
    });
    const { signers } = await ctx.call('signing:trusted-list', {});
    expect(signers.map((s) => s.name)).toEqual(['Tom Okafor']);
  });

  it('refuses a private key, a damaged key and the user’s own key, naming the field', async () => {
    const privatePem = String(colleague.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const own = await ctx.call('signing:identity', {});
    for (const [pem, message] of [
      [privatePem, /PRIVATE key/],
      ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n', /damaged/],
      [own.publicKeyPem, /your own public key/],
    ] as const) {
      const result = await ctx.dispatch('signing:trust', { name: 'X', role: '', publicKeyPem: pem });
      expect(result).toMatchObject({ ok: false, error: { kind: 'validation', field: 'publicKeyPem' } });
      if (!result.ok) expect(result.error.message).toMatch(message);
    }
    expect((await ctx.call('signing:trusted-list', {})).signers).toEqual([]);
  });

  it('removes a signer, and says when there is no such signer', async () => {
    await ctx.call('signing:trust', { name: 'Tom Okafor', role: '', publicKeyPem: colleague.publicKeyPem });
    expect(await ctx.call('signing:untrust', { keyId: colleague.keyId })).toEqual({ signers: [] });
    expect(await ctx.dispatch('signing:untrust', { keyId: colleague.keyId })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    });
    expect(auditEntries(ctx, colleague.keyId).map((e) => e.action)).toEqual(['create', 'delete']);
  });
});
