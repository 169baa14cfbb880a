// On opening a round, decide what to do with the drafts localStorage kept from last time: the
// window may have reloaded or crashed with words typed but not yet in the database. Pure, so
// the rules ("a local copy wins only when it is newer") are unit-tested.
import type { ObservationDto, RoundDetailDto } from '../../../ipc/contract';
import { changedFields, fieldsOf, hasUnsavedChanges, type Draft } from './draft-store';

export type RestorePlan = {
  /** The draft to put back in the capture form, if any. */
  active: Draft | null;
  /** Unsaved drafts that were no longer in the form; they are saved in the background. */
  background: Draft[];
  /** Drafts to drop from localStorage: saved already, superseded, or their observation is gone. */
  discard: string[];
};

/** Clock skew allowed between the draft's start and the database's capture time. */
const CREATE_MATCH_SLACK_MS = 5_000;

type Stored = { activeKey: string | null; drafts: Record<string, Draft> };

export function planRestore(stored: Stored, round: RoundDetailDto): RestorePlan {
  const plan: RestorePlan = { active: null, background: [], discard: [] };
  const byId = new Map(round.observations.map((o) => [o.id, o]));
  const claimed = new Set(
    Object.values(stored.drafts).flatMap((d) => (d.observationId === null ? [] : [d.observationId])),
  );
  const areaIds = new Set(round.areas.map((a) => a.areaId));

  for (const original of Object.values(stored.drafts)) {
    const isActive = original.key === stored.activeKey;
    let draft = original;

    if (draft.observationId === null && draft.fields.text.trim() !== '') {
      // A create may have reached the database while its answer was lost to the crash; adopt
      // that observation instead of creating the same words twice.
      const match = findLostCreate(draft, round.observations, claimed);
      if (match !== undefined) {
        claimed.add(match.id);
        draft = {
          ...draft,
          observationId: match.id,
          savedFields: fieldsOf(match),
          baseUpdatedAt: match.updatedAt,
        };
      }
    }

    if (!areaIds.has(draft.fields.areaId)) {
      plan.discard.push(draft.key);
      continue;
    }

    if (draft.observationId !== null) {
      const saved = byId.get(draft.observationId);
      if (saved === undefined) {
        plan.discard.push(draft.key); // deleted since
        continue;
      }
      if (
        !hasUnsavedChanges(draft) ||
        (savedSince(draft, saved) && Date.parse(draft.changedAt) < Date.parse(saved.updatedAt))
      ) {
        // The database copy is at least as new: continue from it.
        if (isActive) plan.active = fromSaved(draft, saved);
        else plan.discard.push(draft.key);
        continue;
      }
    } else if (draft.fields.text.trim() === '') {
      // Nothing typed: keep the form's choices (area, kind, from whom) if it was the form.
      if (isActive) plan.active = draft;
      else plan.discard.push(draft.key);
      continue;
    }

    if (isActive) plan.active = draft;
    else plan.background.push(draft);
  }
  return plan;
}

function findLostCreate(
  draft: Draft,
  observations: ObservationDto[],
  claimed: ReadonlySet<string>,
): ObservationDto | undefined {
  const startedAt = Date.parse(draft.startedAt);
  return observations.find(
    (o) =>
      !claimed.has(o.id) &&
      o.areaId === draft.fields.areaId &&
      o.text.trim() !== '' &&
      draft.fields.text.startsWith(o.text) &&
      Date.parse(o.capturedAt) >= startedAt - CREATE_MATCH_SLACK_MS,
  );
}

/**
 * Whether the database's fields moved on since this draft last saved them. Tagging or
 * confirming the sentiment also moves `updatedAt`, without touching what the draft holds, so a
 * later `updatedAt` alone must not throw away words typed here.
 */
function savedSince(draft: Draft, saved: ObservationDto): boolean {
  if (draft.savedFields === null) return true;
  return Object.keys(changedFields(draft.savedFields, fieldsOf(saved))).length > 0;
}

function fromSaved(draft: Draft, saved: ObservationDto): Draft {
  const fields = fieldsOf(saved);
  return {
    ...draft,
    fields,
    savedFields: fields,
    savedRevision: draft.revision,
    baseUpdatedAt: saved.updatedAt,
  };
}
