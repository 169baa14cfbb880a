import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { AuditAnchorDto } from '../../ipc/audit-schemas';
import { AppError, assertNever } from '../../ipc/errors';
import { FileExistsError, writeFileAtomically } from '../signing/atomic-file';
import { signDocx, type SignedDocx } from '../signing/sign-docx';
import type { SigningIdentity } from '../signing/signing-keys';
import type { DocumentType } from '../documents/document-types';
import { buildPeriodReportDocx } from './period-report/build-period-report';
import type { PeriodReportModel } from './period-report/period-report-model';
import { buildPosterDocx } from './poster/build-poster';
import type { PosterModel } from './poster/poster-model';
import { buildRoundSummaryDocx } from './round-summary/build-round-summary';
import type { RoundSummaryModel } from './round-summary/round-summary-model';
import { buildStoryDocx } from './story/build-story';
import type { StoryModel } from './story/story-model';

// One entry point for every export: build the Word document from its view-model, sign it with
// the signer's key, and write it (and its .sig) without ever half-writing or clobbering a file.

export type ExportRequest =
  | { documentType: 'round_summary'; model: RoundSummaryModel }
  | { documentType: 'story'; model: StoryModel }
  | { documentType: 'period_report'; model: PeriodReportModel }
  | { documentType: 'you_said_we_did'; model: PosterModel };

/** The unsigned .docx; the builders refuse (AppError) what may not be exported. */
export async function buildExportDocx(request: ExportRequest): Promise<Buffer> {
  switch (request.documentType) {
    case 'round_summary':
      return buildRoundSummaryDocx(request.model);
    case 'story':
      return buildStoryDocx(request.model);
    case 'period_report':
      return buildPeriodReportDocx(request.model);
    case 'you_said_we_did':
      return buildPosterDocx(request.model);
    default:
      return assertNever(request);
  }
}

export function exportTitle(request: ExportRequest): string {
  if (request.documentType === 'you_said_we_did') {
    return `${request.model.title ?? 'You said, we did'}: ${request.model.scope}`;
  }
  return request.model.title;
}

export type SignExportOptions = {
  identity: SigningIdentity;
  /** The app's version, recorded in the manifest. */
  appVersion: string;
  /** The signer's audit log head, signed, for the manifest to carry. */
  auditAnchor?: AuditAnchorDto;
};

export async function createSignedExport(
  request: ExportRequest,
  options: SignExportOptions,
): Promise<SignedDocx> {
  assertSignOffMatches(request, options);
  return signBuiltExport(request, await buildExportDocx(request), options);
}

/** Refuses a sign-off that names another key or an unreadable time, before any work is done. */
export function assertSignOffMatches(request: ExportRequest, options: SignExportOptions): void {
  const { signOff } = request.model;
  if (signOff.keyId !== options.identity.keyId) {
    throw new AppError(
      'validation',
      'The sign-off names a different signing key from the one signing the file.',
      'signOff',
    );
  }
  if (Number.isNaN(new Date(signOff.signedAt).getTime())) {
    throw new AppError('validation', 'The sign-off time is not a valid date.', 'signOff.signedAt');
  }
}

/** Signs a document `buildExportDocx` made from the same request (the two steps of createSignedExport). */
export function signBuiltExport(
  request: ExportRequest,
  unsigned: Buffer,
  options: SignExportOptions,
): SignedDocx {
  assertSignOffMatches(request, options);
  const { signOff } = request.model;
  return signDocx(unsigned, {
    identity: options.identity,
    documentType: request.documentType satisfies DocumentType,
    title: exportTitle(request),
    appVersion: options.appVersion,
    signer: { name: signOff.signerName, role: signOff.signerRole },
    signedAt: new Date(signOff.signedAt),
    ...(options.auditAnchor ? { auditAnchor: options.auditAnchor } : {}),
  });
}

export const sidecarPath = (docxPath: string) => `${docxPath}.sig`;

/** The command to check the sidecar with openssl, given the signer's public key saved as signer.pem. */
export function opensslVerifyCommand(docxPath: string): string {
  const name = basename(docxPath);
  return `openssl pkeyutl -verify -pubin -inkey signer.pem -rawin -in "${name}" -sigfile "${name}.sig"`;
}

/**
 * Writes FILE.docx and FILE.docx.sig, each atomically. Without `overwrite` nothing is written
 * if either exists (FileExistsError, for the UI to ask). The .docx goes first: a crash between
 * the two leaves a signed document without its sidecar, which still verifies on its own.
 */
export function writeSignedExport(
  docxPath: string,
  signed: Pick<SignedDocx, 'bytes' | 'sidecar'>,
  options: { overwrite?: boolean } = {},
): { docxPath: string; sidecarPath: string } {
  const sigPath = sidecarPath(docxPath);
  const overwrite = options.overwrite === true;
  if (!overwrite) {
    for (const path of [docxPath, sigPath]) if (existsSync(path)) throw new FileExistsError(path);
  }
  writeFileAtomically(docxPath, signed.bytes, { overwrite });
  writeFileAtomically(sigPath, signed.sidecar, { overwrite });
  return { docxPath, sidecarPath: sigPath };
}
