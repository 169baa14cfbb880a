import type { ParsedRequestOf, ResponseOf } from '../../ipc/contract';
import { lockedError, validationError } from '../../ipc/errors';
import type { SignOffKind } from '../../ipc/sign-off-schemas';
import type { AddendumRow, SignOffRow } from '../../db/repositories/sign-off-repository';
import type { AuditAnchoring } from '../audit/audit-anchors';
import { checkClearance } from '../clearance/clearance-service';
import { DEFAULT_ATTESTATIONS } from '../documents/document-types';
import { KIND_LABELS, formatDate, plural } from '../documents/document-labels';
import { requireRound } from '../rounds/rounds-service';
import { formatFingerprint } from '../signing/signing-keys';
import type { SigningIdentitySource } from '../signing/signing-service';
import { firstWords } from '../first-words';
import type { Store } from '../store';
import { consentStateOf, londonDate } from '../stories/consent-rules';
import { requireStory } from '../stories/stories-service';
import { calendarDateIn, TRUST_TIME_ZONE } from '../time/trust-time';
import { contentSha256, signFields, verifyFields, type SignedFields } from './sign-off-content';

// Sign-off: what will leave the app, whether it may be signed, and the signature
// itself. A completed round or an approved story (with consent in date) is signed once; the
// round moves to signed_off and the database locks both from then on (migration 0009). Later
// corrections are addenda, each signed the same way, appended and never changed.

type SignOffDetail = ResponseOf<'sign-off:get'>;
type SignOffItem = SignOffDetail['items'][number];

const londonTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: TRUST_TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

function signedFieldsOf(row: SignOffRow): SignedFields {
  return {
    kind: row.kind,
    itemId: row.itemId,
    contentSha256: row.contentSha256,
    signerName: row.signerName,
    signerRole: row.signerRole,
    attestation: row.attestation,
    signedAt: row.signedAt,
    keyId: row.keyId,
  };
}

/** Who signed, what they attested, when and with which key: what a document prints of a sign-off. */
export function signerOf(row: SignOffRow) {
  return {
    signerName: row.signerName,
    signerRole: row.signerRole,
    attestation: row.attestation,
    signedAt: row.signedAt,
    keyId: row.keyId,
  };
}

function signOffInfo(store: Store, row: SignOffRow): NonNullable<SignOffDetail['signOff']> {
  const unchanged = contentSha256(store, row.kind, row.itemId) === row.contentSha256;
  return {
    ...signerOf(row),
    fingerprint: formatFingerprint(row.keyId),
    signatureValid: unchanged && verifyFields(signedFieldsOf(row), row.publicKeyPem, row.signature),
  };
}

function addendumFields(row: AddendumRow, contentSha: string): SignedFields {
  return {
    kind: row.kind,
    itemId: row.itemId,
    contentSha256: contentSha,
    signerName: row.signerName,
    signerRole: row.signerRole,
    attestation: '',
    signedAt: row.signedAt,
    keyId: row.keyId,
    addendum: { id: row.id, text: row.text },
  };
}

function addendumInfo(row: AddendumRow, signOff: SignOffRow): ResponseOf<'sign-off:add-addendum'> {
  return {
    id: row.id,
    text: row.text,
    signerName: row.signerName,
    signerRole: row.signerRole,
    signedAt: row.signedAt,
    keyId: row.keyId,
    fingerprint: formatFingerprint(row.keyId),
    // An addendum is bound to the sign-off it corrects through that sign-off's content hash.
    signatureValid: verifyFields(addendumFields(row, signOff.contentSha256), row.publicKeyPem, row.signature),
  };
}

function undecidedBlocker(count: number, what: string): string {
  return count === 1
    ? `1 ${what} has possible personal details that still need a decision: remove each, or keep it and say why.`
    : `${count} ${what}s have possible personal details that still need a decision: remove each, or keep it and say why.`;
}

function roundSignOffDetail(
  store: Store,
  id: string,
): Omit<SignOffDetail, 'signOff' | 'addenda' | 'readyToSign'> {
  const round = requireRound(store, id);
  const areas = store.areas.listVisits(id);
  const areaNames = new Map(areas.map((a) => [a.areaId, a.name]));
  const team = store.rounds.team(id);
  const observations = store.observations.listForRound(id);
  const items: SignOffItem[] = observations.map((o) => ({
    itemKind: 'observation',
    itemId: o.id,
    // The first words tell apart observations made in the same area and minute.
    heading: `${areaNames.get(o.areaId) ?? 'Area'} · ${KIND_LABELS[o.kind].toLowerCase()} · ${londonTime(o.capturedAt)} · “${firstWords(o.text)}”`,
    text: o.text,
    clearance: checkClearance(store, { itemKind: 'observation', itemId: o.id }),
  }));
  const blockers: string[] = [];
  if (round.status === 'planned' || round.status === 'in_progress') {
    blockers.push('Complete the round before signing it off.');
  }
  const notClear = items.filter((i) => !i.clearance.clear).length;
  if (notClear > 0) blockers.push(undecidedBlocker(notClear, 'observation'));
  const date = formatDate(calendarDateIn(new Date(round.startsAt)));
  return {
    kind: 'round',
    id,
    title: `Round at ${round.site}, ${date}`,
    summary: [
      plural(areas.length, 'area') + ' visited',
      plural(observations.length, 'observation'),
      team.length > 0 ? `Visiting team: ${team.map((m) => m.name).join(', ')}` : 'No visiting team recorded',
    ],
    items,
    blockers,
    defaultAttestation: DEFAULT_ATTESTATIONS['round_summary'],
  };
}

function storySignOffDetail(
  store: Store,
  id: string,
): Omit<SignOffDetail, 'signOff' | 'addenda' | 'readyToSign'> {
  const story = requireStory(store, id);
  const consent = store.stories.consent(id);
  const consentState = consentStateOf(story.status, consent, londonDate(store.now()));
  const clearance = checkClearance(store, { itemKind: 'story', itemId: id });
  const blockers: string[] = [];
  if (story.status === 'draft' || story.status === 'read_back') {
    blockers.push('Approve the story (after reading it back to the storyteller) before signing it off.');
  }
  if (story.status === 'withdrawn' || consentState === 'withdrawn') {
    blockers.push('The storyteller has withdrawn consent, so this story cannot be signed off.');
  } else if (consentState === 'none') {
    blockers.push('Record the storyteller’s consent before signing the story off.');
  } else if (consentState === 'expired') {
    blockers.push(
      `The storyteller’s consent was due for review on ${formatDate(consent?.reviewOn ?? '')}. Record renewed consent first.`,
    );
  }
  if (!clearance.clear && story.status !== 'withdrawn') blockers.push(...clearance.blockers);
  const consentLine =
    consentState === 'valid' && consent
      ? `Consent in date until ${formatDate(consent.reviewOn)}`
      : consentState === 'expired'
        ? 'Consent past its review date'
        : consentState === 'withdrawn'
          ? 'Consent withdrawn'
          : 'No consent recorded';
  return {
    kind: 'story',
    id,
    title: story.title,
    summary: [`Written up by ${story.author}`, consentLine],
    items: [{ itemKind: 'story', itemId: id, heading: story.title, text: story.narrative, clearance }],
    blockers,
    defaultAttestation: DEFAULT_ATTESTATIONS.story,
  };
}

export function getSignOff(store: Store, request: ParsedRequestOf<'sign-off:get'>): SignOffDetail {
  const base =
    request.kind === 'round' ? roundSignOffDetail(store, request.id) : storySignOffDetail(store, request.id);
  const row = store.signOffs.get(request.kind, request.id);
  const blockers = row ? [] : base.blockers;
  return {
    ...base,
    blockers,
    readyToSign: !row && blockers.length === 0,
    signOff: row ? signOffInfo(store, row) : null,
    addenda: row ? store.signOffs.addenda(request.kind, request.id).map((a) => addendumInfo(a, row)) : [],
  };
}

export function requireSignOff(store: Store, kind: SignOffKind, id: string): SignOffRow {
  const row = store.signOffs.get(kind, id);
  if (!row) {
    throw validationError(
      'signOff',
      kind === 'round'
        ? 'Sign off the round before exporting its summary'
        : 'Sign off the story before exporting it',
    );
  }
  return row;
}

/** Signs the audit log's head once a sign-off or a correction has committed. */
export type SignOffAnchoring = Pick<AuditAnchoring, 'record'>;

export function signOff(
  store: Store,
  identity: SigningIdentitySource,
  request: ParsedRequestOf<'sign-off:sign'>,
  anchoring: SignOffAnchoring,
): ResponseOf<'sign-off:sign'> {
  const signer = identity();
  const signed = store.transaction(() => {
    if (store.signOffs.get(request.kind, request.id)) {
      throw lockedError(
        `This ${request.kind} has already been signed off. Add a signed correction (an addendum) instead.`,
      );
    }
    const review = getSignOff(store, { kind: request.kind, id: request.id });
    if (!review.readyToSign) {
      throw validationError('request', `This cannot be signed off yet: ${review.blockers.join(' ')}`);
    }
    const fields: SignedFields = {
      kind: request.kind,
      itemId: request.id,
      contentSha256: contentSha256(store, request.kind, request.id),
      signerName: request.signerName,
      signerRole: request.signerRole,
      attestation: request.attestation,
      signedAt: store.now().toISOString(),
      keyId: signer.keyId,
    };
    const row: SignOffRow = {
      ...fields,
      publicKeyPem: signer.publicKeyPem,
      signature: signFields(fields, signer),
    };
    store.signOffs.insert(row);
    if (request.kind === 'round') store.rounds.setStatus(request.id, 'signed_off', fields.signedAt);
    store.audit.append({
      action: 'sign_off',
      entity: request.kind,
      entityId: request.id,
      detail: {
        signerName: fields.signerName,
        signerRole: fields.signerRole,
        attestation: fields.attestation,
        keyId: fields.keyId,
        contentSha256: fields.contentSha256,
      },
    });
    return signOffInfo(store, row);
  });
  anchoring.record('sign_off');
  return signed;
}

export function addAddendum(
  store: Store,
  identity: SigningIdentitySource,
  request: ParsedRequestOf<'sign-off:add-addendum'>,
  anchoring: SignOffAnchoring,
): ResponseOf<'sign-off:add-addendum'> {
  const signer = identity();
  const added = store.transaction(() => {
    if (request.kind === 'round') requireRound(store, request.id);
    else requireStory(store, request.id);
    const signOffRow = store.signOffs.get(request.kind, request.id);
    if (!signOffRow) {
      throw validationError(
        'request',
        `A correction is added only after sign-off. This ${request.kind} can still be changed directly`,
      );
    }
    const row: AddendumRow = {
      id: store.newId(),
      kind: request.kind,
      itemId: request.id,
      text: request.text,
      signerName: request.signerName,
      signerRole: request.signerRole,
      signedAt: store.now().toISOString(),
      keyId: signer.keyId,
      publicKeyPem: signer.publicKeyPem,
      signature: '',
    };
    row.signature = signFields(addendumFields(row, signOffRow.contentSha256), signer);
    store.signOffs.addAddendum(row);
    store.audit.append({
      action: 'sign_off',
      entity: `${request.kind}_addendum`,
      entityId: row.id,
      detail: {
        itemId: request.id,
        text: request.text,
        signerName: row.signerName,
        signerRole: row.signerRole,
        keyId: row.keyId,
      },
    });
    return addendumInfo(row, signOffRow);
  });
  anchoring.record('sign_off');
  return added;
}
