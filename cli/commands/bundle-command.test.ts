import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealBundle } from '../../domain/bundles/bundle-file';
import { collectionKeyIdOf } from '../../domain/bundles/collection-keys';
import { signAuditAnchor } from '../../domain/signing/audit-anchor';
import { createSigningIdentity, formatFingerprint } from '../../domain/signing/signing-keys';
import { runCliCaptured } from '../../test/helpers/cli-run';

const signer = createSigningIdentity();
const collection = generateKeyPairSync('x25519');
const collectionKeyId = collectionKeyIdOf(collection.publicKey);
let dir = '';
let file = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'px-rounds-bundle-'));
  file = join(dir, 'from helen.pxbundle');
  await writeFile(
    file,
    sealBundle({
      header: {
        appVersion: '0.1.0',
        bundleId: randomUUID(),
        createdAt: '2026-12-01T10:00:00.000Z',
        contributor: { name: 'Helen Adeyemi', role: 'Governor' },
        period: { from: null, to: '2026-12-01T10:00:00.000Z' },
        counts: { rounds: 0, observations: 0, stories: 0, addenda: 0, actionEvents: 0, withdrawals: 0 },
        auditAnchor: signAuditAnchor(signer, { seq: 12, hash: 'cd'.repeat(32) }, 'bundle', new Date()),
      },
      units: [],
      contributor: signer,
      recipient: { keyId: collectionKeyId, publicKey: collection.publicKey },
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCliCaptured(args);

async function copyWith(name: string, change: (bytes: Buffer) => Buffer): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, change(Buffer.from(await readFile(file))));
  return path;
}

describe('px-rounds bundle inspect', () => {
  it('prints the header and a valid signature without the collection key, and exits 0', async () => {
    const { code, stdout } = await run(['bundle', 'inspect', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('Signature: valid');
    expect(stdout).toContain('Contributor: Helen Adeyemi, Governor');
    expect(stdout).toContain(`Contributor's key: ${formatFingerprint(signer.keyId)}`);
    expect(stdout).toContain(`For collection key: ${formatFingerprint(collectionKeyId)}`);
    expect(stdout).toContain(`Contributor's audit log: entry 12, hash ${'cd'.repeat(32)}\n`);
  });

  it('gives the header as JSON', async () => {
    const { code, stdout } = await run(['bundle', 'inspect', '--json', file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      valid: true,
      header: { contributor: { keyId: signer.keyId } },
    });
  });

  it('exits 1 for one changed byte and for a file cut short', async () => {
    const changed = await copyWith('changed.pxbundle', (b) => {
      b[b.length - 80] = b[b.length - 80]! ^ 0x20;
      return b;
    });
    const flipped = await run(['bundle', 'inspect', changed]);
    expect(flipped.code).toBe(1);
    expect(flipped.stdout).toMatch(/Signature: NOT VALID: .*changed since it was signed/);
    const cut = await run([
      'bundle',
      'inspect',
      await copyWith('cut.pxbundle', (b) => b.subarray(0, b.length - 10)),
    ]);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/incomplete/);
  });

  it('exits 2 for a missing file, another kind of file, a newer format and wrong usage', async () => {
    expect((await run(['bundle', 'inspect', join(dir, 'nope.pxbundle')])).code).toBe(2);
    const docx = await run([
      'bundle',
      'inspect',
      await copyWith('renamed.pxbundle', () => Buffer.from('PK\u0003\u0004')),
    ]);
    expect(docx.code).toBe(2);
    expect(docx.stdout).toMatch(/not a PX Rounds bundle/);
    const newer = await run([
      'bundle',
      'inspect',
      await copyWith('newer.pxbundle', (b) => (b.write('PX-ROUNDS-BUNDLE 9', 0, 'latin1'), b)),
    ]);
    expect(newer.code).toBe(2);
    expect(newer.stdout).toMatch(/newer version of PX Rounds/);
    expect((await run(['bundle', 'open', file])).code).toBe(2);
    expect((await run(['bundle', 'inspect'])).code).toBe(2);
  });
});
