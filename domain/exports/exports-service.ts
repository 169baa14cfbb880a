import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedRequestOf, ResponseOf } from '../../ipc/contract';
import { AppError, assertNever } from '../../ipc/errors';
import type { AuditAnchoring } from '../audit/audit-anchors';
import type { ConsentIdentity, ConsentScope } from '../../ipc/vocabulary';
import { requireSignOff, signerOf } from '../sign-off/sign-off-service';
import { FileExistsError } from '../signing/atomic-file';
import { formatFingerprint } from '../signing/signing-keys';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';
import type { ExportJob, ExportJobs, ExportedFile } from './export-jobs';
import type { DocumentBase, SignOffModel } from './export-models';
import { periodReportFromStore, posterFromStore } from './report-models/period-from-store';
import { roundSummaryFromStore } from './report-models/round-summary-from-store';
import { storyFromStore } from './report-models/story-from-store';
import {
  buildExportDocx,
  exportTitle,
  sidecarPath,
  signBuiltExport,
  writeSignedExport,
  type ExportRequest,
} from './signed-export';

// "Export this as a signed Word document": checked and gathered from the database at once
// (so a refusal, or a file that already exists, is answered straight away), then built, signed
// and written as a job the screen can follow and cancel. Writing the .docx and its .sig, the
// audit entry and, for each story in it, the record of where the story went, happen together.

export type ExportServiceOptions = {
  store: Store;
  identity: SigningIdentitySource;
  jobs: ExportJobs;
  /** The folder exports are saved in; made when the first export is saved. */
  exportsDir: string;
  appVersion: string;
  /** The trust's name, printed above each document's title: read when each export starts. */
  organisation: () => string;
  /** Signs the audit log's head into each document's manifest, and again once it is recorded. */
  anchoring: Pick<AuditAnchoring, 'sign' | 'record'>;
};

type StoryRecord = { storyId: string; scope: ConsentScope; identity: ConsentIdentity };

type Prepared = {
  /** Its documentType is the export's kind everywhere: channel, audit entry and exports table. */
  request: ExportRequest;
  subjectId: string;
  fileName: string;
  stories: StoryRecord[];
};

/** A file name any file system accepts, from words that may contain anything. */
export function safeFileName(words: string): string {
  const cleaned = words
    .replace(/[/\\:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 140)
    .replace(/[. ]+$/, '');
  return `${cleaned || 'PX Rounds export'}.docx`;
}

function assertOwnKey(signOff: SignOffModel, keyId: string): void {
  if (signOff.keyId !== keyId) {
    throw new AppError(
      'validation',
      `This was signed off with another signing key (${formatFingerprint(signOff.keyId)}), so it can be exported only from the computer and account it was signed on.`,
      'signOff',
    );
  }
}

function prepare(options: ExportServiceOptions, request: ParsedRequestOf<'exports:start'>): Prepared {
  const { store } = options;
  const identity = options.identity();
  const organisationName = options.organisation();
  const base = (signOff: SignOffModel): DocumentBase => ({ organisation: organisationName, signOff });
  const attestedNow = (r: { signerName: string; signerRole: string; attestation: string }): SignOffModel => ({
    signerName: r.signerName,
    signerRole: r.signerRole,
    attestation: r.attestation,
    signedAt: store.now().toISOString(),
    keyId: identity.keyId,
  });
  const named = (fileName: string) => request.fileName ?? fileName;
  switch (request.documentType) {
    case 'round_summary': {
      const signOff = signerOf(requireSignOff(store, 'round', request.roundId));
      assertOwnKey(signOff, identity.keyId);
      const model = roundSummaryFromStore(store, request.roundId, base(signOff));
      return {
        request: { documentType: 'round_summary', model },
        subjectId: request.roundId,
        fileName: named(safeFileName(`Round summary ${model.site} ${model.date}`)),
        stories: [],
      };
    }
    case 'story': {
      const signOff = signerOf(requireSignOff(store, 'story', request.storyId));
      assertOwnKey(signOff, identity.keyId);
      const model = storyFromStore(store, request.storyId, request.audience, base(signOff));
      return {
        request: { documentType: 'story', model: { ...model } },
        subjectId: request.storyId,
        fileName: named(
          safeFileName(
            `Patient story ${signOff.signedAt.slice(0, 10)} ${request.storyId.slice(0, 8)} ${request.audience}`,
          ),
        ),
        stories: [
          {
            storyId: request.storyId,
            scope: request.audience,
            identity: model.consent.anonymised ? 'anonymised' : 'named',
          },
        ],
      };
    }
    case 'period_report': {
      const { model, storyIds } = periodReportFromStore(store, request, base(attestedNow(request)));
      return {
        request: { documentType: 'period_report', model },
        subjectId: `${request.from}/${request.to}`,
        fileName: named(
          safeFileName(
            `PEIG report ${request.from} to ${request.to}${request.site ? ` ${request.site}` : ''}`,
          ),
        ),
        stories: storyIds.map((storyId) => ({ storyId, scope: 'peig', identity: 'anonymised' })),
      };
    }
    case 'you_said_we_did': {
      const model = posterFromStore(store, request, base(attestedNow(request)));
      return {
        request: { documentType: 'you_said_we_did', model },
        subjectId: request.areaId ?? `${request.from}/${request.to}`,
        fileName: named(
          safeFileName(`You said we did ${request.from} to ${request.to} ${request.orientation}`),
        ),
        stories: [],
      };
    }
    default:
      return assertNever(request);
  }
}

function assertFree(path: string): void {
  for (const p of [path, sidecarPath(path)]) if (existsSync(p)) throw new FileExistsError(p);
}

export function startExport(
  options: ExportServiceOptions,
  request: ParsedRequestOf<'exports:start'>,
): ResponseOf<'exports:start'> {
  const prepared = prepare(options, request);
  const path = join(options.exportsDir, prepared.fileName);
  // Asked before any work, so the screen can ask "replace it?" at once; checked again on saving.
  if (!request.overwrite) assertFree(path);
  const withName = {
    ...prepared.request,
    model: { ...prepared.request.model, fileName: prepared.fileName },
  } as ExportRequest;
  return options.jobs.start(async (control) => {
    control.stage(0.1, 'Building the document');
    const unsigned = await buildExportDocx(withName);
    if (await control.cancelled()) return null;
    control.stage(0.7, 'Signing the document');
    const identity = options.identity();
    const signed = signBuiltExport(withName, unsigned, {
      identity,
      appVersion: options.appVersion,
      auditAnchor: options.anchoring.sign('export'),
    });
    if (await control.cancelled()) return null;
    control.stage(0.9, 'Saving the file');
    const saved = saveExport(options, prepared, withName, path, signed, request.overwrite);
    options.anchoring.record('export');
    return saved;
  }, 'Checking what will leave PX Rounds');
}

function saveExport(
  options: ExportServiceOptions,
  prepared: Prepared,
  request: ExportRequest,
  path: string,
  signed: ReturnType<typeof signBuiltExport>,
  overwrite: boolean,
): ExportedFile {
  const { store } = options;
  mkdirSync(options.exportsDir, { recursive: true });
  const sha256 = createHash('sha256').update(signed.bytes).digest('hex');
  return store.transaction(() => {
    const now = store.now().toISOString();
    for (const story of prepared.stories) {
      store.stories.recordExport({
        storyId: story.storyId,
        exportedAt: now,
        kind: prepared.request.documentType,
        fileName: prepared.fileName,
        scope: story.scope,
        identity: story.identity,
      });
    }
    const { signOff } = request.model;
    store.audit.append({
      action: 'export',
      entity: prepared.request.documentType,
      entityId: prepared.subjectId,
      detail: {
        fileName: prepared.fileName,
        title: exportTitle(request),
        sha256,
        keyId: signOff.keyId,
        signerName: signOff.signerName,
        signerRole: signOff.signerRole,
        attestation: signOff.attestation,
        signedAt: signOff.signedAt,
        stories: prepared.stories,
        replaced: overwrite,
      },
    });
    // Written last, inside the transaction: should writing fail, the records above roll back.
    const written = writeSignedExport(path, signed, { overwrite });
    return {
      fileName: prepared.fileName,
      path: written.docxPath,
      sidecarPath: written.sidecarPath,
      bytes: signed.bytes.length,
      sha256,
      fingerprint: formatFingerprint(signOff.keyId),
    };
  });
}

export type { ExportJob };
