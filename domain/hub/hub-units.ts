import { createPublicKey, type KeyObject } from 'node:crypto';
import type { HubUnitRow } from '../../db/hub/hub-client';
import { SignedUnit, type SignedUnitDto } from '../../ipc/bundle-units-schemas';
import { verifyUnit } from '../bundles/signed-units';
import { formatFingerprint } from '../signing/signing-keys';
import { canonical } from '../signing/signature-manifest';

// A signed unit as one hub row and back. The row's payload is the canonical JSON of everything
// the signature covers, so the hub stores the very bytes that were signed and a laptop that
// pulls them checks the signature against the signers it trusts, never the hub's word.

export function toHubRow(unit: SignedUnitDto): HubUnitRow {
  const { signature, ...signed } = unit;
  return {
    id: unit.id,
    kind: unit.kind,
    keyId: unit.contributorKeyId,
    payload: canonical(signed),
    signature,
  };
}

export type CheckedRow = { ok: true; unit: SignedUnitDto } | { ok: false; reason: string };

/** Parses, validates and verifies a pulled row; `keyFor` gives a trusted signer's key or null. */
export function checkHubRow(row: HubUnitRow, keyFor: (keyId: string) => KeyObject | null): CheckedRow {
  let signed: unknown;
  try {
    signed = JSON.parse(row.payload);
  } catch {
    return { ok: false, reason: 'its content is not readable' };
  }
  const parsed = SignedUnit.safeParse({ ...(signed as object), signature: row.signature });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, reason: `${issue.path.join('.') || 'the record'} ${issue.message}` };
  }
  const unit = parsed.data;
  if (unit.id !== row.id || unit.kind !== row.kind || unit.contributorKeyId !== row.keyId) {
    return { ok: false, reason: 'its content does not match the row it came in' };
  }
  const key = keyFor(row.keyId);
  if (!key) {
    return {
      ok: false,
      reason: `it is signed by a key this computer does not trust yet (${formatFingerprint(row.keyId)})`,
    };
  }
  if (!verifyUnit(unit, key)) return { ok: false, reason: 'its signature does not match its content' };
  return { ok: true, unit };
}

export const publicKeyOf = (pem: string): KeyObject => createPublicKey(pem);
