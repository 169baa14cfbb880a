import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRoundSummary } from '../exports/fixtures/sample-round';
import { buildRoundSummaryDocx } from '../exports/round-summary/build-round-summary';
import { MANIFEST_PART, SIGNATURE_PART } from './opc-package';
import { signDocx, type SignedDocx } from './sign-docx';
import { createSigningIdentity } from './signing-keys';
import { verifySidecarSignature, verifySignedDocx } from './verify-export';

const identity = createSigningIdentity();
let unsigned: Buffer;
let signed: SignedDocx;

const sign = (bytes: Uint8Array, title = 'Round summary') =>
  signDocx(bytes, {
    identity,
    documentType: 'round_summary',
    title,
    appVersion: '0.1.0',
    signer: { name: 'Helen Adeyemi', role: 'Non-Executive Director' },
    signedAt: new Date('2025-11-14T10:32:00Z'),
  });

beforeAll(async () => {
  unsigned = await buildRoundSummaryDocx(sampleRoundSummary(identity.keyId));
  signed = sign(unsigned);
});

/** The problems Word reports as "unreadable content": parts without a content type, relationships to nothing. */
function opcProblems(files: Record<string, Uint8Array>): string[] {
  const problems: string[] = [];
  const names = Object.keys(files);
  const lower = new Set(names.map((n) => n.toLowerCase()));
  const types = strFromU8(files['[Content_Types].xml'] ?? new Uint8Array());
  const defaults = new Set(
    [...types.matchAll(/<Default [^>]*Extension="([^"]+)"/g)].map((m) => m[1]?.toLowerCase()),
  );
  const overrides = [...types.matchAll(/<Override [^>]*PartName="([^"]+)"/g)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  for (const name of names) {
    if (name === '[Content_Types].xml') continue;
    const extension = name.split('.').pop()?.toLowerCase();
    if (!overrides.includes(`/${name.toLowerCase()}`) && !defaults.has(extension)) {
      problems.push(`${name} has no content type`);
    }
  }
  for (const override of overrides)
    if (!lower.has(override.slice(1))) problems.push(`${override} is declared but missing`);
  for (const rels of names.filter((n) => n.endsWith('.rels'))) {
    const folder = rels.replace(/_rels\/[^/]*$/, '');
    for (const match of strFromU8(files[rels] as Uint8Array).matchAll(/<Relationship [^>]*>/g)) {
      const tag = match[0];
      if (/TargetMode="External"/.test(tag)) continue;
      const target = /Target="([^"]+)"/.exec(tag)?.[1] ?? '';
      const resolved = new URL(target, `file:///${folder}`).pathname.slice(1);
      if (!lower.has(resolved.toLowerCase())) problems.push(`${rels} points to missing ${target}`);
    }
  }
  return problems;
}

describe('signDocx', () => {
  it('adds the manifest and signature as declared, linked parts of a valid Office package', () => {
    const files = unzipSync(signed.bytes);
    expect(Object.keys(files).slice(-2)).toEqual([MANIFEST_PART, SIGNATURE_PART]);
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(opcProblems(files)).toEqual([]);
    expect(opcProblems(unzipSync(unsigned))).toEqual([]);
    expect(strFromU8(files['_rels/.rels'] as Uint8Array)).toContain(`Target="${MANIFEST_PART}"`);

    // The checker itself catches both faults.
    const types = strFromU8(files['[Content_Types].xml'] as Uint8Array);
    const { [SIGNATURE_PART]: _signature, ...withoutSignature } = files;
    expect(
      opcProblems({
        ...files,
        '[Content_Types].xml': strToU8(types.replace(/<Override PartName="\/px-rounds[^>]*>/g, '')),
      }),
    ).toEqual([`${MANIFEST_PART} has no content type`, `${SIGNATURE_PART} has no content type`]);
    expect(opcProblems(withoutSignature)).toContain(`_rels/.rels points to missing ${SIGNATURE_PART}`);
  });

  it('records every other part with its SHA-256, and who signed, when, with which key', () => {
    const files = unzipSync(signed.bytes);
    const manifest = JSON.parse(strFromU8(files[MANIFEST_PART] as Uint8Array));
    expect(manifest).toMatchObject({
      format: 'px-rounds-signature/1',
      documentType: 'round_summary',
      title: 'Round summary',
      appVersion: '0.1.0',
      signer: { name: 'Helen Adeyemi', role: 'Non-Executive Director' },
      keyId: identity.keyId,
      publicKeyPem: identity.publicKeyPem,
      signedAt: '2025-11-14T10:32:00.000Z',
    });
    expect(manifest.parts.map((p: { name: string }) => p.name)).toEqual(
      Object.keys(files)
        .filter((n) => n !== MANIFEST_PART && n !== SIGNATURE_PART)
        .sort(),
    );
    expect(files[SIGNATURE_PART]).toHaveLength(64);
  });

  it('verifies, and refuses to sign a document twice', () => {
    expect(verifySignedDocx(signed.bytes, []).problems).toEqual([]);
    expect(() => sign(signed.bytes)).toThrow(/already been signed/);
  });

  it('refuses to sign what could never verify, such as an overlong title', () => {
    expect(() => sign(unsigned, 'x'.repeat(501))).toThrow(/cannot be signed: title/);
  });

  it('writes a sidecar signature over the whole file', () => {
    expect(signed.sidecar).toHaveLength(64);
    expect(verifySidecarSignature(signed.bytes, signed.sidecar, identity.publicKeyPem)).toBe(true);
    const changed = Buffer.from(signed.bytes);
    changed[100] = (changed[100] as number) ^ 1;
    expect(verifySidecarSignature(changed, signed.sidecar, identity.publicKeyPem)).toBe(false);
  });
});

describe('the sidecar checked with openssl, as the instructions say', () => {
  const hasOpenssl = (() => {
    try {
      execFileSync('openssl', ['version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'px-rounds-openssl-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(!hasOpenssl)('passes for the signed file and fails for a changed one', () => {
    writeFileSync(join(dir, 'signer.pem'), identity.publicKeyPem);
    writeFileSync(join(dir, 'FILE.docx'), signed.bytes);
    writeFileSync(join(dir, 'FILE.docx.sig'), signed.sidecar);
    const command =
      'openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in FILE.docx -sigfile FILE.docx.sig';
    const run = () => {
      try {
        return { code: 0, out: execFileSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8' }) };
      } catch (error) {
        return {
          code: (error as { status: number }).status,
          out: String((error as { stdout: unknown }).stdout),
        };
      }
    };
    expect(run()).toEqual({ code: 0, out: 'Signature Verified Successfully\n' });
    const changed = Buffer.from(signed.bytes);
    changed[changed.length - 1] = (changed[changed.length - 1] as number) ^ 0x40;
    writeFileSync(join(dir, 'FILE.docx'), changed);
    expect(run().code).not.toBe(0);
  });
});
