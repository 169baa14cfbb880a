// `px-rounds verify FILE [--trusted-keys FOLDER] [--json]`: checks the signature inside a PX Rounds
// export, and its sidecar FILE.sig when there is one, without the app. Anyone at PEIG can run it
// with Node alone. Exit codes: 0 valid, 1 not valid (changed or damaged), 2 could not check
// (no such file, not a Word document, wrong usage).

import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { DOCUMENT_TYPES, type DocumentType } from '../../domain/documents/document-types';
import { DOCUMENT_TYPE_LABELS, formatDateTime } from '../../domain/documents/document-labels';
import { formatFingerprint } from '../../domain/signing/signing-keys';
import { trustedSignerFromPem, type TrustedSigner } from '../../domain/signing/trusted-signers';
import {
  verifySidecarSignature,
  verifySignedDocx,
  type VerificationResult,
} from '../../domain/signing/verify-export';
import { assertNever } from '../../ipc/errors';
import { EXIT_NEGATIVE, EXIT_OK, EXIT_USAGE, type CliCommand, type CliIo } from '../cli-io';

const USAGE = 'verify FILE [--trusted-keys FOLDER] [--json]';
// Far above any export; stops a mistaken path to a disk image eating the memory.
const MAX_BYTES = 200 * 1024 * 1024;
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** `not-checked`: the document itself is not valid, so its key cannot vouch for the sidecar. */
type SidecarStatus = 'matches' | 'does-not-match' | 'absent' | 'not-checked';
type Parsed = { file: string; trustedKeys: string | null; json: boolean } | { error: string };

class CheckFailure extends Error {}

function parseArgs(args: readonly string[]): Parsed {
  const positional: string[] = [];
  let trustedKeys: string | null = null;
  let json = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--trusted-keys') {
      const value = args[i + 1];
      if (value === undefined) return { error: "'--trusted-keys' needs a folder of .pem files" };
      trustedKeys = value;
      i += 1;
    } else if (arg === '--json') {
      json = true;
    } else if (arg.startsWith('-')) {
      return { error: `unknown option '${arg}'` };
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    return {
      error: positional.length === 0 ? 'name the Word document to check' : 'check one file at a time',
    };
  }
  return { file: positional[0] as string, trustedKeys, json };
}

function describeReadError(path: string, error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return `cannot find '${path}'`;
  if (code === 'EACCES' || code === 'EPERM') return `not allowed to read '${path}'`;
  return `cannot read '${path}': ${error instanceof Error ? error.message : String(error)}`;
}

async function readDocument(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CheckFailure(`'${path}' is a folder, not a Word document`);
    if (info.size > MAX_BYTES)
      throw new CheckFailure(`'${path}' is larger than 200 MB, so it is not a PX Rounds export`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CheckFailure) throw error;
    throw new CheckFailure(describeReadError(path, error));
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw new CheckFailure(`'${path}' is not a Word document (.docx)`);
  }
  return bytes;
}

/** Every .pem in the folder, named after its file; files that are not public keys are reported and skipped. */
async function readTrustedKeys(folder: string, io: CliIo): Promise<TrustedSigner[]> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((n) => extname(n).toLowerCase() === '.pem').sort();
  } catch (error) {
    throw new CheckFailure(`${describeReadError(folder, error)} (the folder of trusted keys)`);
  }
  const signers: TrustedSigner[] = [];
  for (const name of names) {
    try {
      signers.push(
        trustedSignerFromPem(basename(name, extname(name)), '', await readFile(join(folder, name), 'utf8')),
      );
    } catch (error) {
      io.stderr(
        `px-rounds verify: skipped ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  return signers;
}

async function checkSidecar(file: string, bytes: Buffer, result: VerificationResult): Promise<SidecarStatus> {
  let sidecar: Buffer;
  try {
    sidecar = await readFile(`${file}.sig`);
  } catch {
    return 'absent';
  }
  if (!result.valid || result.publicKeyPem === null) return 'not-checked';
  return verifySidecarSignature(bytes, sidecar, result.publicKeyPem) ? 'matches' : 'does-not-match';
}

const isDocumentType = (value: string): value is DocumentType =>
  (DOCUMENT_TYPES as readonly string[]).includes(value);

function what(result: VerificationResult): string {
  const kind =
    result.documentType === null
      ? 'Document'
      : isDocumentType(result.documentType)
        ? DOCUMENT_TYPE_LABELS[result.documentType]
        : result.documentType;
  return result.title === null ? kind : `${kind}: “${result.title}”`;
}

function sidecarLine(sigName: string, sidecar: SidecarStatus): string {
  switch (sidecar) {
    case 'absent':
      return `no ${sigName} beside the file (not needed)`;
    case 'matches':
      return `${sigName} matches`;
    case 'does-not-match':
      return `${sigName} DOES NOT MATCH this file`;
    case 'not-checked':
      return `${sigName} not checked, because the document itself is not valid`;
    default:
      return assertNever(sidecar);
  }
}

function report(file: string, result: VerificationResult, sidecar: SidecarStatus): string {
  const lines: string[] = [];
  const signer = result.signer
    ? `${result.signer.name}${result.signer.role ? ` (${result.signer.role})` : ''}`
    : null;
  const when = result.signedAt === null ? null : `${formatDateTime(result.signedAt)} (UK time)`;
  const sigName = `${basename(file)}.sig`;
  if (result.valid && sidecar !== 'does-not-match') {
    lines.push(`VALID: ${basename(file)} is exactly as it was signed.`, '');
  } else if (result.valid) {
    lines.push(
      `NOT VALID: the signature inside ${basename(file)} is intact, but ${sigName} beside it does not match the file.`,
      '',
    );
  } else {
    lines.push(
      `NOT VALID: ${basename(file)} was changed after it was signed, or its signature is damaged. Do not rely on its contents.`,
      '',
      ...result.problems.map((p) => `  - ${p}`),
      '',
    );
    if (signer === null) return `${lines.join('\n')}\n`;
    lines.push('It claims to be:');
  }
  lines.push(`  What:       ${what(result)}`);
  if (signer) lines.push(`  Signed by:  ${signer}`);
  if (when) lines.push(`  Signed on:  ${when}`);
  if (result.keyId) lines.push(`  Key:        ${formatFingerprint(result.keyId)}`);
  if (result.valid) {
    const trustedAs = result.trustedSigner;
    lines.push(
      trustedAs
        ? `  Signer:     TRUSTED: this key is in your trusted keys as ${trustedAs.name}${trustedAs.role ? ` (${trustedAs.role})` : ''}.`
        : '  Signer:     UNKNOWN: this key is not in your trusted keys. Before relying on the name, check the key above with the signer, or pass --trusted-keys with their .pem file.',
      `  Sidecar:    ${sidecarLine(sigName, sidecar)}`,
    );
  }
  if (result.appVersion) lines.push(`  Made with:  PX Rounds ${result.appVersion}`);
  // What the signer's audit log held when they signed: entry number and hash, to be compared with
  // that laptop's log later (Settings → Audit log there).
  if (result.auditAnchor) {
    lines.push(`  Audit log:  entry ${result.auditAnchor.seq}, hash ${result.auditAnchor.headHash}`);
  }
  return `${lines.join('\n')}\n`;
}

function fail(io: CliIo, message: string): number {
  io.stderr(`px-rounds verify: ${message}.\nUsage: px-rounds ${USAGE}\n`);
  return EXIT_USAGE;
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: USAGE,
  summary:
    'check the signature of a PX Rounds Word export: who signed it, when, and whether it changed since',
  run: async (args, io) => {
    const parsed = parseArgs(args);
    if ('error' in parsed) return fail(io, parsed.error);
    let bytes: Buffer;
    let trusted: TrustedSigner[] = [];
    try {
      bytes = await readDocument(parsed.file);
      if (parsed.trustedKeys !== null) trusted = await readTrustedKeys(parsed.trustedKeys, io);
    } catch (error) {
      if (error instanceof CheckFailure) return fail(io, error.message);
      throw error;
    }
    const result = verifySignedDocx(bytes, trusted);
    const sidecar = await checkSidecar(parsed.file, bytes, result);
    const valid = result.valid && sidecar !== 'does-not-match';
    if (parsed.json) {
      io.stdout(`${JSON.stringify({ ...result, valid, sidecar }, null, 2)}\n`);
    } else {
      io.stdout(report(parsed.file, result, sidecar));
    }
    return valid ? EXIT_OK : EXIT_NEGATIVE;
  },
};
