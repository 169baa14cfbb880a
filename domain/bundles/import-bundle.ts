import type { BundlesRepository } from '../../db/repositories/bundles-repository';
import {
  SignedUnit,
  type BundleCountsDto,
  type BundleHeaderDto,
  type SignedUnitDto,
} from '../../ipc/bundle-units-schemas';
import { formatFingerprint } from '../signing/signing-keys';
import { BundleError } from './bundle-errors';
import { openBundleBody, readBundleEnvelope, type BundleEnvelope } from './bundle-file';
import { emptyCounts, mergeUnits, type MergeReport } from './bundle-merge';
import type { CollectionIdentity } from './collection-keys';
import { verifyUnit } from './signed-units';

// Import, step by step, each step refusing with its own message before anything is written:
// the file (magic, format version, length, signature), the signer (trusted, or shown and
// confirmed once), the recipient (this laptop's collection key), every record (the zod schemas,
// its own signature, its place in the bundle), then the merge in one transaction.

export type Signer = { keyId: string; name: string; role: string; publicKeyPem: string };

export type CheckedBundle = { envelope: BundleEnvelope; units: SignedUnitDto[] };

/** The header and whether the signer is known, from what can be read without the collection key. */
export function inspectBundle(bytes: Buffer, isTrusted: (keyId: string) => boolean) {
  const envelope = readBundleEnvelope(bytes);
  return { header: envelope.header, signerTrusted: isTrusted(envelope.header.contributor.keyId) };
}

export function untrustedSignerError(header: BundleHeaderDto): BundleError {
  const who = header.contributor.name || 'someone not on your list';
  return new BundleError(
    'untrusted_signer',
    `This bundle is signed by ${who}, whose key (${formatFingerprint(header.contributor.keyId)}) is not one you trust yet. Compare the fingerprint with theirs (on their Signing key page) and confirm it, or add their public key under Signing key first.`,
  );
}

function invalid(index: number, id: unknown, detail: string): BundleError {
  const which = typeof id === 'string' ? ` (${id})` : '';
  return new BundleError(
    'invalid_record',
    `Record ${index + 1}${which} in this bundle is not valid: ${detail}. Nothing from this bundle was imported; ask the contributor to update PX Rounds and send it again.`,
  );
}

/** Checks that go beyond one field: what the database would refuse, said in words first. */
function unitProblem(unit: SignedUnitDto): string | null {
  if (unit.kind === 'round') {
    const areas = new Set(unit.content.areas.map((a) => a.area.id));
    const observations = new Set(unit.content.observations.map((o) => o.id));
    if (unit.content.round.id !== unit.id) return 'its id does not match the round inside it';
    if (unit.content.observations.some((o) => !areas.has(o.areaId)))
      return 'an observation is in an area the round did not visit';
    if (unit.content.tags.some((t) => !observations.has(t.itemId)))
      return 'a tag is on an observation that is not in the round';
    if (unit.content.decisions.some((d) => d.itemKind !== 'observation' || !observations.has(d.itemId))) {
      return 'a personal-data decision is about something that is not in the round';
    }
  }
  if (unit.kind === 'story') {
    const { story } = unit.content;
    if (story.id !== unit.id) return 'its id does not match the story inside it';
    if (story.textHash !== story.readBackHash)
      return 'the story differs from what was read back to the storyteller';
    if (unit.content.tags.some((t) => t.itemId !== story.id))
      return 'a tag is on something other than the story';
    if (unit.content.decisions.some((d) => d.itemKind !== 'story' || d.itemId !== story.id)) {
      return 'a personal-data decision is about something other than the story';
    }
    if (!unit.content.consent.scopes.includes('peig')) return 'the storyteller’s consent does not cover PEIG';
  }
  if (
    unit.kind === 'action_event' &&
    unit.content.type === 'status' &&
    unit.content.toStatus === 'fed_back' &&
    !unit.content.feedback
  ) {
    return 'an action was marked fed back without saying how';
  }
  return null;
}

/** What a bundle's header must say it holds, counted from its units. */
export function countsOf(units: readonly SignedUnitDto[]): BundleCountsDto {
  const counts: BundleCountsDto = {
    rounds: 0,
    observations: 0,
    stories: 0,
    addenda: 0,
    actionEvents: 0,
    withdrawals: 0,
  };
  for (const unit of units) {
    if (unit.kind === 'round') {
      counts.rounds += 1;
      counts.observations += unit.content.observations.length;
    } else if (unit.kind === 'story') counts.stories += 1;
    else if (unit.kind === 'addendum') counts.addenda += 1;
    else if (unit.kind === 'action_event') counts.actionEvents += 1;
    else if (unit.kind === 'consent_withdrawal') counts.withdrawals += 1;
  }
  return counts;
}

/** Validates and verifies one unit against the header's contributor; `seen` catches repeats. */
export function validateUnit(
  value: unknown,
  index: number,
  envelope: BundleEnvelope,
  seen: Set<string>,
): SignedUnitDto {
  const parsed = SignedUnit.safeParse(value);
  const id = (value as { id?: unknown } | null)?.id;
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(index, id, `${issue.path.join('.') || 'the record'} ${issue.message}`);
  }
  const unit = parsed.data;
  if (unit.contributorKeyId !== envelope.header.contributor.keyId) {
    throw invalid(index, unit.id, 'it was signed by someone other than the bundle’s signer');
  }
  if (!verifyUnit(unit, envelope.contributorKey))
    throw invalid(index, unit.id, 'its own signature does not match its contents');
  if (unit.kind === 'tag_label' && envelope.header.format < 2) {
    throw invalid(index, unit.id, 'a tag label cannot be in a bundle of format 1');
  }
  if (seen.has(unit.id)) throw invalid(index, unit.id, 'it appears twice');
  seen.add(unit.id);
  const problem = unitProblem(unit);
  if (problem) throw invalid(index, unit.id, problem);
  return unit;
}

/** The header's counts must be what the body holds. */
export function checkCounts(units: readonly SignedUnitDto[], envelope: BundleEnvelope): void {
  const counts = countsOf(units);
  const header = envelope.header.counts;
  if ((Object.keys(counts) as (keyof BundleCountsDto)[]).some((k) => counts[k] !== header[k])) {
    throw new BundleError(
      'invalid_record',
      'This bundle holds different records from what its header lists, so it was not made by PX Rounds as it is. Ask for it again.',
    );
  }
}

export function validateUnits(raw: readonly unknown[], envelope: BundleEnvelope): SignedUnitDto[] {
  const seen = new Set<string>();
  const units = raw.map((value, index) => validateUnit(value, index, envelope, seen));
  checkCounts(units, envelope);
  return units;
}

/** The file, the signer and the recipient, then the body opened; records not yet checked. */
export function openCheckedEnvelope(
  bytes: Buffer,
  options: {
    collection: CollectionIdentity | null;
    isTrusted: (keyId: string) => boolean;
    confirmSigner: boolean;
  },
): { envelope: BundleEnvelope; raw: unknown[] } {
  const envelope = readBundleEnvelope(bytes);
  if (!options.isTrusted(envelope.header.contributor.keyId) && !options.confirmSigner) {
    throw untrustedSignerError(envelope.header);
  }
  if (!options.collection) {
    throw new BundleError(
      'no_collection_key',
      'This laptop has no collection key, so it cannot open bundles. Set one up under Bundles → Collection key first.',
    );
  }
  return { envelope, raw: openBundleBody(envelope, options.collection) };
}

/** Everything short of writing: the file, the signer, the recipient, every record. */
export function checkBundle(
  bytes: Buffer,
  options: {
    collection: CollectionIdentity | null;
    isTrusted: (keyId: string) => boolean;
    confirmSigner: boolean;
  },
): CheckedBundle {
  const { envelope, raw } = openCheckedEnvelope(bytes, options);
  return { envelope, units: validateUnits(raw, envelope) };
}

export type ImportOutcome = MergeReport & { header: BundleHeaderDto; alreadyImportedAt: string | null };

/** Merges a checked bundle and logs it. Call inside the transaction that also trusts the signer, if asked. */
export function mergeCheckedBundle(
  repo: BundlesRepository,
  checked: CheckedBundle,
  options: { fileName: string; importedAt: string; ownKeyId: string | null },
): ImportOutcome {
  const { header } = checked.envelope;
  const previous = repo.previousImport(header.bundleId);
  if (previous) {
    const skipped = mergeUnitsDryCount(checked.units);
    return { header, alreadyImportedAt: previous.importedAt, added: emptyCounts(), skipped, withdrawn: [] };
  }
  const report = mergeUnits(
    repo,
    checked.units,
    { contributorKeyId: header.contributor.keyId, bundleId: header.bundleId, importedAt: options.importedAt },
    options.ownKeyId,
  );
  repo.logImport({
    bundleId: header.bundleId,
    contributorKeyId: header.contributor.keyId,
    contributorName: header.contributor.name,
    createdAt: header.createdAt,
    appVersion: header.appVersion,
    fileName: options.fileName,
    importedAt: options.importedAt,
    added: JSON.stringify(report.added),
    skipped: JSON.stringify(report.skipped),
  });
  return { ...report, header, alreadyImportedAt: null };
}

function mergeUnitsDryCount(units: readonly SignedUnitDto[]): MergeReport['skipped'] {
  const counts = emptyCounts();
  for (const unit of units) counts[unit.kind] += 1;
  return counts;
}
