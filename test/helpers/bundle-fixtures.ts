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
