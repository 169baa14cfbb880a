import type { z } from 'zod';
import type { FrameworksCatalogue } from '../../ipc/tagging-schemas';
import type { ItemTag } from '../../ipc/schema-parts';
import type {
  ActionDetailDto,
  EqualityStatus,
  ObservationDto,
  ParsedRequestOf,
  ResponseOf,
  StoryDetailDto,
} from '../../ipc/contract';
import { validationError } from '../../ipc/errors';
import type { StoredTag } from '../../db/repositories/tagging-repository';
import type { Store } from '../store';
import { EQUALITY_IMPACTS, FRAMEWORK_IDS, TAG_FRAMEWORKS, findTag, type EqualityGroup } from './frameworks';

/** User-defined tags live under this framework id. */
export const CUSTOM_FRAMEWORK_ID = 'custom';

type ItemTagDto = z.output<typeof ItemTag>;

/** Gives stored tags their labels; a tag whose framework entry has gone keeps its id as label. */
export function labelTags(store: Store, tags: readonly StoredTag[]): Map<string, ItemTagDto[]> {
  const customIds = tags.filter((t) => t.frameworkId === CUSTOM_FRAMEWORK_ID).map((t) => t.tagId);
  const customLabels = new Map(
    store.tags.customTagsByIds([...new Set(customIds)]).map((t) => [t.id, t.label]),
  );
  const byItem = new Map<string, ItemTagDto[]>();
  for (const tag of tags) {
    const label =
      tag.frameworkId === CUSTOM_FRAMEWORK_ID
        ? (customLabels.get(tag.tagId) ?? tag.tagId)
        : (findTag(tag.frameworkId, tag.tagId)?.label ?? tag.tagId);
    const list = byItem.get(tag.itemId) ?? [];
    list.push({
      frameworkId: tag.frameworkId,
      tagId: tag.tagId,
      label,
      impact: tag.impact,
      description: tag.description,
    });
    byItem.set(tag.itemId, list);
  }
  return byItem;
}

export function frameworksCatalogue(store: Store): z.output<typeof FrameworksCatalogue> {
  return {
    frameworks: [
      ...TAG_FRAMEWORKS.map((framework) => ({
        id: framework.id,
        name: framework.name,
        kind: framework.id === FRAMEWORK_IDS.equalityGroups ? ('equality' as const) : ('theme' as const),
        items: framework.items.map((item) => {
          const group = item as Partial<EqualityGroup>;
          return {
            id: item.id,
            label: item.label,
            description: item.description ?? null,
            category: group.category ?? null,
            parentId: group.parentId ?? null,
            needsDescription: group.needsDescription === true,
          };
        }),
      })),
      {
        id: CUSTOM_FRAMEWORK_ID,
        name: 'Your own tags',
        kind: 'custom' as const,
        items: store.tags.customTags().map((t) => ({
          id: t.id,
          label: t.label,
          description: null,
          category: null,
          parentId: null,
          needsDescription: false,
        })),
      },
    ],
    impacts: EQUALITY_IMPACTS.items.map((impact) => ({ id: impact.id, label: impact.label })),
  };
}

export function createCustomTag(
  store: Store,
  request: ParsedRequestOf<'tagging:create-custom-tag'>,
): { id: string; label: string } {
  return store.transaction(() => {
    const existing = store.tags.findCustomTagByLabel(request.label);
    if (existing) return existing;
    const tag = { id: store.newId(), label: request.label };
    store.tags.addCustomTag(tag, store.now().toISOString());
    store.audit.append({
      action: 'create',
      entity: 'custom_tag',
      entityId: tag.id,
      detail: { label: tag.label },
    });
    return tag;
  });
}

type TagRequest = ParsedRequestOf<'tagging:set-item-tags'>['tags'][number];

/**
 * Checks a whole tag set for any taggable item (observation, story): every tag is one PX Rounds
 * knows, equality groups carry an impact (and a description where the group needs one), and
 * the equality status agrees with the tags. Returns the set as stored, duplicates merged.
 */
export function validateItemTags(
  store: Store,
  tags: readonly TagRequest[],
  equalityStatus: EqualityStatus,
): Omit<StoredTag, 'itemId'>[] {
  const customIds = new Set(store.tags.customTags().map((t) => t.id));
  const byKey = new Map<string, Omit<StoredTag, 'itemId'>>();
  tags.forEach((tag, i) => {
    const isCustom = tag.frameworkId === CUSTOM_FRAMEWORK_ID;
    const entry = isCustom
      ? customIds.has(tag.tagId)
        ? { label: tag.tagId }
        : undefined
      : findTag(tag.frameworkId, tag.tagId);
    if (!isCustom && !TAG_FRAMEWORKS.some((f) => f.id === tag.frameworkId)) {
      throw validationError(`tags.${i}.frameworkId`, 'is not a set of tags PX Rounds knows');
    }
    if (!entry) throw validationError(`tags.${i}.tagId`, 'is not a tag PX Rounds knows');
    const isEquality = tag.frameworkId === FRAMEWORK_IDS.equalityGroups;
    if (isEquality && tag.impact === null) {
      throw validationError(`tags.${i}.impact`, `Choose the impact for “${entry.label ?? tag.tagId}”`);
    }
    if (!isEquality && tag.impact !== null) {
      throw validationError(`tags.${i}.impact`, 'Only equality groups have an impact');
    }
    const needsDescription = isEquality && (entry as Partial<EqualityGroup>).needsDescription === true;
    const description = tag.description && tag.description.length > 0 ? tag.description : null;
    if (needsDescription && description === null) {
      throw validationError(`tags.${i}.description`, 'Describe the group in a few words');
    }
    byKey.set(`${tag.frameworkId}/${tag.tagId}`, {
      frameworkId: tag.frameworkId,
      tagId: tag.tagId,
      impact: tag.impact,
      description: needsDescription ? description : null,
    });
  });
  const validated = [...byKey.values()];
  const hasEqualityTag = validated.some((t) => t.frameworkId === FRAMEWORK_IDS.equalityGroups);
  if (hasEqualityTag && equalityStatus === 'none_applies') {
    throw validationError('equalityStatus', 'Remove the equality groups, or say which groups this is about');
  }
  if (!hasEqualityTag && equalityStatus === 'recorded') {
    throw validationError('equalityStatus', 'Choose at least one equality group, or say none applies');
  }
  return validated;
}

/**
 * What tagging needs from each kind of item. Each feature supplies its own (observations, stories,
 * actions), so one service sets the tags of all three without importing them.
 */
export type Taggable<T> = {
  /** Throws when the item cannot be found or can no longer be tagged. */
  checkCanTag: (store: Store, id: string) => void;
  /** Stores whether equality groups were considered; null where the item keeps no such status. */
  setEqualityStatus: ((store: Store, id: string, status: EqualityStatus, now: string) => void) | null;
  read: (store: Store, id: string) => T;
};

export type Taggables = {
  observation: Taggable<ObservationDto>;
  story: Taggable<StoryDetailDto>;
  action: Taggable<ActionDetailDto>;
};

/** Replaces the whole tag set of an observation, story or action, in one transaction. */
export function setItemTags(
  store: Store,
  taggables: Taggables,
  request: ParsedRequestOf<'tagging:set-item-tags'>,
): ResponseOf<'tagging:set-item-tags'> {
  const { kind, id } = request;
  const taggable = taggables[kind];
  return store.transaction(() => {
    taggable.checkCanTag(store, id);
    const tags = validateItemTags(store, request.tags, request.equalityStatus);
    const now = store.now().toISOString();
    store.tags.replace(kind, id, tags, now);
    taggable.setEqualityStatus?.(store, id, request.equalityStatus, now);
    const detail = taggable.setEqualityStatus ? { tags, equalityStatus: request.equalityStatus } : { tags };
    store.audit.append({ action: 'update', entity: `${kind}_tags`, entityId: id, detail });
    switch (kind) {
      case 'observation':
        return { kind, item: taggables.observation.read(store, id) };
      case 'story':
        return { kind, item: taggables.story.read(store, id) };
      case 'action':
        return { kind, item: taggables.action.read(store, id) };
    }
  });
}
