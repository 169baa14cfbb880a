import type { KeyWrapper } from '../../db/key-file';
import type { AuditAnchoring } from '../audit/audit-anchors';
import type { HandlerMap } from '../handler-types';
import { wrappedKeyState } from '../signing/locked-keys';
import { SIGNING_KEY_FILE } from '../signing/signing-keys';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';
import type { ExportJobs } from './export-jobs';
import { startExport } from './exports-service';
import { periodPreview } from './report-models/period-from-store';
import { verifyExport } from './verify-service';

export type ExportsHandlers = HandlerMap<
  'exports:start' | 'exports:status' | 'exports:cancel' | 'exports:verify' | 'exports:period-preview'
>;

export type ExportsHandlerOptions = {
  identity: SigningIdentitySource;
  jobs: ExportJobs;
  dataDir: string;
  keyWrapper: KeyWrapper;
  exportsDir: string;
  appVersion: string;
  /** The trust's name, read when each export starts. */
  organisation: () => string;
  anchoring: AuditAnchoring;
};

export function exportsHandlers(store: Store, options: ExportsHandlerOptions): ExportsHandlers {
  const { identity, jobs } = options;
  const exportOptions = {
    store,
    identity,
    jobs,
    exportsDir: options.exportsDir,
    appVersion: options.appVersion,
    organisation: options.organisation,
    anchoring: options.anchoring,
  };
  // Verifying never makes a key: the person's own key counts only once it exists and opens here.
  const existingIdentity = () =>
    wrappedKeyState(options.dataDir, SIGNING_KEY_FILE, options.keyWrapper) === 'ready' ? identity() : null;
  return {
    'exports:start': (request) => startExport(exportOptions, request),
    'exports:status': ({ jobId }) => jobs.status(jobId),
    'exports:cancel': ({ jobId }) => jobs.cancel(jobId),
    'exports:verify': (request) => verifyExport(store, existingIdentity(), request),
    'exports:period-preview': (request) => periodPreview(store, request),
  };
}
