// The tags being chosen for one observation, as the screen holds them: equality groups may be
// waiting for their impact (or, for "Other", a description) and are only sent once complete,
// because the app never stores an equality group without its impact. What is sent is always
// the whole set, with an explicit equality status. DOM-free, unit-tested.
import type { EqualityImpact, EqualityStatus, ObservationDto, RequestOf } from '../../../ipc/contract';
import { tagKey, type TagOption } from './tag-options';

export type ChosenTag = {
  key: string;
  frameworkId: string;
  tagId: string;
  label: string;
  equality: boolean;
  needsDescription: boolean;
  impact: EqualityImpact | null;
  description: string;
};

export type TagSelection = {
  tags: readonly ChosenTag[];
  /** The person's answer while no equality group is chosen: not considered, or none applies. */
  equalityChoice: Exclude<EqualityStatus, 'recorded'>;
};

export const DESCRIPTION_MAX = 500;

export function selectionFromObservation(
  observation: Pick<ObservationDto, 'tags' | 'equalityStatus'>,
  options: readonly TagOption[],
  equalityFrameworkId: string,
): TagSelection {
  const byKey = new Map(options.map((o) => [o.key, o]));
  return {
    tags: observation.tags.map((tag) => {
      const key = tagKey(tag);
      return {
        key,
        frameworkId: tag.frameworkId,
        tagId: tag.tagId,
        label: tag.label,
        equality: tag.frameworkId === equalityFrameworkId,
        needsDescription: byKey.get(key)?.needsDescription === true,
        impact: tag.impact,
        description: tag.description ?? '',
      };
    }),
    equalityChoice: observation.equalityStatus === 'none_applies' ? 'none_applies' : 'not_recorded',
  };
}

export function addTag(selection: TagSelection, option: TagOption): TagSelection {
  if (selection.tags.some((t) => t.key === option.key)) return selection;
  const tag: ChosenTag = {
    key: option.key,
    frameworkId: option.frameworkId,
    tagId: option.tagId,
    label: option.label,
    equality: option.equality,
    needsDescription: option.needsDescription,
    impact: null,
    description: '',
  };
  return {
    tags: [...selection.tags, tag],
    // Choosing a group answers the question; "none applies" would contradict it.
    equalityChoice: option.equality ? 'not_recorded' : selection.equalityChoice,
  };
}

export function removeTag(selection: TagSelection, key: string): TagSelection {
  return { ...selection, tags: selection.tags.filter((t) => t.key !== key) };
}

export function updateTag(
  selection: TagSelection,
  key: string,
  patch: Partial<Pick<ChosenTag, 'impact' | 'description'>>,
): TagSelection {
  return { ...selection, tags: selection.tags.map((t) => (t.key === key ? { ...t, ...patch } : t)) };
}

export function setEqualityChoice(
  selection: TagSelection,
  choice: TagSelection['equalityChoice'],
): TagSelection {
  return { ...selection, equalityChoice: choice };
}

/** An equality group is complete with its impact, and "Other" with a description as well. */
export function isComplete(tag: ChosenTag): boolean {
  if (!tag.equality) return true;
  if (tag.impact === null) return false;
  return !tag.needsDescription || tag.description.trim() !== '';
}

export function equalityGroups(selection: TagSelection): ChosenTag[] {
  return selection.tags.filter((t) => t.equality);
}

export function themeTags(selection: TagSelection): ChosenTag[] {
  return selection.tags.filter((t) => !t.equality);
}

/** A whole tag set for one item; the kind of item is added on saving (set-item-tags.ts). */
export type TagsRequest = Omit<RequestOf<'tagging:set-item-tags'>, 'kind'>;

/** What is stored: complete tags only, and "recorded" exactly when a group is among them. */
export function toSetTagsRequest(id: string, selection: TagSelection): TagsRequest {
  const complete = selection.tags.filter(isComplete);
  return {
    id,
    tags: complete.map((t) => ({
      frameworkId: t.frameworkId,
      tagId: t.tagId,
      impact: t.equality ? t.impact : null,
      description: t.equality && t.needsDescription ? t.description.trim().slice(0, DESCRIPTION_MAX) : null,
    })),
    equalityStatus: complete.some((t) => t.equality) ? 'recorded' : selection.equalityChoice,
  };
}

/**
 * The chosen tag in the same list (themes or equality groups) that takes a removed tag's place:
 * the one after it, or else the one before. Focus moves to it, so the keyboard stays in the list.
 */
export function neighbourOf(selection: TagSelection, tag: ChosenTag): ChosenTag | undefined {
  const siblings = selection.tags.filter((t) => t.equality === tag.equality);
  const at = siblings.findIndex((t) => t.key === tag.key);
  return siblings[at + 1] ?? siblings[at - 1];
}
