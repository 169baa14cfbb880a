import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRoundSummary } from '../../domain/exports/fixtures/sample-round';
import { createSignedExport, writeSignedExport } from '../../domain/exports/signed-export';
import { signAuditAnchor } from '../../domain/signing/audit-anchor';
import { createSigningIdentity, formatFingerprint } from '../../domain/signing/signing-keys';
import { repoRoot } from '../../test/helpers/test-context';
import { runCliCaptured } from '../../test/helpers/cli-run';

const signer = createSigningIdentity();
let dir = '';
let file = '';
let keys = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'px-rounds-verify-'));
  const signed = await createSignedExport(
    { documentType: 'round_summary', model: sampleRoundSummary(signer.keyId) },
    { identity: signer, appVersion: '0.1.0' },
  );
  file = join(dir, 'round summary.docx');
  writeSignedExport(file, signed);
  keys = join(dir, 'keys');
  await mkdir(keys);
  await writeFile(join(keys, 'Helen Adeyemi.pem'), signer.publicKeyPem);
  await writeFile(join(keys, 'notes.pem'), 'not a key');
  await writeFile(join(keys, 'readme.txt'), 'ignored: not a .pem');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) => runCliCaptured(args);

async function copyWith(name: string, change: (bytes: Buffer) => Buffer, sidecar = true): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, change(await readFile(file)));
  if (sidecar) await writeFile(`${path}.sig`, await readFile(`${file}.sig`));
  return path;
}

describe('px-rounds verify', () => {
  it('prints the audit log entry and hash a file was signed at, for comparing with the signer’s log', async () => {
    const head = { seq: 7, hash: 'ab'.repeat(32) };
    const anchored = await createSignedExport(
      { documentType: 'round_summary', model: sampleRoundSummary(signer.keyId) },
      {
        identity: signer,
        appVersion: '0.1.0',
        auditAnchor: signAuditAnchor(signer, head, 'export', new Date()),
      },
    );
    const path = join(dir, 'anchored.docx');
    writeSignedExport(path, anchored);
    const { code, stdout } = await run(['verify', path]);
    expect(code).toBe(0);
    expect(stdout).toContain(`  Audit log:  entry 7, hash ${head.hash}\n`);
    expect((await run(['verify', file])).stdout).not.toContain('Audit log:');
  });

  it('says who signed what and when, that it is valid, and that the signer is unknown without trusted keys', async () => {
    const { code, stdout, stderr } = await run(['verify', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('VALID: round summary.docx is exactly as it was signed.');
    expect(stdout).toContain('Round summary: “Patient experience round: Oak Ward, Day Unit and Outpatients”');
    expect(stdout).toContain('Signed by:  Helen Adeyemi (Non-Executive Director)');
    expect(stdout).toContain('Signed on:  14 November 2025 at 10:32 (UK time)');
    expect(stdout).toContain(formatFingerprint(signer.keyId));
    expect(stdout).toContain('UNKNOWN: this key is not in your trusted keys');
    expect(stdout).toContain('round summary.docx.sig matches');
  });

  it('names the trusted signer from a folder of .pem files, reporting files it skipped', async () => {
    const { code, stdout, stderr } = await run(['verify', file, '--trusted-keys', keys]);
    expect(code).toBe(0);
    expect(stdout).toContain('TRUSTED: this key is in your trusted keys as Helen Adeyemi.');
    expect(stderr).toContain('skipped notes.pem');
  });

  it('exits 1 and lists the problems when one byte of the document changed', async () => {
    const changed = await copyWith('changed.docx', (bytes) => {
      const copy = Buffer.from(bytes);
      copy[200] = (copy[200] as number) ^ 0x01;
      return copy;
    });
    const { code, stdout } = await run(['verify', changed, '--trusted-keys', keys]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^NOT VALID: changed.docx was changed after it was signed/);
    expect(stdout).toMatch(/\n {2}- .+ after signing\./);
    expect(stdout).toContain('It claims to be:');
    expect(stdout).not.toContain('TRUSTED');
    const json = await run(['verify', changed, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: false, trusted: false, sidecar: 'not-checked' });
  });

  it('exits 1 when the sidecar does not match, even though the document itself is intact', async () => {
    const path = await copyWith('stale-sig.docx', (bytes) => bytes, false);
    await writeFile(`${path}.sig`, Buffer.alloc(64, 1));
    const { code, stdout } = await run(['verify', path]);
    expect(code).toBe(1);
    expect(stdout).toContain('stale-sig.docx.sig beside it does not match');
  });

  it('exits 1 for a file cut short, which is damaged rather than not a document', async () => {
    const cut = await copyWith('cut.docx', (bytes) => bytes.subarray(0, bytes.length - 100), false);
    const { code, stdout } = await run(['verify', cut]);
    expect(code).toBe(1);
    expect(stdout).toContain('cannot be read as a Word document');
  });

  it('prints the result as JSON with --json', async () => {
    const { code, stdout } = await run(['verify', '--json', file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      valid: true,
      trusted: false,
      keyId: signer.keyId,
      documentType: 'round_summary',
      sidecar: 'matches',
      problems: [],
    });
  });

  it('exits 2 for a missing file, a text file, a folder and wrong usage', async () => {
    const text = join(dir, 'notes.txt');
    await writeFile(text, 'Just some notes.');
    const cases: [string[], RegExp][] = [
      [['verify', join(dir, 'missing.docx')], /cannot find/],
      [['verify', text], /is not a Word document/],
      [['verify', dir], /is a folder/],
      [['verify'], /name the Word document/],
      [['verify', file, file], /one file at a time/],
      [['verify', file, '--trusted-keys'], /needs a folder/],
      [
        ['verify', file, '--trusted-keys', join(dir, 'nope')],
        /cannot find .* \(the folder of trusted keys\)/,
      ],
      [['verify', file, '--colour'], /unknown option/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await run(args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toMatch(message);
      expect(stderr).toContain('Usage: px-rounds verify FILE');
    }
  });

  it('runs under plain Node through the bin', async () => {
    const exec = promisify(execFile);
    const { stdout } = await exec(process.execPath, ['bin/px-rounds.js', 'verify', file], { cwd: repoRoot });
    expect(stdout).toContain('VALID: round summary.docx is exactly as it was signed.');
    const changed = await copyWith('bin-changed.docx', (bytes) => Buffer.concat([bytes, Buffer.from('x')]));
    await expect(
      exec(process.execPath, ['bin/px-rounds.js', 'verify', changed], { cwd: repoRoot }),
    ).rejects.toMatchObject({ code: 1 });
  });
});
