import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileExistsError } from '../signing/atomic-file';
import { createSigningIdentity } from '../signing/signing-keys';
import { verifySidecarSignature, verifySignedDocx } from '../signing/verify-export';
import { sampleStory } from './fixtures/sample-documents';
import { sampleRoundSummary } from './fixtures/sample-round';
import { createSignedExport, opensslVerifyCommand, writeSignedExport } from './signed-export';

const identity = createSigningIdentity();
let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'px-rounds-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const roundRequest = () => ({
  documentType: 'round_summary' as const,
  model: sampleRoundSummary(identity.keyId),
});

describe('signed exports', () => {
  it('signs with the signer named in the sign-off and refuses another key', async () => {
    const signed = await createSignedExport(roundRequest(), { identity, appVersion: '1.2.3' });
    expect(signed.manifest).toMatchObject({
      appVersion: '1.2.3',
      signer: { name: 'Helen Adeyemi' },
      keyId: identity.keyId,
    });
    const other = createSigningIdentity();
    await expect(createSignedExport(roundRequest(), { identity: other, appVersion: '1' })).rejects.toThrow(
      /different signing key/,
    );
  });

  it('passes the builders’ refusals through, so nothing is signed that may not leave', async () => {
    const story = sampleStory(identity.keyId);
    const withdrawn = { ...story, consent: { ...story.consent, withdrawnOn: '2025-11-01' } };
    await expect(
      createSignedExport({ documentType: 'story', model: withdrawn }, { identity, appVersion: '1' }),
    ).rejects.toThrow(/withdrew their consent/);
  });

  it('writes the document and its sidecar, and never overwrites without being told to', async () => {
    const signed = await createSignedExport(roundRequest(), { identity, appVersion: '1' });
    const path = join(dir, 'Round 12 November.docx');
    expect(writeSignedExport(path, signed)).toEqual({ docxPath: path, sidecarPath: `${path}.sig` });
    expect(verifySignedDocx(readFileSync(path), []).valid).toBe(true);
    expect(
      verifySidecarSignature(readFileSync(path), readFileSync(`${path}.sig`), identity.publicKeyPem),
    ).toBe(true);

    expect(() => writeSignedExport(path, { bytes: Buffer.from('other'), sidecar: Buffer.alloc(64) })).toThrow(
      FileExistsError,
    );
    expect(verifySignedDocx(readFileSync(path), []).valid).toBe(true);

    const again = await createSignedExport(roundRequest(), { identity, appVersion: '2' });
    writeSignedExport(path, again, { overwrite: true });
    expect(verifySignedDocx(readFileSync(path), []).appVersion).toBe('2');
    expect(readdirSync(dir).sort()).toEqual(['Round 12 November.docx', 'Round 12 November.docx.sig']);
  });

  it('writes nothing when only the sidecar name is taken', async () => {
    const signed = await createSignedExport(roundRequest(), { identity, appVersion: '1' });
    const path = join(dir, 'summary.docx');
    writeFileSync(`${path}.sig`, 'old');
    expect(() => writeSignedExport(path, signed)).toThrow(/summary.docx.sig already exists/);
    expect(readdirSync(dir)).toEqual(['summary.docx.sig']);
  });

  it('gives the openssl command for the sidecar', () => {
    expect(opensslVerifyCommand('/tmp/Round summary.docx')).toBe(
      'openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in "Round summary.docx" -sigfile "Round summary.docx.sig"',
    );
  });
});
