import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { UNIT_FORMAT, type BundleUnitKind, type SignedUnitDto } from '../../ipc/bundles-schemas';
import { canonical } from '../signing/signature-manifest';
import type { SigningIdentity } from '../signing/signing-keys';

// A signed unit is the smallest thing that travels: one signed-off round with everything in it,
// one approved story, one addendum, one action event, one consent withdrawal. Each is signed on
// its own by the contributor (Ed25519 over the canonical JSON of its kind, id, key id and
// content), so it can be checked outside any bundle: a trust hub stores one row per unit, and
// the merge keys on the unit's id. One signature per round rather than per observation keeps
// signing a 5,000-observation round to one operation.

export type UnitKind = BundleUnitKind;
type UnitOf<K extends UnitKind> = Extract<SignedUnitDto, { kind: K }>;

const payload = (unit: { kind: UnitKind; id: string; contributorKeyId: string; content: unknown }): Buffer =>
  Buffer.from(
    canonical({
      format: UNIT_FORMAT,
      kind: unit.kind,
      id: unit.id,
      contributorKeyId: unit.contributorKeyId,
      content: unit.content,
    }),
    'utf8',
  );

export function signUnit<K extends UnitKind>(
  kind: K,
  id: string,
  content: UnitOf<K>['content'],
  identity: SigningIdentity,
): UnitOf<K> {
  const unsigned = { format: UNIT_FORMAT, kind, id, contributorKeyId: identity.keyId, content };
  const signature = sign(null, payload(unsigned), identity.privateKey).toString('base64');
  return { ...unsigned, signature } as unknown as UnitOf<K>;
}

/** True when the unit's signature is the contributor's over exactly this content. */
export function verifyUnit(unit: SignedUnitDto, publicKey: KeyObject): boolean {
  const signature = Buffer.from(unit.signature, 'base64');
  try {
    return signature.length === 64 && verify(null, payload(unit), publicKey, signature);
  } catch {
    return false;
  }
}

/** SHA-256 of the unit's canonical content: equal for the same record, whatever bundle brought it. */
export const unitContentSha256 = (unit: Pick<SignedUnitDto, 'content'>): string =>
  createHash('sha256').update(canonical(unit.content), 'utf8').digest('hex');

/**
 * A stable UUID for a record that has no UUID of its own on the contributor's laptop (an action's
 * status change, a revisit, a withdrawal): the same facts always give the same id, so sending
 * them again is recognised as the same event. Formatted as an RFC 9562 version 8 UUID.
 */
export function derivedUuid(...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000'), 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x80;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
