import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyWrapper } from '../../db/key-file';
import type { AuditAnchoring } from '../audit/audit-anchors';
import type { HandlerMap } from '../handler-types';
import { writeFileAtomically } from '../signing/atomic-file';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';
import {
  addCollectionKey,
  collectionKeyInfo,
  createBundlesDeps,
  importBundleInSteps,
  importLog,
  inspectBundleFile,
  listCollectionKeys,
  makeBundle,
  previewBundle,
  removeCollectionKey,
  setUpCollectionKey,
} from './bundles-service';
import { collectionKeyState, replaceLockedCollectionKey } from './collection-key-replacement';
import type { ImportJobs } from './import-jobs';

export type BundlesHandlers = HandlerMap<
  | 'bundles:collection-key'
  | 'bundles:set-up-collection-key'
  | 'bundles:collection-key-state'
  | 'bundles:replace-locked-collection-key'
  | 'bundles:recipients'
  | 'bundles:add-recipient'
  | 'bundles:remove-recipient'
  | 'bundles:preview'
  | 'bundles:send'
  | 'bundles:inspect'
  | 'bundles:import-start'
  | 'bundles:import-status'
  | 'bundles:import-cancel'
  | 'bundles:import-log'
>;

export type BundlesHandlerOptions = {
  /** Running and recently finished imports; made by the app so that closing it can cancel them. */
  jobs: ImportJobs;
  dataDir: string;
  keyWrapper: KeyWrapper;
  identity: SigningIdentitySource;
  /** Bundles are saved beside the exports, in a folder of their own. */
  exportsDir: string;
  appVersion: string;
  anchoring: AuditAnchoring;
};

export const BUNDLES_FOLDER = 'PEIG bundles';

export function bundlesHandlers(store: Store, options: BundlesHandlerOptions): BundlesHandlers {
  const deps = createBundlesDeps({
    store,
    identity: options.identity,
    dataDir: options.dataDir,
    keyWrapper: options.keyWrapper,
    appVersion: options.appVersion,
    anchoring: options.anchoring,
  });
  const { jobs } = options;
  return {
    'bundles:collection-key': () => collectionKeyInfo(deps),
    'bundles:set-up-collection-key': ({ name }) => setUpCollectionKey(deps, name),
    'bundles:collection-key-state': () => collectionKeyState(deps),
    'bundles:replace-locked-collection-key': () => replaceLockedCollectionKey(deps),
    'bundles:recipients': () => listCollectionKeys(deps),
    'bundles:add-recipient': ({ content }) => addCollectionKey(deps, content),
    'bundles:remove-recipient': ({ keyId }) => removeCollectionKey(deps, keyId),
    'bundles:preview': (request) =>
      previewBundle(deps, { ...request, contributorName: '', contributorRole: '' }),
    'bundles:send': (request) => {
      const { bytes, ...made } = makeBundle(deps, request, (fileName, content) => {
        const folder = join(options.exportsDir, BUNDLES_FOLDER);
        mkdirSync(folder, { recursive: true });
        const path = join(folder, fileName);
        writeFileAtomically(path, content);
        return path;
      });
      return { ...made, contentBase64: bytes.toString('base64') };
    },
    'bundles:inspect': ({ fileName, contentBase64 }) =>
      inspectBundleFile(deps, fileName, Buffer.from(contentBase64, 'base64')),
    'bundles:import-start': ({ fileName, contentBase64, confirmSigner }) =>
      jobs.start((control) =>
        importBundleInSteps(deps, Buffer.from(contentBase64, 'base64'), { fileName, confirmSigner }, control),
      ),
    'bundles:import-status': ({ jobId }) => jobs.status(jobId),
    'bundles:import-cancel': ({ jobId }) => jobs.cancel(jobId),
    'bundles:import-log': () => importLog(deps),
  };
}
