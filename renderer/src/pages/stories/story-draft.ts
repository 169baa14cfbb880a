// The editable part of a story as the editor holds it, what changed since the last save, and
// the keystroke-by-keystroke copy in localStorage so nothing typed is lost if the window closes
// before the autosave lands. DOM-free: storage is passed in, so it runs under Node in tests.
import { z } from 'zod';
import { STORYTELLER_TYPES } from '../../../../ipc/vocabulary';
import type { RequestOf } from '../../../../ipc/contract';
import type { StorageLike } from '../../lib/draft-store';
import type { StoryDetailDto } from './story-types';

const QuoteDraft = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });

const StoryDraftFields = z.object({
  title: z.string(),
  storyteller: z.enum(STORYTELLER_TYPES),
  author: z.string(),
  narrative: z.string(),
  quotes: z.array(QuoteDraft),
  learningPoints: z.array(z.string()),
  roundId: z.string().nullable(),
});

export type StoryDraftFields = z.output<typeof StoryDraftFields>;
export type QuoteDraft = z.output<typeof QuoteDraft>;

const StoredDraft = z.object({
  fields: StoryDraftFields,
  /** The story's `updatedAt` these edits were made on top of. */
  baseUpdatedAt: z.string(),
});
export type StoredStoryDraft = z.output<typeof StoredDraft>;

export const storyDraftKey = (storyId: string) => `pxr:story-draft:${storyId}`;

export function fieldsOfStory(story: StoryDetailDto): StoryDraftFields {
  return {
    title: story.title,
    storyteller: story.storyteller,
    author: story.author,
    narrative: story.narrative,
    quotes: story.quotes.map(({ start, end, text }) => ({ start, end, text })),
    learningPoints: [...story.learningPoints],
    roundId: story.roundId,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const quoteMatchesText = (narrative: string, quote: QuoteDraft) =>
  narrative.slice(quote.start, quote.end) === quote.text;

/**
 * The changes to send. Quotes go only when the person changed them: after a narrative edit the
 * service moves them along with the words, which it does better than a guess here. Quotes whose
 * words are no longer in the narrative cannot be stored as quotes, so they are left out.
 */
export function storyChanges(
  saved: StoryDraftFields,
  local: StoryDraftFields,
): RequestOf<'stories:update'>['changes'] {
  const changes: RequestOf<'stories:update'>['changes'] = {};
  if (local.title !== saved.title) changes.title = local.title;
  if (local.storyteller !== saved.storyteller) changes.storyteller = local.storyteller;
  if (local.author !== saved.author) changes.author = local.author;
  if (local.narrative !== saved.narrative) changes.narrative = local.narrative;
  if (!same(local.quotes, saved.quotes))
    changes.quotes = local.quotes.filter((quote) => quoteMatchesText(local.narrative, quote));
  if (!same(local.learningPoints, saved.learningPoints)) changes.learningPoints = local.learningPoints;
  if (local.roundId !== saved.roundId) changes.roundId = local.roundId;
  return changes;
}

export const sameFields = (a: StoryDraftFields, b: StoryDraftFields) => same(a, b);

export function saveStoredDraft(storage: StorageLike, storyId: string, draft: StoredStoryDraft): void {
  try {
    storage.setItem(storyDraftKey(storyId), JSON.stringify(draft));
  } catch {
    // A full or unavailable storage must not stop typing; the autosave still runs.
  }
}

export function clearStoredDraft(storage: StorageLike, storyId: string): void {
  storage.removeItem(storyDraftKey(storyId));
}

/**
 * The fields to open the editor with: the local copy when it holds edits made on top of the
 * story as it is now; the stored story otherwise (someone, e.g. a redaction, changed it since,
 * and the newer stored text wins over a stale copy).
 */
export function restoreFields(storage: StorageLike, story: StoryDetailDto): StoryDraftFields {
  const fromServer = fieldsOfStory(story);
  const raw = storage.getItem(storyDraftKey(story.id));
  if (raw === null) return fromServer;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fromServer;
  }
  const stored = StoredDraft.safeParse(parsed);
  if (!stored.success || stored.data.baseUpdatedAt !== story.updatedAt) return fromServer;
  return stored.data.fields;
}
