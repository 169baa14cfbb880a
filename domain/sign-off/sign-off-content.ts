import { createHash, sign, verify } from 'node:crypto';
import type { SignOffKind } from '../../ipc/sign-off-schemas';
import { canonical } from '../signing/signature-manifest';
import { keyIdOf, parsePublicKeyPem, type SigningIdentity } from '../signing/signing-keys';
import type { Store } from '../store';

// What a sign-off signs: the record's content as the database holds it, serialised the one
// canonical way (keys sorted, rows in a fixed order), hashed, and bound together with who signed,
// what they attested and when. The signature is re-checked whenever the sign-off is read, so a
// change made to the record afterwards by any route (a raw UPDATE with the triggers dropped, an
// edited file) shows as an invalid signature rather than passing silently.
//
// Fields that may legitimately change after sign-off are left out: a round's status and
// updated_at (signing off sets them), and a story's status, withdrawal date and updated_at (a
// storyteller may always withdraw).

export const SIGN_OFF_FORMAT = 'px-rounds-sign-off/1';

// The same canonical content is also built from a record as it travels in a bundle
// (sign-off-as-sent.ts), so these orderings are shared with it.
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
export const byId = <T extends { id: string | number }>(rows: readonly T[]) =>
  rows.toSorted((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
const tagKey = (t: { itemId: string; frameworkId: string; tagId: string }) =>
  `${t.itemId}\u0000${t.frameworkId}\u0000${t.tagId}`;
export const sortedTags = <T extends { itemId: string; frameworkId: string; tagId: string }>(
  tags: readonly T[],
) => tags.toSorted((a, b) => (tagKey(a) < tagKey(b) ? -1 : tagKey(a) > tagKey(b) ? 1 : 0));

// Where a record came from (migration 0014) is not part of what its author signed: it is null
// on the author's laptop and set on the laptops that import it, and the content must hash the
// same on both.
function withoutProvenance<T extends { contributorKeyId: unknown; bundleId: unknown; importedAt: unknown }>(
  row: T,
): Omit<T, 'contributorKeyId' | 'bundleId' | 'importedAt'> {
  const { contributorKeyId: _k, bundleId: _b, importedAt: _i, ...rest } = row;
  return rest;
}

export const sortedDecisions = <T extends { field: string; findingKey: string }>(rows: readonly T[]) =>
  rows.toSorted((a, b) => {
    const ka = `${a.field}\u0000${a.findingKey}`;
    const kb = `${b.field}\u0000${b.findingKey}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });

function decisionsOf(store: Store, kind: 'observation' | 'story', itemId: string) {
  return sortedDecisions(store.clearance.forItem(kind, itemId).map(({ id: _id, ...row }) => row));
}

function roundContent(store: Store, roundId: string): unknown {
  const round = store.rounds.get(roundId);
  if (!round) return null;
  const { status: _status, updatedAt: _updatedAt, ...withProvenance } = round;
  const fixed = withoutProvenance(withProvenance);
  const observations = byId(store.observations.listForRound(roundId));
  return {
    round: fixed,
    team: store.rounds.team(roundId),
    areas: store.areas.listVisits(roundId),
    observations: observations.map((row) => ({
      ...row,
      decisions: decisionsOf(store, 'observation', row.id),
    })),
    tags: sortedTags(store.tags.forRoundObservations(roundId)),
  };
}

function storyContent(store: Store, storyId: string): unknown {
  const story = store.stories.get(storyId);
  if (!story) return null;
  const { status: _status, withdrawnOn: _withdrawnOn, updatedAt: _updatedAt, ...withProvenance } = story;
  const fixed = withoutProvenance(withProvenance);
  return {
    story: fixed,
    consent: store.stories.consent(storyId) ?? null,
    readBacks: store.stories.readBacks(storyId),
    tags: sortedTags(store.tags.forItem('story', storyId)),
    decisions: decisionsOf(store, 'story', storyId),
  };
}

/** SHA-256 of the canonical content of the round or story as it stands now. */
export function contentSha256(store: Store, kind: SignOffKind, id: string): string {
  return sha256(canonical(kind === 'round' ? roundContent(store, id) : storyContent(store, id)));
}

export type SignedFields = {
  kind: SignOffKind;
  itemId: string;
  contentSha256: string;
  signerName: string;
  signerRole: string;
  /** Empty for an addendum, whose text is its own content. */
  attestation: string;
  signedAt: string;
  keyId: string;
  /** For an addendum: its id and text; absent for the sign-off itself. */
  addendum?: { id: string; text: string };
};

function payload(fields: SignedFields): Buffer {
  return Buffer.from(canonical({ format: SIGN_OFF_FORMAT, ...fields }), 'utf8');
}

/** Base64 of the Ed25519 signature over the fields. */
export function signFields(fields: SignedFields, identity: SigningIdentity): string {
  return sign(null, payload(fields), identity.privateKey).toString('base64');
}

/** True when the signature matches the fields and the key, and the key has the id stated. */
export function verifyFields(fields: SignedFields, publicKeyPem: string, signature: string): boolean {
  try {
    const key = parsePublicKeyPem(publicKeyPem);
    if (keyIdOf(key) !== fields.keyId) return false;
    const bytes = Buffer.from(signature, 'base64');
    return bytes.length === 64 && verify(null, payload(fields), key, bytes);
  } catch {
    return false;
  }
}
