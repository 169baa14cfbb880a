// The editable part of an action as the page holds it, and the smallest update that saves it.
import type { ActionDetailDto, RequestOf } from '../../../../ipc/contract';
import { isRealDateValue } from '../../lib/date-parts';

export type ActionDraft = {
  willDo: string;
  ownerName: string;
  ownerRole: string;
  /** '' for none. */
  areaId: string;
  /** "YYYY-MM-DD", '' for none, or a date still being typed (see date-parts.ts). */
  dueDate: string;
  evidence: string;
};

export function draftOf(action: ActionDetailDto): ActionDraft {
  return {
    willDo: action.willDo,
    ownerName: action.ownerName,
    ownerRole: action.ownerRole,
    areaId: action.areaId ?? '',
    dueDate: action.dueDate ?? '',
    evidence: action.evidence,
  };
}

type Changes = RequestOf<'actions:update'>['changes'];

/**
 * Only the fields that changed: "what we will do" may still be empty on a new action, and
 * sending it unchanged would be refused although the person only gave an owner.
 */
export function changesFrom(action: ActionDetailDto, draft: ActionDraft): Changes | null {
  const saved = draftOf(action);
  const changes: Changes = {};
  if (draft.willDo.trim() !== saved.willDo.trim()) changes.willDo = draft.willDo;
  if (draft.ownerName.trim() !== saved.ownerName.trim()) changes.ownerName = draft.ownerName;
  if (draft.ownerRole.trim() !== saved.ownerRole.trim()) changes.ownerRole = draft.ownerRole;
  if (draft.areaId !== saved.areaId) changes.areaId = draft.areaId === '' ? null : draft.areaId;
  // A date still being typed ("31/1/") is kept on the page, not sent: the stored one stands until
  // the boxes make a real date or are emptied.
  const dueDateReady = draft.dueDate === '' || isRealDateValue(draft.dueDate);
  if (dueDateReady && draft.dueDate !== saved.dueDate) {
    changes.dueDate = draft.dueDate === '' ? null : draft.dueDate;
  }
  if (draft.evidence !== saved.evidence) changes.evidence = draft.evidence;
  return Object.keys(changes).length === 0 ? null : changes;
}
