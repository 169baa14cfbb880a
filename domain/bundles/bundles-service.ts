import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyWrapper } from '../../db/key-file';
import { bundleSourceRepository } from '../../db/repositories/bundle-source-repository';
import { bundlesRepository, type BundlesRepository } from '../../db/repositories/bundles-repository';
import { notFoundError } from '../../ipc/errors';
import { staffNames } from '../clearance/staff-names';
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
import { checkBundle, inspectBundle, mergeCheckedBundle, type ImportOutcome } from './import-bundle';

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
};

export function createBundlesDeps(options: Omit<BundlesDeps, 'repo'>): BundlesDeps {
  return { ...options, repo: bundlesRepository(options.store.sqlite) };
}

let cachedCollection: { dataDir: string; identity: CollectionIdentity } | null = null;
function collection(deps: BundlesDeps): CollectionIdentity | null {
  if (cachedCollection?.dataDir === deps.dataDir) return cachedCollection.identity;
  const identity = loadCollectionIdentity(deps.dataDir, deps.keyWrapper);
  if (identity) cachedCollection = { dataDir: deps.dataDir, identity };
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
  cachedCollection = { dataDir: deps.dataDir, identity: created };
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
  const window = { since, until, from: request.period?.from ?? null, to: request.period?.to ?? null };
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

/** Makes the bundle file and records it as sent; the caller saves the bytes where the person chose. */
export function makeBundle(deps: BundlesDeps, request: BundleRequest) {
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
    },
    units: contents.units,
    contributor: deps.identity(),
    recipient: {
      keyId: recipient.keyId,
      publicKey: collectionPublicKeyFromPem(recipient.keyId, recipient.publicKeyPem),
    },
  });
  const fileName = `px-rounds-${createdAt.slice(0, 10)}-${bundleId.slice(0, 8)}${BUNDLE_EXTENSION}`;
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
  return { bundleId, fileName, bytes, counts: contents.counts, leftOut: contents.leftOut.map(leftOutInfo) };
}

/** This laptop's signing key id, without making a key: importing never creates one. */
export function ownKeyId(deps: BundlesDeps): string | null {
  return existsSync(join(deps.dataDir, SIGNING_KEY_FILE)) ? deps.identity().keyId : null;
}

function isTrusted(deps: BundlesDeps): (keyId: string) => boolean {
  const own = ownKeyId(deps);
  return (keyId) => deps.store.trustedSigners.get(keyId) !== undefined || keyId === own;
}

export function inspectBundleFile(deps: BundlesDeps, bytes: Buffer) {
  const { header, signerTrusted } = inspectBundle(bytes, isTrusted(deps));
  const own = collection(deps);
  return { header, signerTrusted, forThisLaptop: own !== null && own.keyId === header.recipientKeyId };
}

/**
 * Imports one bundle: checked in full first, then the signer (if the person confirmed them),
 * the merge and the log entry in one transaction. Any refusal leaves the database as it was.
 */
export function importBundleFile(
  deps: BundlesDeps,
  bytes: Buffer,
  options: { fileName: string; confirmSigner: boolean },
): ImportOutcome {
  const trusted = isTrusted(deps);
  const checked = checkBundle(bytes, {
    collection: collection(deps),
    isTrusted: trusted,
    confirmSigner: options.confirmSigner,
  });
  const { contributor } = checked.envelope.header;
  const importedAt = deps.store.now().toISOString();
  return deps.store.transaction(() => {
    if (!trusted(contributor.keyId)) {
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
      fileName: options.fileName,
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
