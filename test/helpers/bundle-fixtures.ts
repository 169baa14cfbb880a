import { randomUUID, type KeyObject } from 'node:crypto';
import { sealBundle } from '../../domain/bundles/bundle-file';
import { collectionPublicKeyFromPem } from '../../domain/bundles/collection-keys';
import { signUnit } from '../../domain/bundles/signed-units';
import type { SigningIdentity } from '../../domain/signing/signing-keys';
import type { RoundContentDto, SignedUnitDto } from '../../ipc/bundle-units-schemas';
import { countsOf } from '../../domain/bundles/import-bundle';
import { createFileKeyWrapper } from '../../domain/signing/file-key-wrapper';
import { createSigningIdentitySource } from '../../domain/signing/signing-service';
import {
  addCollectionKey,
  collectionKeyInfo,
  createBundlesDeps,
  makeBundle,
  setUpCollectionKey,
  type BundlesDeps,
} from '../../domain/bundles/bundles-service';
import type { TestContext } from './test-context';

/** The bundles feature's dependencies over a test context's own data folder. */
export function bundlesDepsOf(ctx: TestContext): BundlesDeps {
  const keyWrapper = createFileKeyWrapper(ctx.dataDir);
  return createBundlesDeps({
    store: ctx.store,
    identity: createSigningIdentitySource(ctx.store, ctx.dataDir, keyWrapper),
    dataDir: ctx.dataDir,
    keyWrapper,
    appVersion: '0.0.0-test',
  });
}

/** Makes `lead` a collector and gives its collection key to each contributor. */
export function exchangeCollectionKey(lead: BundlesDeps, contributors: readonly BundlesDeps[]): string {
  const info = collectionKeyInfo(lead).exists
    ? collectionKeyInfo(lead)
    : setUpCollectionKey(lead, 'PEIG, Example Trust');
  if (!info.exists) throw new Error('no collection key');
  for (const c of contributors) addCollectionKey(c, info.publicKeyFile);
  return info.keyId;
}

export function sendBundle(contributor: BundlesDeps, recipientKeyId: string, name = 'Helen Adeyemi') {
  return makeBundle(contributor, {
    recipientKeyId,
    period: null,
    contributorName: name,
    contributorRole: 'Governor',
  });
}

/**
 * Every row of every table, in a fixed order: two databases with the same dump hold the same data.
 * Left out: last_checkpoint, the time the write-ahead log was last checkpointed, which a timer
 * writes a second after any write, whatever the write was.
 */
export function fullDump(ctx: TestContext): string {
  const tables = ctx.store.sqlite
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'last_checkpoint' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return tables
    .map(
      (t) =>
        `${t}\n${(ctx.store.sqlite.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][])
          .map((r) => JSON.stringify(r))
          .sort()
          .join('\n')}`,
    )
    .join('\n');
}

/** A signed-off round of `count` observations, as a contributor's app would put it in a bundle. */
export function syntheticRound(
  count: number,
  site = 'Sutton',
  at = new Date(Date.now() - 3_600_000).toISOString(),
): RoundContentDto {
  const area = { id: randomUUID(), site, name: `Ward ${randomUUID().slice(0, 8)}`, createdAt: at };
  return {
    round: {
      id: randomUUID(),
      startsAt: at,
      site,
      templateId: null,
      createdAt: at,
      updatedAt: at,
      completedAt: at,
    },
    template: null,
    team: [],
    areas: [{ id: randomUUID(), area, visitedAt: at, position: 0 }],
    observations: Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      areaId: area.id,
      capturedAt: at,
      kind: 'heard' as const,
      source: 'patient' as const,
      text: `The staff on the ward were kind and explained everything (${i}).`,
      promptId: null,
      createdAt: at,
      updatedAt: at,
      sentimentSuggested: 'positive' as const,
      sentimentDrivers: '[]',
      sentimentConfirmed: null,
      fftAnswer: null,
      equalityStatus: 'not_recorded' as const,
      needsFollowUp: false,
    })),
    tags: [],
    decisions: [],
    signOff: {
      signerName: 'Helen Adeyemi',
      signerRole: 'Governor',
      attestation: 'I confirm',
      signedAt: at,
      keyId: 'a'.repeat(64),
      publicKeyPem: 'pem',
      contentSha256: 'b'.repeat(64),
      signature: 'c2ln',
    },
  };
}

/** Units sealed from `contributor` to a collection key, under the header its app would write. */
export function sealUnits(
  units: SignedUnitDto[],
  contributor: SigningIdentity,
  recipient: { keyId: string; publicKey: KeyObject },
  from = { name: 'Helen Adeyemi', role: 'Governor' },
  appVersion = '0.0.0-test',
  format?: 1 | 2,
): Buffer {
  const now = new Date().toISOString();
  return sealBundle({
    header: {
      appVersion,
      bundleId: randomUUID(),
      createdAt: now,
      contributor: from,
      period: { from: null, to: now },
      counts: countsOf(units),
    },
    units,
    contributor,
    recipient,
    format,
  });
}

/** A bundle of these rounds from `contributor` to `lead`'s collection key. */
export function bundleOfRounds(
  lead: BundlesDeps,
  contributor: SigningIdentity,
  rounds: readonly RoundContentDto[],
  format?: 1 | 2,
): Buffer {
  const info = collectionKeyInfo(lead);
  if (!info.exists) throw new Error('no collection key');
  const units = rounds.map((r) => signUnit('round', r.round.id, r, contributor));
  const { publicKeyPem } = JSON.parse(info.publicKeyFile) as { publicKeyPem: string };
  return sealUnits(
    units,
    contributor,
    {
      keyId: info.keyId,
      publicKey: collectionPublicKeyFromPem(info.keyId, publicKeyPem),
    },
    undefined,
    undefined,
    format,
  );
}
