// One channel sets the tags of an observation, a story or an action. This gives each screen back
// the item it saved as its own kind, so each keeps its copy of the item up to date.
import type { ResponseOf, TaggableKind } from '../../../ipc/contract';
import type { Result } from '../../../ipc/errors';
import { api } from '../api-client';
import type { TagsRequest } from './tag-selection';

export type TaggedItem<K extends TaggableKind> = Extract<
  ResponseOf<'tagging:set-item-tags'>,
  { kind: K }
>['item'];

export async function setItemTags<K extends TaggableKind>(
  kind: K,
  request: TagsRequest,
): Promise<Result<TaggedItem<K>>> {
  const result = await api['tagging:set-item-tags']({ ...request, kind });
  if (!result.ok) return result;
  // The answer is checked against the contract, and its kind is always the kind asked for.
  return { ok: true, value: result.value.item as TaggedItem<K> };
}
