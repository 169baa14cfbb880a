import type { BundlesRepository, Provenance } from '../../db/repositories/bundles-repository';
import {
  ActionEventContent,
  BUNDLE_UNIT_KINDS,
  type ActionEventContentDto,
  type BundleUnitKind,
  type SignedUnitDto,
} from '../../ipc/bundle-units-schemas';
import { BundleError } from './bundle-errors';
import { unitContentSha256 } from './signed-units';

// The one merge, whatever brought the units: a bundle file now, a trust hub's pull later. It takes
// units that have already been verified and validated (import-bundle.ts) and must run inside one
// transaction, which the caller owns, so a conflict anywhere undoes everything.
//
// Keyed by each unit's UUID: a unit already here with the same content is skipped; the same UUID
// with different content is a conflict that refuses the whole bundle and names the record. Units
// that depend on another (a story on its round, an addendum on its sign-off, an action event on its
// action being raised, a withdrawal on its story) are kept as units and settled whenever what they
// need is present, so overlapping bundles give the same records in any order. An imported action
// is rebuilt from the whole set of its events, sorted by time then id, never from arrival order.

export type UnitCounts = Record<BundleUnitKind, number>;
export type WithdrawnStory = {
  storyId: string;
  title: string;
  exports: { exportedAt: string; kind: string; fileName: string }[];
};
export type MergeReport = { added: UnitCounts; skipped: UnitCounts; withdrawn: WithdrawnStory[] };

export const emptyCounts = (): UnitCounts =>
  Object.fromEntries(BUNDLE_UNIT_KINDS.map((k) => [k, 0])) as UnitCounts;

const KIND_WORDS: Record<BundleUnitKind, string> = {
  round: 'round',
  story: 'story',
  addendum: 'signed correction',
  action_event: 'action event',
  consent_withdrawal: 'consent withdrawal',
  tag_label: 'tag',
};

export function describeUnit(unit: SignedUnitDto): string {
  switch (unit.kind) {
    case 'round':
      return `the round at ${unit.content.round.site} on ${unit.content.round.startsAt.slice(0, 10)} (${unit.id})`;
    case 'story':
      return `the story “${unit.content.story.title}” (${unit.id})`;
    case 'tag_label':
      return `the tag “${unit.content.label}” (${unit.content.tagId})`;
    default:
      return `the ${KIND_WORDS[unit.kind]} ${unit.id}`;
  }
}

function conflict(unit: SignedUnitDto, why: string): BundleError {
  return new BundleError(
    'conflict',
    `This bundle conflicts with what is already here: ${describeUnit(unit)} ${why}. Nothing from this bundle was imported. Ask the contributor which version is right before importing it.`,
  );
}

/** The record a unit is about: what dependent units are looked up by. */
function subjectOf(unit: SignedUnitDto): string {
  switch (unit.kind) {
    case 'round':
    case 'story':
      return unit.id;
    case 'addendum':
      return unit.content.itemId;
    case 'action_event':
      return unit.content.actionId;
    case 'consent_withdrawal':
      return unit.content.storyId;
    case 'tag_label':
      return unit.content.tagId;
  }
}

function alreadyHereAsOwn(repo: BundlesRepository, unit: SignedUnitDto): boolean {
  switch (unit.kind) {
    case 'round':
      return repo.recordExists('round', unit.id);
    case 'story':
      return repo.recordExists('story', unit.id);
    case 'addendum':
      return repo.recordExists('addendum', unit.id);
    case 'action_event':
      return repo.recordExists('action_event', unit.id) || repo.recordExists('action', unit.content.actionId);
    case 'consent_withdrawal':
    case 'tag_label':
      return false;
  }
}

type EventUnit = { unitId: string; event: ActionEventContentDto };
const byTimeThenId = (a: EventUnit, b: EventUnit) =>
  a.event.at < b.event.at
    ? -1
    : a.event.at > b.event.at
      ? 1
      : a.unitId < b.unitId
        ? -1
        : a.unitId > b.unitId
          ? 1
          : 0;

/** Rebuilds an imported action from every event of it that is here, once its raising event is. */
function settleAction(repo: BundlesRepository, actionId: string): void {
  const stored = repo.eventUnits(actionId);
  const raisedRow = stored.find(
    (row) => (JSON.parse(row.content) as ActionEventContentDto).type === 'raised',
  );
  if (!raisedRow) return;
  const provenance: Provenance = {
    contributorKeyId: raisedRow.contributorKeyId,
    bundleId: raisedRow.bundleId,
    importedAt: raisedRow.importedAt,
  };
  // Only the contributor who raised an action adds to it.
  const events = stored
    .filter((row) => row.contributorKeyId === provenance.contributorKeyId)
    .map((row) => ({ unitId: row.unitId, event: ActionEventContent.parse(JSON.parse(row.content)) }))
    .sort(byTimeThenId);
  const already = repo.importedEventCount(actionId);
  if (already === events.length) return;
  const raised = events.find((e) => e.event.type === 'raised')!.event as Extract<
    ActionEventContentDto,
    { type: 'raised' }
  >;
  let details: Extract<ActionEventContentDto, { type: 'raised' | 'updated' }> = raised;
  let status: Extract<ActionEventContentDto, { type: 'status' }> | null = null;
  let doneAt: string | null = null;
  let feedback: { channel: string; note: string; at: string } | null = null;
  for (const { event } of events) {
    if (event.type === 'updated') details = event;
    if (event.type !== 'status') continue;
    status = event;
    if (event.toStatus === 'done') doneAt = event.at;
    if (event.feedback) feedback = event.feedback;
  }
  repo.saveActionProjection(
    {
      id: actionId,
      said: details.said,
      willDo: details.willDo,
      ownerName: details.ownerName,
      ownerRole: details.ownerRole,
      site: details.site,
      areaId: details.area?.id ?? null,
      dueDate: details.dueDate,
      status: status?.toStatus ?? 'open',
      evidence: details.evidence,
      saidAt: raised.saidAt,
      doneAt,
      fedBackAt: feedback?.at ?? null,
      feedbackChannel: feedback?.channel ?? null,
      feedbackNote: feedback?.note ?? '',
      createdAt: raised.at,
      updatedAt: events.at(-1)!.event.at,
      importedEvents: events.length,
    },
    provenance,
    details.area,
    already !== null,
  );
  for (const { unitId, event } of events) {
    if (event.type === 'status') {
      const { type: _type, feedback: _feedback, ...row } = event;
      repo.addImportedEvent({ ...row, eventId: unitId }, provenance);
    } else if (event.type === 'revisit') {
      repo.addImportedLink({
        actionId,
        itemKind: event.itemKind,
        itemId: event.itemId,
        role: 'revisit',
        outcome: event.outcome,
        createdAt: event.at,
        bundleId: provenance.bundleId,
      });
    } else if (event.type === 'raised') {
      for (const source of event.sources) {
        repo.addImportedLink({
          actionId,
          itemKind: source.itemKind,
          itemId: source.itemId,
          role: 'source',
          outcome: null,
          createdAt: source.at,
          bundleId: provenance.bundleId,
        });
      }
    }
  }
}

/** Stories whose round is here (or that have none), then addenda, withdrawals and actions. */
function settle(repo: BundlesRepository, touchedActions: ReadonlySet<string>): WithdrawnStory[] {
  for (const pending of repo.pendingStories()) {
    const roundId = pending.content.story.roundId;
    if (roundId === null || repo.recordExists('round', roundId))
      repo.insertStory(pending.content, pending.provenance);
  }
  repo.insertPendingAddenda();
  const withdrawn = repo.applyPendingWithdrawals();
  for (const actionId of touchedActions) settleAction(repo, actionId);
  return withdrawn;
}

/**
 * Merges verified units from one source. Call inside a transaction. `ownKeyId` is this laptop's
 * signing key: its own records coming back (a lead importing a bundle of their own) are skipped.
 */
export function mergeUnits(
  repo: BundlesRepository,
  units: readonly SignedUnitDto[],
  source: Provenance,
  ownKeyId: string | null,
): MergeReport {
  const added = emptyCounts();
  const skipped = emptyCounts();
  const touchedActions = new Set<string>();
  for (const unit of units) {
    // A tag's label is kept as the tag itself (custom_tags), not as a unit: the same label again
    // is nothing new, another label for the same tag a conflict.
    if (unit.kind === 'tag_label') {
      const here = repo.customTagLabel(unit.content.tagId);
      if (here !== undefined && here !== unit.content.label) {
        throw conflict(unit, `is already here as “${here}”`);
      }
      if (here === undefined) repo.insertTagLabel(unit.content);
      (here === undefined ? added : skipped).tag_label += 1;
      continue;
    }
    const sha = unitContentSha256(unit);
    const stored = repo.unit(unit.id);
    if (stored) {
      if (stored.kind !== unit.kind || stored.contentSha256 !== sha) {
        throw conflict(unit, 'is already here with different content');
      }
      skipped[unit.kind] += 1;
      continue;
    }
    if (alreadyHereAsOwn(repo, unit)) {
      if (unit.contributorKeyId === ownKeyId) {
        skipped[unit.kind] += 1;
        continue;
      }
      throw conflict(unit, 'has the same id as a different record already on this laptop');
    }
    repo.addUnit({
      unitId: unit.id,
      kind: unit.kind,
      subjectId: subjectOf(unit),
      contributorKeyId: unit.contributorKeyId,
      contentSha256: sha,
      signature: unit.signature,
      // A round is kept in its tables alone; the smaller units keep their content so that one
      // waiting for what it depends on can be applied later.
      content:
        unit.kind === 'round'
          ? null
          : JSON.stringify(unit.kind === 'addendum' ? { ...unit.content, id: unit.id } : unit.content),
      bundleId: source.bundleId,
      importedAt: source.importedAt,
    });
    if (unit.kind === 'round') repo.insertRound(unit.content, source);
    if (unit.kind === 'action_event') touchedActions.add(unit.content.actionId);
    added[unit.kind] += 1;
  }
  return { added, skipped, withdrawn: settle(repo, touchedActions) };
}
