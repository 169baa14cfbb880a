import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyWrapper } from '../../db/key-file';
import { bundlesDepsOf, sendBundle } from '../../test/helpers/bundle-fixtures';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { contextForEachTest, makeTempDir, type TestContext } from '../../test/helpers/test-context';
import { createFileKeyWrapper } from '../signing/file-key-wrapper';
import { createSigningIdentitySource } from '../signing/signing-service';
import {
  addCollectionKey,
  collectionKeyInfo,
  createBundlesDeps,
  importBundleFile,
  inspectBundleFile,
  setUpCollectionKey,
  type BundlesDeps,
} from './bundles-service';
import { collectionKeyState, replaceLockedCollectionKey } from './collection-key-replacement';
import { COLLECTION_KEY_FILE, COLLECTION_PUBLIC_KEY_FILE, parseCollectionPublicKey } from './collection-keys';

// The PEIG lead's data folder opened on a second computer (a re-imaged laptop, after the
// recovery key): each computer's key store is a real AES-GCM wrapper over a secret of its own,
// outside the data folder. The second cannot unwrap the collection key the first one made.

let governor: TestContext;
let lead: TestContext;
const cleanups: (() => void)[] = [];
contextForEachTest((ctx) => (governor = ctx));
contextForEachTest((ctx) => (lead = ctx));
afterEach(() => {
  cleanups.splice(0).forEach((clean) => clean());
});

function computer(): KeyWrapper {
  const temp = makeTempDir('pxr-key-store-');
  cleanups.push(temp.remove);
  return createFileKeyWrapper(temp.dir);
}

const leadOn = (keyWrapper: KeyWrapper): BundlesDeps =>
  createBundlesDeps({
    store: lead.store,
    identity: createSigningIdentitySource(lead.store, lead.dataDir, keyWrapper),
    dataDir: lead.dataDir,
    keyWrapper,
    appVersion: '0.0.0-test',
  });

function publicFile(deps: BundlesDeps): string {
  const info = collectionKeyInfo(deps);
  if (!info.exists) throw new Error('no collection key');
  return info.publicKeyFile;
}

describe('a collection key this computer cannot unlock', () => {
  it('is reported plainly, replaced under the same name, and the new key opens bundles sent to it', async () => {
    await signedOffRound(governor);
    const g = bundlesDepsOf(governor);
    const first = leadOn(computer());
    const old = setUpCollectionKey(first, 'PEIG, Example Trust');
    if (!old.exists) throw new Error('no collection key');
    addCollectionKey(g, old.publicKeyFile);
    const toOldKey = sendBundle(g, old.keyId);
    const wrapped = readFileSync(join(lead.dataDir, COLLECTION_KEY_FILE));

    const second = leadOn(computer());
    expect(collectionKeyState(second)).toEqual({ state: 'locked', earlierKeys: [] });
    expect(() => collectionKeyInfo(second)).toThrow(
      /could not be unlocked.*Go to Collection key to make a new one/,
    );

    const replaced = replaceLockedCollectionKey(second);
    if (!replaced.key.exists) throw new Error('no new collection key');
    expect(replaced.key.name).toBe('PEIG, Example Trust');
    expect(replaced.key.keyId).not.toBe(old.keyId);
    expect(replaced.earlier).toMatchObject({ keyId: old.keyId, fingerprint: old.fingerprint });
    expect(readFileSync(join(lead.dataDir, replaced.earlier.keptAs))).toEqual(wrapped);
    expect(
      parseCollectionPublicKey(readFileSync(join(lead.dataDir, COLLECTION_PUBLIC_KEY_FILE), 'utf8')).keyId,
    ).toBe(replaced.key.keyId);
    expect(collectionKeyState(second)).toEqual({ state: 'ready', earlierKeys: [replaced.earlier] });
    const audit = lead.store.sqlite
      .prepare("SELECT entity_id, detail FROM audit_log WHERE entity = 'collection_key' ORDER BY seq")
      .all() as { entity_id: string; detail: string }[];
    expect(audit.map((a) => a.entity_id)).toEqual([old.keyId, replaced.key.keyId]);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({
      earlierKeyId: old.keyId,
      earlierKeptAs: replaced.earlier.keptAs,
    });

    // What was sent to the old key is for another key now; the governor adds the new key file
    // and sends again, and that bundle opens and imports here.
    expect(inspectBundleFile(second, toOldKey.fileName, toOldKey.bytes).forThisLaptop).toBe(false);
    addCollectionKey(g, publicFile(second));
    const again = sendBundle(g, replaced.key.keyId);
    expect(inspectBundleFile(second, again.fileName, again.bytes).forThisLaptop).toBe(true);
    const outcome = importBundleFile(second, again.bytes, { fileName: again.fileName, confirmSigner: true });
    expect(outcome.added).toMatchObject({ round: 1 });
  });

  it('is never replaced while it still opens, and a laptop without one is told to set one up', () => {
    const wrapper = computer();
    const deps = leadOn(wrapper);
    expect(() => replaceLockedCollectionKey(deps)).toThrow(/no collection key to replace/);
    const made = setUpCollectionKey(deps, 'PEIG, Example Trust');
    const wrapped = readFileSync(join(lead.dataDir, COLLECTION_KEY_FILE));
    expect(() => replaceLockedCollectionKey(leadOn(wrapper))).toThrow(
      /opens on this computer, so it has not been replaced/,
    );
    expect(readFileSync(join(lead.dataDir, COLLECTION_KEY_FILE))).toEqual(wrapped);
    expect(collectionKeyInfo(leadOn(wrapper))).toEqual(made);
  });
});
