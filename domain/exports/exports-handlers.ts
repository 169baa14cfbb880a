import { organisation, setOrganisation } from '../settings/organisation';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyWrapper } from '../../db/key-file';
import { toErrorShape } from '../handler-registry';
import type { HandlerMap } from '../handler-types';
import { addAddendum, getReview, signOff } from '../sign-off/sign-off-service';
import { SIGNING_KEY_FILE } from '../signing/signing-keys';
import {
  createSigningIdentitySource,
  identityInfo,
  trustedSignerList,
  trustSigner,
  untrustSigner,
} from '../signing/signing-service';
import type { Store } from '../store';
import { createExportJobs, type ExportJobs } from './export-jobs';
import { startExport } from './exports-service';
import { verifyExport } from './verify-service';

export type ExportHandlers = HandlerMap<
  | 'signing:identity'
  | 'signing:trusted-list'
  | 'signing:trust'
  | 'signing:untrust'
  | 'review:get'
  | 'sign-off:sign'
  | 'sign-off:add-addendum'
  | 'exports:start'
  | 'exports:status'
  | 'exports:cancel'
  | 'exports:verify'
  | 'settings:get-organisation'
  | 'settings:set-organisation'
>;

export type ExportHandlerOptions = {
  dataDir: string;
  keyWrapper: KeyWrapper;
  exportsDir: string;
  appVersion: string;
  /** The organisation's name until someone sets it in settings. */
  defaultOrganisation: string;
};

export function exportHandlers(
  store: Store,
  options: ExportHandlerOptions,
): { handlers: ExportHandlers; jobs: ExportJobs } {
  const identity = createSigningIdentitySource(store, options.dataDir, options.keyWrapper);
  const jobs = createExportJobs({ now: store.now, toErrorShape });
  const exportOptions = {
    store,
    identity,
    jobs,
    exportsDir: options.exportsDir,
    appVersion: options.appVersion,
    organisation: () => organisation(store, options.defaultOrganisation).name,
  };
  // Verifying never makes a key: the person's own key counts only once it exists.
  const existingIdentity = () => (existsSync(join(options.dataDir, SIGNING_KEY_FILE)) ? identity() : null);
  return {
    jobs,
    handlers: {
      'signing:identity': () => identityInfo(identity()),
      'signing:trusted-list': () => trustedSignerList(store),
      'signing:trust': (request) => trustSigner(store, identity, request),
      'signing:untrust': ({ keyId }) => untrustSigner(store, keyId),
      'review:get': (request) => getReview(store, request),
      'sign-off:sign': (request) => signOff(store, identity, request),
      'sign-off:add-addendum': (request) => addAddendum(store, identity, request),
      'exports:start': (request) => startExport(exportOptions, request),
      'exports:status': ({ jobId }) => jobs.status(jobId),
      'exports:cancel': ({ jobId }) => jobs.cancel(jobId),
      'exports:verify': (request) => verifyExport(store, existingIdentity(), request),
      'settings:get-organisation': () => organisation(store, options.defaultOrganisation),
      'settings:set-organisation': ({ name }) => setOrganisation(store, name),
    },
  };
}
