import { describe, expect, it } from 'vitest';
import { bundleSourceRepository } from '../../db/repositories/bundle-source-repository';
import {
  bundlesDepsOf,
  exchangeCollectionKey,
  fullDump,
  sealUnits,
  sendBundle,
} from '../../test/helpers/bundle-fixtures';
import { signedOffRound } from '../../test/helpers/sign-off-fixtures';
import { contextForEachTest, createTestContext, type TestContext } from '../../test/helpers/test-context';
import type { SignedUnitDto } from '../../ipc/bundle-units-schemas';
import { BundleError, type BundleRefusal } from './bundle-errors';
import { collectBundleContents } from './bundle-export';
import { collectionPublicKeyFromPem } from './collection-keys';
import { importBundleFile, type BundlesDeps } from './bundles-service';
import { derivedUuid, signUnit } from './signed-units';

let governor: TestContext;
let lead: TestContext;
let g: BundlesDeps;
let l: BundlesDeps;
let keyId: string;
contextForEachTest((ctx) => {
  governor = ctx;
  g = bundlesDepsOf(ctx);
});
contextForEachTest((ctx) => {
  lead = ctx;
  l = bundlesDepsOf(ctx);
  keyId = exchangeCollectionKey(l, [g]);
});

/** A bundle of exactly these units, sealed and signed as the governor's app would. */
function craft(units: SignedUnitDto[], format?: 1 | 2): Buffer {
  const recipient = g.repo.collectionKey(keyId)!;
  return sealUnits(
    units,
    g.identity(),
    { keyId, publicKey: collectionPublicKeyFromPem(keyId, recipient.publicKeyPem) },
    undefined,
    undefined,
    format,
  );
}

function ownUnits(): SignedUnitDto[] {
  return collectBundleContents(
    {
      source: bundleSourceRepository(governor.store.sqlite),
      identity: g.identity(),
      staffNames: [],
      now: new Date(),
    },
    { since: null, until: new Date(Date.now() + 1000).toISOString(), from: null, to: null },
  ).units;
}

function expectRefused(bytes: Buffer, reason: BundleRefusal, message: RegExp, confirmSigner = true) {
  const before = fullDump(lead);
  let error: unknown = null;
  try {
    importBundleFile(l, bytes, { fileName: 'bundle.pxbundle', confirmSigner });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(BundleError);
  expect((error as BundleError).reason).toBe(reason);
  expect((error as BundleError).message).toMatch(message);
  expect(fullDump(lead)).toBe(before);
}

describe('a bundle that is refused, with its own message, leaving the database unchanged', () => {
  it('a truncated file', async () => {
    await signedOffRound(governor);
    const sent = sendBundle(g, keyId);
    expectRefused(sent.bytes.subarray(0, sent.bytes.length - 100), 'truncated', /incomplete: it should be/);
    expectRefused(sent.bytes.subarray(0, 40), 'truncated', /ends in the middle of its header/);
  });

  it('another file renamed to .pxbundle', () => {
    expectRefused(Buffer.from('PK\u0003\u0004 a Word document'), 'not_bundle', /not a PX Rounds bundle/);
  });

  it('a bundle made for another collection key', async () => {
    await signedOffRound(governor);
    const other = createTestContext();
    try {
      const otherKey = exchangeCollectionKey(bundlesDepsOf(other), [g]);
      const sent = sendBundle(g, otherKey);
      expectRefused(sent.bytes, 'wrong_recipient', /made for another collection key/);
    } finally {
      other.dispose();
    }
  });

  it('a signer nobody has trusted or confirmed, named with their fingerprint', async () => {
    await signedOffRound(governor);
    const sent = sendBundle(g, keyId);
    const fingerprint = g.identity().keyId.slice(0, 4).toUpperCase();
    expectRefused(
      sent.bytes,
      'untrusted_signer',
      new RegExp(`signed by Helen Adeyemi, whose key \\(${fingerprint}`),
      false,
    );
  });

  it('one changed byte in the encrypted body', async () => {
    await signedOffRound(governor);
    const bytes = Buffer.from(sendBundle(g, keyId).bytes);
    bytes[bytes.length - 200] = bytes[bytes.length - 200]! ^ 0x01;
    expectRefused(bytes, 'bad_signature', /changed since it was signed/);
  });

  it('a bundle from a newer version of PX Rounds', async () => {
    await signedOffRound(governor);
    const bytes = Buffer.from(sendBundle(g, keyId).bytes);
    expect(bytes.subarray(0, 18).toString('latin1')).toBe('PX-ROUNDS-BUNDLE 3');
    bytes.write('PX-ROUNDS-BUNDLE 4', 0, 'latin1');
    expectRefused(
      bytes,
      'newer_format',
      /newer version of PX Rounds \(bundle format 4; this version reads up to 3/,
    );
  });

  it('a record that fails validation, even when properly signed', async () => {
    await signedOffRound(governor);
    const [round] = ownUnits();
    if (round?.kind !== 'round') throw new Error('expected a round');
    const content = structuredClone(round.content);
    (content.observations[0] as { kind: string }).kind = 'smelt';
    expectRefused(
      craft([signUnit('round', round.id, content, g.identity())]),
      'invalid_record',
      /Record 1 \(.*\) in this bundle is not valid: content\.observations\.0\.kind/,
    );
  });

  it('a record whose own signature does not match, inside a properly signed bundle', async () => {
    await signedOffRound(governor);
    const [round] = ownUnits();
    if (round?.kind !== 'round') throw new Error('expected a round');
    const altered = {
      ...round,
      content: { ...round.content, round: { ...round.content.round, site: 'Chelsea' } },
    };
    expectRefused(craft([altered]), 'invalid_record', /its own signature does not match/);
  });

  it('a tag label in a bundle of format 1, which had none; the same label in format 2 imports', async () => {
    await signedOffRound(governor);
    const tagId = derivedUuid('custom tag', 'Parking');
    const label = signUnit(
      'tag_label',
      derivedUuid('tag-label', tagId),
      { frameworkId: 'custom', tagId, label: 'Parking', createdAt: new Date().toISOString() },
      g.identity(),
    );
    expectRefused(
      craft([...ownUnits(), label], 1),
      'invalid_record',
      /a tag label cannot be in a bundle of format 1/,
    );
    const outcome = importBundleFile(l, craft([...ownUnits(), label], 2), {
      fileName: 'bundle.pxbundle',
      confirmSigner: true,
    });
    expect(outcome.added.tag_label).toBe(1);
  });

  it('a conflict: the same round with different content refuses the whole bundle, names the round, and rolls back what came before it', async () => {
    await signedOffRound(governor);
    importBundleFile(l, sendBundle(g, keyId).bytes, { fileName: 'first.pxbundle', confirmSigner: true });
    await signedOffRound(governor);
    const units = ownUnits();
    const [first, second] = units.filter((u) => u.kind === 'round');
    if (first?.kind !== 'round' || second?.kind !== 'round') throw new Error('expected two rounds');
    const changed = structuredClone(first.content);
    changed.observations[0]!.text = 'A different account of the same moment.';
    const conflicting = signUnit('round', first.id, changed, g.identity());
    // The new round comes first, so the merge has written it before it meets the conflict.
    expectRefused(
      craft([second, conflicting]),
      'conflict',
      new RegExp(`the round at Sutton on .* \\(${first.id}\\) is already here with different content`),
    );
    expect(lead.store.sqlite.prepare('SELECT count(*) FROM rounds WHERE id = ?').pluck().get(second.id)).toBe(
      0,
    );
  });
});

describe('tampering', () => {
  it('refuses every one of 1,000 random single-byte changes', async () => {
    await signedOffRound(governor);
    const original = sendBundle(g, keyId).bytes;
    const before = fullDump(lead);
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const reasons = new Map<string, number>();
    for (let i = 0; i < 1000; i += 1) {
      const bytes = Buffer.from(original);
      const at = Math.floor(random() * bytes.length);
      bytes[at] = bytes[at]! ^ (1 + Math.floor(random() * 255));
      let refused: BundleError | null = null;
      try {
        importBundleFile(l, bytes, { fileName: 'flipped.pxbundle', confirmSigner: true });
      } catch (error) {
        if (error instanceof BundleError) refused = error;
        else throw error;
      }
      expect(refused, `byte ${at} changed and the bundle was accepted`).not.toBeNull();
      reasons.set(refused!.reason, (reasons.get(refused!.reason) ?? 0) + 1);
    }
    expect(fullDump(lead)).toBe(before);
    expect(
      [...reasons.keys()].every((r) =>
        ['bad_signature', 'damaged', 'truncated', 'not_bundle', 'newer_format'].includes(r),
      ),
    ).toBe(true);
  });
});
