import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyWrapper } from '../../db/key-file';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { createTestContext, makeTempDir, type TestContext } from '../../test/helpers/test-context';
import { OWN_KEY_NAME } from '../exports/verify-service';
import { createFileKeyWrapper } from './file-key-wrapper';
import { EARLIER_KEY_NAME } from './key-replacement-service';
import { SIGNING_KEY_FILE, SIGNING_PUBLIC_KEY_FILE } from './signing-keys';

// A data folder opened on a second computer (a re-imaged laptop, after the recovery key): each
// computer's key store is a real AES-GCM wrapper over a secret of its own, kept outside the data
// folder, as the operating system's is. The second cannot unwrap the first one's signing key.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((clean) => clean()));

function computer(): KeyWrapper {
  const temp = makeTempDir('pxr-key-store-');
  cleanups.push(temp.remove);
  return createFileKeyWrapper(temp.dir);
}

function open(dataDir: string, key: Buffer | undefined, keyWrapper: KeyWrapper): TestContext {
  const ctx = createTestContext({ dataDir, keyWrapper, ...(key ? { key } : {}) });
  cleanups.unshift(() => ctx.close());
  return ctx;
}

async function exportRound(ctx: TestContext, startsAt: Date) {
  const { roundId } = await signedOffRound(ctx, startsAt);
  const started = await ctx.call('exports:start', {
    documentType: 'round_summary',
    roundId,
    personalDataConfirmed: true,
  });
  const done = await ctx.exportJobs.settled(started.jobId);
  if (done.result === null) throw new Error(`export failed: ${JSON.stringify(done.error)}`);
  return readFileSync(done.result.path);
}

const verify = (ctx: TestContext, bytes: Buffer) =>
  ctx.call('exports:verify', { fileName: 'summary.docx', contentBase64: bytes.toString('base64') });

/** A folder used on a first computer (a key made, a round exported), then opened on a second. */
async function movedToAnotherComputer() {
  const temp = makeTempDir('pxr-rekey-');
  cleanups.push(temp.remove);
  const first = open(temp.dir, undefined, computer());
  const oldKey = await first.call('signing:identity', {});
  const earlierExport = await exportRound(first, new Date(Date.now() - 2 * 86_400_000));
  const wrapped = readFileSync(join(temp.dir, SIGNING_KEY_FILE));
  first.close();
  const ctx = open(temp.dir, first.key, computer());
  return { ctx, dataDir: temp.dir, oldKey, earlierExport, wrapped };
}

describe('a signing key this computer cannot unlock', () => {
  it('is reported plainly, and signing says where to make a new one', async () => {
    const { ctx } = await movedToAnotherComputer();
    expect(await ctx.call('signing:key-state', {})).toEqual({ state: 'locked', earlierKeys: [] });
    const refused = await ctx.dispatch('signing:identity', {});
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/could not be unlocked.*Go to Signing key to make a new one/) },
    });
  });

  it('is replaced only when confirmed, keeping the old file and the old public key as an earlier key', async () => {
    const { ctx, dataDir, oldKey, earlierExport, wrapped } = await movedToAnotherComputer();
    const unconfirmed = await ctx.dispatch('signing:replace-locked-key', {} as never);
    expect(unconfirmed).toMatchObject({ ok: false, error: { kind: 'validation', field: 'confirm' } });
    expect(readFileSync(join(dataDir, SIGNING_KEY_FILE))).toEqual(wrapped);

    const replaced = await ctx.call('signing:replace-locked-key', { confirm: true });
    expect(replaced.identity.keyId).not.toBe(oldKey.keyId);
    expect(replaced.earlier).toMatchObject({ keyId: oldKey.keyId, fingerprint: oldKey.fingerprint });
    expect(replaced.earlier.keptAs).toMatch(/^signing-key\.wrapped\.earlier-\d{8}T\d{6}Z$/);
    expect(readFileSync(join(dataDir, replaced.earlier.keptAs))).toEqual(wrapped);
    expect(readFileSync(join(dataDir, SIGNING_PUBLIC_KEY_FILE), 'utf8')).toBe(replaced.identity.publicKeyPem);
    expect(await ctx.call('signing:identity', {})).toEqual(replaced.identity);
    expect(await ctx.call('signing:key-state', {})).toEqual({
      state: 'ready',
      earlierKeys: [replaced.earlier],
    });

    const audit = ctx.store.sqlite
      .prepare("SELECT action, entity_id, detail FROM audit_log WHERE entity = 'signing_key'")
      .all() as { action: string; entity_id: string; detail: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'create']);
    expect(audit[1]!.entity_id).toBe(replaced.identity.keyId);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({
      fingerprint: replaced.identity.fingerprint,
      earlierKeyId: oldKey.keyId,
      earlierKeptAs: replaced.earlier.keptAs,
    });

    // Documents signed before still verify as this person's own, with the earlier key named.
    expect(await verify(ctx, earlierExport)).toMatchObject({
      valid: true,
      trusted: true,
      keyId: oldKey.keyId,
      trustedAs: { name: EARLIER_KEY_NAME },
    });
    // The new key signs, and what it signs verifies as the person's current key.
    const newExport = await exportRound(ctx, new Date());
    expect(await verify(ctx, newExport)).toMatchObject({
      valid: true,
      trustedAs: { name: OWN_KEY_NAME },
      keyId: replaced.identity.keyId,
    });
    // Anchors signed with the earlier key still count in the audit check.
    const check = await ctx.call('audit:verify', {});
    expect(check.findings).toEqual([]);
    expect(check.ok).toBe(true);
  });

  it('is never replaced while it still opens, nor made up when there is none', async () => {
    const temp = makeTempDir('pxr-rekey-');
    cleanups.push(temp.remove);
    const ctx = open(temp.dir, undefined, computer());
    expect(await ctx.dispatch('signing:replace-locked-key', { confirm: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/no signing key yet/) },
    });
    expect(existsSync(join(temp.dir, SIGNING_KEY_FILE))).toBe(false);
    const own = await ctx.call('signing:identity', {});
    const wrapped = readFileSync(join(temp.dir, SIGNING_KEY_FILE));
    expect(await ctx.dispatch('signing:replace-locked-key', { confirm: true })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/opens on this computer, so it has not been replaced/) },
    });
    expect(readFileSync(join(temp.dir, SIGNING_KEY_FILE))).toEqual(wrapped);
    expect(await ctx.call('signing:identity', {})).toEqual(own);
  });
});
