import type { ActionDetailDto, ActionSummaryDto, ParsedRequestOf } from '../../ipc/contract';
import { notFoundError } from '../../ipc/errors';
import type { ActionListRow, ActionRow } from '../../db/repositories/actions-repository';
import { requireRound } from '../rounds/rounds-service';
import { provenanceOf } from '../signing/record-provenance';
import type { Store } from '../store';
import { labelTags } from '../tagging/tagging-service';
import { calendarDateIn } from '../time/trust-time';
import { isOverdue } from './action-rules';

// What the screens read about actions: one action with its sources and history, the board with
// its counts, and the open actions a round's areas should revisit. The changes are in
// actions-service.ts.

export type Source = { kind: 'observation' | 'story'; id: string };

export function requireAction(store: Store, id: string): ActionRow {
  const action = store.actions.get(id);
  if (!action) throw notFoundError('The action');
  return action;
}

function toSummary(store: Store, row: ActionListRow, tags: ActionSummaryDto['tags']): ActionSummaryDto {
  return {
    id: row.id,
    said: row.said,
    willDo: row.willDo,
    ownerName: row.ownerName,
    ownerRole: row.ownerRole,
    site: row.site,
    areaId: row.areaId,
    areaName: row.areaName,
    dueDate: row.dueDate,
    status: row.status,
    overdue: isOverdue(row, store.now()),
    saidAt: row.saidAt,
    doneAt: row.doneAt,
    fedBackAt: row.fedBackAt,
    feedbackChannel: row.feedbackChannel,
    feedbackNote: row.feedbackNote,
    createdAt: row.createdAt,
    tags,
  };
}

function areaName(store: Store, areaId: string | null): string | null {
  return areaId === null ? null : (store.areas.get(areaId)?.name ?? null);
}

export function sourceText(store: Store, source: Source): { text: string; at: string } | null {
  if (source.kind === 'observation') {
    const observation = store.observations.get(source.id);
    return observation ? { text: observation.text, at: observation.capturedAt } : null;
  }
  const story = store.stories.get(source.id);
  if (!story) return null;
  // A withdrawn story's words are kept out of everything from then on, actions included.
  return story.status === 'withdrawn'
    ? { text: '', at: story.createdAt }
    : { text: story.narrative, at: story.createdAt };
}

export function getActionDetail(store: Store, id: string): ActionDetailDto {
  const row = requireAction(store, id);
  const tags = labelTags(store, store.tags.forItem('action', id)).get(id) ?? [];
  return {
    ...toSummary(store, { ...row, areaName: areaName(store, row.areaId) }, tags),
    evidence: row.evidence,
    sources: store.actions.links(id).map((link) => {
      const found = sourceText(store, { kind: link.itemKind, id: link.itemId });
      return {
        kind: link.itemKind,
        id: link.itemId,
        role: link.role,
        outcome: link.outcome,
        text: found?.text ?? '',
        at: found?.at ?? link.createdAt,
      };
    }),
    history: store.actions.events(id).map((e) => ({
      at: e.at,
      actor: e.actor,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      reason: e.reason,
    })),
    provenance: provenanceOf(store, row),
  };
}

export function listActions(store: Store, request: ParsedRequestOf<'actions:list'>) {
  const today = calendarDateIn(store.now());
  const filters = {
    status: request.status,
    areaId: request.areaId,
    owner: request.owner,
    tag: request.tag,
    source: request.source,
    whose: request.whose,
    overdueBefore: request.overdue ? today : null,
  };
  const board = store.actions.board(filters, request.sort, request.limit, request.offset);
  const tags = labelTags(
    store,
    board.items.flatMap((item) => store.tags.forItem('action', item.id)),
  );
  const counts = {
    open: 0,
    in_progress: 0,
    done: 0,
    fed_back: 0,
    overdue: store.actions.countOverdue(filters, today),
  };
  for (const row of board.byStatus) counts[row.status] = row.n;
  return {
    total: board.total,
    counts,
    items: board.items.map((row) => toSummary(store, row, tags.get(row.id) ?? [])),
  };
}

/**
 * Open actions in the areas this round visits, for the revisit prompt; actions raised from this
 * round's own observations are not a revisit and are left out.
 */
export function actionsForRound(store: Store, roundId: string): ActionSummaryDto[] {
  requireRound(store, roundId);
  const areaIds = store.areas.listVisits(roundId).map((visit) => visit.areaId);
  const rows = store.actions
    .openInAreas(areaIds)
    .filter((row) =>
      store.actions
        .links(row.id)
        .every(
          (link) =>
            link.role !== 'source' ||
            link.itemKind !== 'observation' ||
            store.observations.get(link.itemId)?.roundId !== roundId,
        ),
    );
  const tags = labelTags(
    store,
    rows.flatMap((row) => store.tags.forItem('action', row.id)),
  );
  return rows.map((row) => toSummary(store, row, tags.get(row.id) ?? []));
}
