// Plain words and small pure steps for signing, exporting and verifying: reading a chosen file
// as base64, the overwrite question, the openssl command, what a verification means. DOM-free
// (Blob and btoa exist in Node too), unit-tested.
import type { z } from 'zod';
import type { AppErrorShape } from '../../../ipc/errors';
import type { ExportJob, Verification } from '../../../ipc/exports-schemas';

export type ExportJobDto = z.output<typeof ExportJob>;
export type VerificationDto = z.output<typeof Verification>;

// String.fromCharCode takes its arguments on the stack; a few MB in one call would overflow it.
const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  }
  return btoa(binary);
}

/** A chosen file's bytes as base64, read in the page: nothing is uploaded anywhere. */
export async function readFileAsBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

/**
 * `exports:start` refuses to replace a file unless told to, with a validation error on the
 * `overwrite` field. Returns the question to put to the person, or null for any other answer.
 */
export function overwriteQuestion(error: AppErrorShape, requestedName: string | null): string | null {
  if (error.kind !== 'validation' || error.field !== 'overwrite') return null;
  const named = requestedName ?? fileNameIn(error.message);
  return named === null
    ? 'A file with this name already exists in the exports folder. Replace it?'
    : `A file called ${named} already exists. Replace it?`;
}

function fileNameIn(message: string): string | null {
  const match = /[“"']([^“”"']+\.docx)[”"']/u.exec(message) ?? /(\S+\.docx)\b/u.exec(message);
  return match?.[1] ?? null;
}

/** What a running export is doing, with how far along it is: "Building the document (40%)". */
export function progressText(job: Pick<ExportJobDto, 'stage' | 'progress'>): string {
  return `${job.stage} (${Math.round(job.progress * 100)}%)`;
}

/** The folder part of a path written by the app, on Windows or elsewhere. */
export function folderOf(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut <= 0 ? path : path.slice(0, cut);
}

/** Quotes a file name for a shell only when it needs it, so the usual case reads plainly. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9._\-/]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** The PX Rounds command-line check of an export. */
export function verifyCommand(fileName: string): string {
  return `npx px-rounds verify ${shellWord(fileName)}`;
}

/** The openssl check of the detached signature beside an export. */
export function opensslCommand(fileName: string, publicKeyFile = 'signer.pem'): string {
  return `openssl pkeyutl -verify -pubin -inkey ${shellWord(publicKeyFile)} -rawin -in ${shellWord(fileName)} -sigfile ${shellWord(`${fileName}.sig`)}`;
}

export const DOCUMENT_TYPE_LABELS: Readonly<Record<string, string>> = {
  round_summary: 'Round summary',
  story: 'Patient story',
  period_report: 'PEIG period report',
  you_said_we_did: '“You said, we did” poster',
};

// Files signed before the export kinds took one spelling name their kind the older way.
const EARLIER_SPELLINGS: Readonly<Record<string, string>> = {
  'round-summary': 'round_summary',
  'period-report': 'period_report',
  'you-said-we-did-poster': 'you_said_we_did',
};

export function documentTypeLabel(type: string | null): string {
  if (type === null) return 'Not known';
  return DOCUMENT_TYPE_LABELS[EARLIER_SPELLINGS[type] ?? type] ?? type;
}

/** The verdict's heading: a signature that checks out, or why the file cannot be relied on. */
export function verdictText(verification: Pick<VerificationDto, 'valid' | 'keyId'>): string {
  if (verification.valid) return 'Valid signature';
  return verification.keyId === null
    ? 'Not valid — no PX Rounds signature could be read from this file'
    : 'Not valid — this file has been changed';
}

const person = (who: { name: string; role: string }) =>
  who.role === '' ? who.name : `${who.name}, ${who.role}`;

/** Who signed, as the file itself says. */
export function signerText(verification: Pick<VerificationDto, 'signer'>): string {
  return verification.signer === null ? 'Not known' : person(verification.signer);
}

/**
 * Whose key it is, by the name the reader gave it (or "You" for this computer's own key), or
 * that nobody here knows it. A changed file still names the key that signed it: the verdict
 * beside it says the file cannot be relied on.
 */
export function keyOwnerText(verification: Pick<VerificationDto, 'trusted' | 'trustedAs'>): string {
  if (verification.trustedAs !== null) return person(verification.trustedAs);
  return 'Not known: this key is not one of your trusted signers';
}

/** A download name for the user's public key: recognisable, and unique per key. */
export function publicKeyFileName(keyId: string): string {
  return `px-rounds-public-key-${keyId.slice(0, 8)}.pem`;
}

/** A link target that downloads text as a file, without a server or a blob to clean up. */
export function textDataUrl(text: string, mediaType = 'application/x-pem-file'): string {
  return `data:${mediaType};charset=utf-8,${encodeURIComponent(text)}`;
}
