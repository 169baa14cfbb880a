// Tagging: the tag frameworks, custom tags, and one channel that sets the tags of an observation,
// a story or an action.
import { z } from 'zod';
import { ActionDetail } from './actions-schemas';
import { Observation } from './observations-schemas';
import { emptyRequest, id, tagKey } from './schema-parts';
import { StoryDetail } from './stories-schemas';
import { EQUALITY_IMPACTS, EQUALITY_STATUSES, TAGGABLE_KINDS } from './vocabulary';

export const FrameworksCatalogue = z.object({
  frameworks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.enum(['theme', 'equality', 'custom']),
      items: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          description: z.string().nullable(),
          category: z.string().nullable(),
          parentId: z.string().nullable(),
          needsDescription: z.boolean(),
        }),
      ),
    }),
  ),
  impacts: z.array(z.object({ id: z.enum(EQUALITY_IMPACTS), label: z.string() })),
});

export const CustomTag = z.object({ id: z.string(), label: z.string() });

export const customTagRequest = z
  .object({
    label: z
      .string({ message: 'Enter a name for the tag' })
      .trim()
      .min(1, { message: 'Enter a name for the tag' })
      .max(60, { message: 'A tag name must be 60 characters or fewer' }),
  })
  .strict();

export const setItemTagsRequest = z
  .object({
    kind: z.enum(TAGGABLE_KINDS, { message: 'Choose an observation, a story or an action' }),
    id,
    tags: z
      .array(
        z
          .object({
            frameworkId: tagKey,
            tagId: tagKey,
            impact: z.enum(EQUALITY_IMPACTS, { message: 'Choose the impact' }).nullable().default(null),
            description: z
              .string()
              .trim()
              .max(500, { message: 'The description must be 500 characters or fewer' })
              .nullable()
              .default(null),
          })
          .strict(),
      )
      .max(60, { message: 'Choose at most 60 tags' }),
    equalityStatus: z.enum(EQUALITY_STATUSES, { message: 'Say whether equality groups were considered' }),
  })
  .strict();

export const taggingChannels = {
  'tagging:frameworks': {
    request: emptyRequest,
    response: FrameworksCatalogue,
  },
  'tagging:create-custom-tag': {
    request: customTagRequest,
    response: CustomTag,
  },
  'tagging:set-item-tags': {
    request: setItemTagsRequest,
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('observation'), item: Observation }),
      z.object({ kind: z.literal('story'), item: StoryDetail }),
      z.object({ kind: z.literal('action'), item: ActionDetail }),
    ]),
  },
} as const;
