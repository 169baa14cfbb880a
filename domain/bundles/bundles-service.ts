import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyWrapper } from '../../db/key-file';
import { bundleSourceRepository } from '../../db/repositories/bundle-source-repository';
import { bundlesRepository, type BundlesRepository } from '../../db/repositories/bundles-repository';
import { notFoundError } from '../../ipc/errors';
import { createAuditAnchoring, type AuditAnchoring } from '../audit/audit-anchors';
import { staffNames } from '../settings/staff-names';
import { formatFingerprint, SIGNING_KEY_FILE } from '../signing/signing-keys';
import type { SigningIdentitySource } from '../signing/signing-service';
import type { Store } from '../store';
import { BundleError } from './bundle-errors';
import { collectBundleContents, type LeftOut } from './bundle-export';
import { BUNDLE_EXTENSION, sealBundle } from './bundle-file';
import {
  collectionPublicKeyFile,
  collectionPublicKeyFromPem,
  createCollectionIdentity,
  loadCollectionIdentity,
  parseCollectionPublicKey,
  type CollectionIdentity,
} from './collection-keys';
import type { SignedUnitDto } from '../../ipc/bundle-units-schemas';
import {
  checkBundle,
  checkCounts,
  inspectBundle,
  mergeCheckedBundle,
  openCheckedEnvelope,
  validateUnit,
  type CheckedBundle,
  type ImportOutcome,
} from './import-bundle';
import type { ImportControl, ImportResult } from './import-jobs';

// The bundles feature's service: the PEIG lead's collection key, the collection keys a
// contributor sends to, making a bundle, and importing one. Files arrive and leave as bytes:
// choosing and saving them is the screen's business (a dialog in the app, an upload in the
// browser host), as for verifying an export.

export type BundlesDeps = {
  store: Store;
  repo: BundlesRepository;
  identity: SigningIdentitySource;
  dataDir: string;
  keyWrapper: KeyWrapper;
  appVersion: string;
  /** Signs the audit log's head into each bundle's header, and again once it is recorded. */
  anchoring: AuditAnchoring;
};

export function createBundlesDeps(
  options: Omit<BundlesDeps, 'repo' | 'anchoring'> & { anchoring?: AuditAnchoring },
): BundlesDeps {
  return {
    ...options,
    anchoring: options.anchoring ?? createAuditAnchoring(options.store, options.dataDir, options.identity),
    repo: bundlesRepository(options.store.sqlite),
  };
}

// Per data folder and key store: the same folder opened through another key store (a re-imaged
// laptop) must not see the key this one unwrapped.
let cachedCollection: { dataDir: string; wrapper: KeyWrapper; identity: CollectionIdentity } | null = null;
function collection(deps: BundlesDeps): CollectionIdentity | null {
  if (cachedCollection?.dataDir === deps.dataDir && cachedCollection.wrapper === deps.keyWrapper) {
    return cachedCollection.identity;
  }
  const identity = loadCollectionIdentity(deps.dataDir, deps.keyWrapper);
  if (identity) cachedCollection = { dataDir: deps.dataDir, wrapper: deps.keyWrapper, identity };
  return identity;
}

export function collectionKeyInfo(deps: BundlesDeps) {
  const own = collection(deps);
  return own
    ? {
        exists: true as const,
        keyId: own.keyId,
        fingerprint: formatFingerprint(own.keyId),
        name: own.name,
        publicKeyFile: collectionPublicKeyFile(own),
      }
    : { exists: false as const };
}

export function setUpCollectionKey(deps: BundlesDeps, name: string) {
  const created = createCollectionIdentity(deps.dataDir, deps.keyWrapper, name);
  cachedCollection = { dataDir: deps.dataDir, wrapper: deps.keyWrapper, identity: created };
  deps.store.transaction(() =>
    deps.store.audit.append({
      action: 'create',
      entity: 'collection_key',
      entityId: created.keyId,
      detail: { name, fingerprint: formatFingerprint(created.keyId), algorithm: 'X25519' },
    }),
  );
  return collectionKeyInfo(deps);
}

const keyInfo = (row: { keyId: string; name: string; addedAt: string }) => ({
  keyId: row.keyId,
  name: row.name,
  fingerprint: formatFingerprint(row.keyId),
  addedAt: row.addedAt,
});

export const listCollectionKeys = (deps: BundlesDeps) => ({ keys: deps.repo.collectionKeys().map(keyInfo) });

export function addCollectionKey(deps: BundlesDeps, fileText: string) {
  const key = parseCollectionPublicKey(fileText);
  return deps.store.transaction(() => {
    const existing = deps.repo.collectionKey(key.keyId);
    const row = {
      keyId: key.keyId,
      name: key.name,
      publicKeyPem: key.publicKeyPem,
      addedAt: existing?.addedAt ?? deps.store.now().toISOString(),
    };
    deps.repo.saveCollectionKey(row);
    deps.store.audit.append({
      action: existing ? 'update' : 'create',
      entity: 'collection_key',
      entityId: key.keyId,
      detail: { name: key.name, fingerprint: formatFingerprint(key.keyId) },
    });
    return keyInfo(row);
  });
}

export function removeCollectionKey(deps: BundlesDeps, keyId: string) {
  return deps.store.transaction(() => {
    const existing = deps.repo.collectionKey(keyId);
    if (!existing) throw notFoundError('That collection key');
    deps.repo.removeCollectionKey(keyId);
    deps.store.audit.append({
      action: 'delete',
      entity: 'collection_key',
      entityId: keyId,
      detail: { name: existing.name },
    });
    return listCollectionKeys(deps);
  });
}

export type BundleRequest = {
  recipientKeyId: string;
  /** null: everything signed off since the last bundle to this key. */
  period: { from: string; to: string } | null;
  contributorName: string;
  contributorRole: string;
};

function contentsFor(deps: BundlesDeps, request: BundleRequest, until: string) {
  const recipient = deps.repo.collectionKey(request.recipientKeyId);
  if (!recipient) throw notFoundError('That collection key');
  const since = request.period ? null : deps.repo.lastSentAt(recipient.keyId);
  // Times are compared as UTC text in the database, so an instant given with an offset is
  // written the same way first.
  const utc = (iso: string | undefined) => (iso === undefined ? null : new Date(iso).toISOString());
  const window = { since, until, from: utc(request.period?.from), to: utc(request.period?.to) };
  const contents = collectBundleContents(
    {
      source: bundleSourceRepository(deps.store.sqlite),
      identity: deps.identity(),
      staffNames: staffNames(deps.store),
      now: deps.store.now(),
    },
    window,
  );
  return { recipient, since, window, contents };
}

const leftOutInfo = (l: LeftOut) => ({ kind: l.kind, id: l.id, title: l.title, reason: l.reason });

/** What a bundle would hold now, without signing or saving anything. */
export function previewBundle(deps: BundlesDeps, request: BundleRequest) {
  const { since, contents } = contentsFor(deps, request, deps.store.now().toISOString());
  return { since, counts: contents.counts, leftOut: contents.leftOut.map(leftOutInfo) };
}

/**
 * Makes the bundle file, has `save` write it, and only then records it as sent, so the next
 * bundle never skips what a file that failed to save would have carried.
 */
export function makeBundle(
  deps: BundlesDeps,
  request: BundleRequest,
  save: (fileName: string, bytes: Buffer) => string = () => '',
) {
  const createdAt = deps.store.now().toISOString();
  const { recipient, window, contents } = contentsFor(deps, request, createdAt);
  const bundleId = randomUUID();
  const bytes = sealBundle({
    header: {
      appVersion: deps.appVersion,
      bundleId,
      createdAt,
      contributor: { name: request.contributorName, role: request.contributorRole },
      period: { from: window.from ?? window.since, to: window.to ?? createdAt },
      counts: contents.counts,
      auditAnchor: deps.anchoring.sign('bundle'),
    },
    units: contents.units,
    contributor: deps.identity(),
    recipient: {
      keyId: recipient.keyId,
      publicKey: collectionPublicKeyFromPem(recipient.keyId, recipient.publicKeyPem),
    },
  });
  const fileName = `px-rounds-${createdAt.slice(0, 10)}-${bundleId.slice(0, 8)}${BUNDLE_EXTENSION}`;
  const path = save(fileName, bytes);
  deps.store.transaction(() => {
    deps.repo.recordSent({
      bundleId,
      recipientKeyId: recipient.keyId,
      createdAt,
      periodFrom: window.from ?? window.since,
      periodTo: window.to ?? createdAt,
      counts: JSON.stringify(contents.counts),
      fileName,
    });
    deps.store.audit.append({
      action: 'export',
      entity: 'bundle',
      entityId: bundleId,
      detail: {
        recipient: recipient.name,
        fingerprint: formatFingerprint(recipient.keyId),
        counts: contents.counts,
      },
    });
  });
  deps.anchoring.record('bundle');
  return {
    bundleId,
    fileName,
    path,
    bytes,
    counts: contents.counts,
    leftOut: contents.leftOut.map(leftOutInfo),
  };
}

/** This laptop's signing key id, without making a key: importing never creates one. */
export function ownKeyId(deps: BundlesDeps): string | null {
  return existsSync(join(deps.dataDir, SIGNING_KEY_FILE)) ? deps.identity().keyId : null;
}

function isTrusted(deps: BundlesDeps): (keyId: string) => boolean {
  const own = ownKeyId(deps);
  return (keyId) => deps.store.trustedSigners.get(keyId) !== undefined || keyId === own;
}

export function inspectBundleFile(deps: BundlesDeps, fileName: string, bytes: Buffer) {
  const { header, signerTrusted } = inspectBundle(bytes, isTrusted(deps));
  const own = collection(deps);
  return {
    fileName,
    header,
    contributorFingerprint: formatFingerprint(header.contributor.keyId),
    recipientFingerprint: formatFingerprint(header.recipientKeyId),
    signerTrusted,
    forThisLaptop: own !== null && own.keyId === header.recipientKeyId,
  };
}

/** The signer (if the person confirmed them), the merge and the log entry, in one transaction. */
function commitImport(deps: BundlesDeps, checked: CheckedBundle, fileName: string): ImportOutcome {
  const { contributor } = checked.envelope.header;
  const importedAt = deps.store.now().toISOString();
  return deps.store.transaction(() => {
    if (!isTrusted(deps)(contributor.keyId)) {
      deps.store.trustedSigners.save({
        keyId: contributor.keyId,
        name: contributor.name || 'Contributor',
        role: contributor.role,
        publicKeyPem: contributor.publicKeyPem,
        addedAt: importedAt,
      });
      deps.store.audit.append({
        action: 'create',
        entity: 'trusted_signer',
        entityId: contributor.keyId,
        detail: {
          name: contributor.name,
          role: contributor.role,
          fingerprint: formatFingerprint(contributor.keyId),
          confirmedOnImport: true,
        },
      });
    }
    const outcome = mergeCheckedBundle(deps.repo, checked, {
      fileName,
      importedAt,
      ownKeyId: ownKeyId(deps),
    });
    if (outcome.alreadyImportedAt === null) {
      deps.store.audit.append({
        action: 'create',
        entity: 'bundle_import',
        entityId: checked.envelope.header.bundleId,
        detail: {
          contributor: contributor.name,
          fingerprint: formatFingerprint(contributor.keyId),
          added: outcome.added,
          skipped: outcome.skipped,
        },
      });
    }
    return outcome;
  });
}

/**
 * Imports one bundle at once: checked in full first, then committed. Any refusal leaves the
 * database as it was.
 */
export function importBundleFile(
  deps: BundlesDeps,
  bytes: Buffer,
  options: { fileName: string; confirmSigner: boolean },
): ImportOutcome {
  const checked = checkBundle(bytes, {
    collection: collection(deps),
    isTrusted: isTrusted(deps),
    confirmSigner: options.confirmSigner,
  });
  return commitImport(deps, checked, options.fileName);
}

const VALIDATE_CHUNK = 50;

/** The same import as a job, with progress and a cancel that lands between checking steps. */
export async function importBundleInSteps(
  deps: BundlesDeps,
  bytes: Buffer,
  options: { fileName: string; confirmSigner: boolean },
  control: ImportControl,
): Promise<ImportResult | null> {
  control.stage(0.05, 'Checking the signature');
  const { envelope, raw } = openCheckedEnvelope(bytes, {
    collection: collection(deps),
    isTrusted: isTrusted(deps),
    confirmSigner: options.confirmSigner,
  });
  const seen = new Set<string>();
  const units: SignedUnitDto[] = [];
  for (let start = 0; start < raw.length; start += VALIDATE_CHUNK) {
    if (await control.cancelled()) return null;
    control.stage(
      0.1 + 0.7 * (start / raw.length),
      `Checking records: ${start.toLocaleString('en-GB')} of ${raw.length.toLocaleString('en-GB')}`,
    );
    raw
      .slice(start, start + VALIDATE_CHUNK)
      .forEach((value, i) => units.push(validateUnit(value, start + i, envelope, seen)));
  }
  checkCounts(units, envelope);
  if (await control.cancelled()) return null;
  control.stage(0.85, 'Adding the records');
  const outcome = commitImport(deps, { envelope, units }, options.fileName);
  return {
    fileName: options.fileName,
    bundleId: outcome.header.bundleId,
    contributorName: outcome.header.contributor.name,
    contributorFingerprint: formatFingerprint(outcome.header.contributor.keyId),
    alreadyImportedAt: outcome.alreadyImportedAt,
    added: outcome.added,
    skipped: outcome.skipped,
    withdrawn: outcome.withdrawn,
  };
}

export function importLog(deps: BundlesDeps) {
  return {
    entries: deps.repo.importLog().map((row) => ({
      ...row,
      fingerprint: formatFingerprint(row.contributorKeyId),
      added: JSON.parse(row.added) as Record<string, number>,
      skipped: JSON.parse(row.skipped) as Record<string, number>,
    })),
  };
}

export { BundleError };
