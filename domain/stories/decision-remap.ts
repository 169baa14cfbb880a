// Keeps personal-data decisions on a story's learning points attached to the right point when
// the list changes. Decisions are stored per field ("learningPoints.2"), and a point's index
// moves when an earlier one is added or removed. A point whose words are unchanged takes its
// decisions to its new index; a point that was edited loses them and must be checked again,
// which fails safe: an undecided finding is never clear to leave the app.

import type { NewClearanceDecision } from '../../db/repositories/clearance-repository';
import type { Store } from '../store';

export const learningPointField = (index: number) => `learningPoints.${index}`;
const LEARNING_POINT_FIELD = /^learningPoints\.(\d+)$/;

/** For each new index, the old index of the same words (or undefined). */
export function matchPoints(before: readonly string[], after: readonly string[]): (number | undefined)[] {
  // Points that stayed put keep their own decisions before any moved duplicate can claim them.
  const result = after.map((point, j) => (before[j] === point ? j : undefined));
  const used = new Set(result.filter((i) => i !== undefined));
  return result.map((i, j) => {
    if (i !== undefined) return i;
    const found = before.findIndex((point, k) => point === after[j] && !used.has(k));
    if (found === -1) return undefined;
    used.add(found);
    return found;
  });
}

export function remapLearningPointDecisions(
  store: Store,
  storyId: string,
  before: readonly string[],
  after: readonly string[],
): void {
  const rows = store.clearance
    .forItem('story', storyId)
    .filter((row) => LEARNING_POINT_FIELD.test(row.field));
  if (rows.length === 0) return;
  const oldToNew = new Map<number, number>();
  matchPoints(before, after).forEach((oldIndex, newIndex) => {
    if (oldIndex !== undefined) oldToNew.set(oldIndex, newIndex);
  });
  const moved: NewClearanceDecision[] = rows.flatMap(({ id: _id, ...row }) => {
    const oldIndex = Number(LEARNING_POINT_FIELD.exec(row.field)?.[1]);
    const newIndex = oldToNew.get(oldIndex);
    return newIndex === undefined ? [] : [{ ...row, field: learningPointField(newIndex) }];
  });
  const fields = [...new Set(rows.map((row) => row.field))];
  store.clearance.replaceFields('story', storyId, fields, moved);
}
