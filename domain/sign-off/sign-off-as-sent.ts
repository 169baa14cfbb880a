import type { AddendumContentDto, RoundContentDto, StoryContentDto } from '../../ipc/bundle-units-schemas';
import { canonical } from '../signing/signature-manifest';
import type { SigningIdentity } from '../signing/signing-keys';
import {
  byId,
  sha256,
  signFields,
  sortedDecisions,
  sortedTags,
  verifyFields,
  type SignedFields,
} from './sign-off-content';

// A sign-off signs a record as its author's laptop holds it. What leaves the app in a bundle can
// differ: the personal details the signer chose at sign-off to remove are replaced, and a story
// no longer points at a round that is not sent. The laptop that imports it hashes what it holds
// (sign-off-content.ts), so the original signature would show there as not valid. Before it
// leaves, the signer's own key signs the same sign-off (same signer, attestation and time) over
// the content as sent, and each correction again over that content. Only where the original
// signature holds for the record as stored and was made with this laptop's key: a record changed
// since sign-off is never vouched for afresh, and travels with its original signature.
//
// The content hashed here is built from a unit's content in exactly the shape sign-off-content.ts
// builds from the tables (sign-off-as-sent.test.ts holds the two to the same hash).

type SignOffBlock = RoundContentDto['signOff'];
export type Sendable =
  | { kind: 'round'; id: string; stored: RoundContentDto; sent: RoundContentDto }
  | { kind: 'story'; id: string; stored: StoryContentDto; sent: StoryContentDto };
export type SentSignOff = {
  signOff: SignOffBlock;
  /** The content hash the original sign-off covers, for re-signing its corrections. */
  storedSha256: string;
};

function roundSigned(content: RoundContentDto): unknown {
  const { updatedAt: _updatedAt, ...round } = content.round;
  const decisions = (itemId: string) => sortedDecisions(content.decisions.filter((d) => d.itemId === itemId));
  return {
    round,
    team: content.team.map((m) => ({ ...m, roundId: round.id })),
    areas: content.areas.map((v) => ({
      id: v.id,
      areaId: v.area.id,
      name: v.area.name,
      visitedAt: v.visitedAt,
    })),
    observations: byId(content.observations).map((o) => ({
      ...o,
      roundId: round.id,
      decisions: decisions(o.id),
    })),
    tags: sortedTags(content.tags.map(({ createdAt: _createdAt, ...t }) => t)),
  };
}

function storySigned(content: StoryContentDto): unknown {
  const { updatedAt: _updatedAt, ...story } = content.story;
  return {
    story,
    consent: { ...content.consent, storyId: story.id, scopes: JSON.stringify(content.consent.scopes) },
    readBacks: content.readBacks.map((r) => ({ ...r, storyId: story.id })),
    tags: sortedTags(content.tags.map(({ createdAt: _createdAt, ...t }) => t)),
    decisions: sortedDecisions(content.decisions),
  };
}

/** SHA-256 of the content a round's sign-off covers, from the round as a unit carries it. */
export const roundSignedSha256 = (content: RoundContentDto): string =>
  sha256(canonical(roundSigned(content)));
/** SHA-256 of the content a story's sign-off covers, from the story as a unit carries it. */
export const storySignedSha256 = (content: StoryContentDto): string =>
  sha256(canonical(storySigned(content)));

const hashOf = (item: Sendable, which: 'stored' | 'sent'): string =>
  item.kind === 'round' ? roundSignedSha256(item[which]) : storySignedSha256(item[which]);

const fieldsOf = (kind: 'round' | 'story', itemId: string, s: SignOffBlock, sha: string): SignedFields => ({
  kind,
  itemId,
  contentSha256: sha,
  signerName: s.signerName,
  signerRole: s.signerRole,
  attestation: s.attestation,
  signedAt: s.signedAt,
  keyId: s.keyId,
});

/**
 * The sign-off over the content as sent; null when the sent content is what was signed, or when
 * it cannot be vouched for, so the original travels unchanged.
 */
export function signOffAsSent(item: Sendable, identity: SigningIdentity): SentSignOff | null {
  const original = item.stored.signOff;
  const storedSha = hashOf(item, 'stored');
  const sentSha = hashOf(item, 'sent');
  if (sentSha === original.contentSha256) return null;
  const holds =
    storedSha === original.contentSha256 &&
    verifyFields(
      fieldsOf(item.kind, item.id, original, storedSha),
      original.publicKeyPem,
      original.signature,
    );
  if (!holds || identity.keyId !== original.keyId) return null;
  return {
    storedSha256: storedSha,
    signOff: {
      ...original,
      contentSha256: sentSha,
      signature: signFields(fieldsOf(item.kind, item.id, original, sentSha), identity),
    },
  };
}

/** A correction's signature over the content as sent, or its own where it cannot be vouched for. */
export function addendumSignatureAsSent(
  addendum: AddendumContentDto & { id: string },
  asSent: SentSignOff,
  identity: SigningIdentity,
): string {
  const fields = (sha: string): SignedFields => ({
    kind: addendum.kind,
    itemId: addendum.itemId,
    contentSha256: sha,
    signerName: addendum.signerName,
    signerRole: addendum.signerRole,
    attestation: '',
    signedAt: addendum.signedAt,
    keyId: addendum.keyId,
    addendum: { id: addendum.id, text: addendum.text },
  });
  const holds = verifyFields(fields(asSent.storedSha256), addendum.publicKeyPem, addendum.signature);
  return holds && addendum.keyId === identity.keyId
    ? signFields(fields(asSent.signOff.contentSha256), identity)
    : addendum.signature;
}
