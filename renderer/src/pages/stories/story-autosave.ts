// Autosave for the story editor: every change is mirrored to localStorage at once and sent to
// the service after a short pause (well inside the 500 ms promise), one save at a time, latest
// value wins (LatestValueSaver). Only what changed is sent. The story as stored comes back with
// every save, so the page can re-check it for personal data and show its read-back state.
// DOM-free (storage, API and timers passed in), so it is unit-tested under Node.
import type { RequestOf } from '../../../../ipc/contract';
import type { Result } from '../../../../ipc/errors';
import { DEFAULT_DEBOUNCE_MS, type SaveStatus } from '../../lib/save-schedule';
import type { StorageLike } from '../../lib/draft-store';
import { LatestValueSaver } from '../../lib/latest-saver';
import {
  clearStoredDraft,
  fieldsOfStory,
  restoreFields,
  sameFields,
  saveStoredDraft,
  storyChanges,
  type StoryDraftFields,
} from './story-draft';
import type { StoryDetailDto } from './story-types';

type TimerHandle = ReturnType<typeof setTimeout>;

export type StoryAutosaveDeps = {
  storage: StorageLike;
  update: (request: RequestOf<'stories:update'>) => Promise<Result<StoryDetailDto>>;
  /** Called whenever the story, the fields or the save status change. */
  onChange: () => void;
  debounceMs?: number;
  setTimer?: (run: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
  now?: () => Date;
};

export class StoryAutosave {
  private storyValue: StoryDetailDto;
  private fieldsValue: StoryDraftFields;
  private saved: StoryDraftFields;
  private statusValue: SaveStatus = { state: 'idle' };
  private readonly saver: LatestValueSaver<StoryDraftFields, StoryDetailDto>;

  constructor(
    initial: StoryDetailDto,
    private readonly deps: StoryAutosaveDeps,
  ) {
    this.storyValue = initial;
    this.saved = fieldsOfStory(initial);
    this.fieldsValue = restoreFields(deps.storage, initial);
    this.saver = new LatestValueSaver({
      save: (value) => {
        const changes = storyChanges(this.saved, value);
        if (Object.keys(changes).length === 0) return Promise.resolve({ ok: true, value: this.storyValue });
        return deps.update({ id: this.storyValue.id, changes });
      },
      onSaved: (story) => this.take(story, false),
      onStatus: (status) => {
        this.statusValue = status;
        deps.onChange();
      },
      ...(deps.setTimer !== undefined && { setTimer: deps.setTimer }),
      ...(deps.clearTimer !== undefined && { clearTimer: deps.clearTimer }),
      ...(deps.now !== undefined && { now: deps.now }),
    });
  }

  get story(): StoryDetailDto {
    return this.storyValue;
  }

  get fields(): StoryDraftFields {
    return this.fieldsValue;
  }

  get status(): SaveStatus {
    return this.statusValue;
  }

  /** Sends edits restored from the local copy (typed before a reload, never saved). */
  start(): void {
    if (!sameFields(this.fieldsValue, this.saved)) this.saver.set(this.fieldsValue);
  }

  change(patch: Partial<StoryDraftFields>): void {
    this.fieldsValue = { ...this.fieldsValue, ...patch };
    this.mirror();
    this.deps.onChange();
    this.saver.set(this.fieldsValue, { debounceMs: this.deps.debounceMs ?? DEFAULT_DEBOUNCE_MS });
  }

  /** Saves anything waiting; resolves to the story as stored, or null if that failed. */
  async flush(): Promise<StoryDetailDto | null> {
    const done = await this.saver.flush();
    return done ? this.storyValue : null;
  }

  /** Takes a story changed by another action (a redaction, consent, approval); call after flush. */
  adopt(story: StoryDetailDto): void {
    this.take(story, true);
  }

  /**
   * Takes a story whose text was not changed (its tags or sentiment were saved), keeping what is
   * being typed. An answer older than the story already held is ignored.
   */
  refresh(story: StoryDetailDto): void {
    if (story.updatedAt < this.storyValue.updatedAt) return;
    this.take(story, false);
  }

  private take(story: StoryDetailDto, replaceText: boolean): void {
    const before = this.saved;
    const after = fieldsOfStory(story);
    this.storyValue = story;
    this.saved = after;
    const local = this.fieldsValue;
    // Quotes the person has not touched follow the service, which re-anchors them after edits.
    const quotesUntouched = sameFields({ ...local, quotes: before.quotes }, local);
    this.fieldsValue = replaceText ? after : quotesUntouched ? { ...local, quotes: after.quotes } : local;
    this.mirror();
    this.deps.onChange();
  }

  private mirror(): void {
    const id = this.storyValue.id;
    if (sameFields(this.fieldsValue, this.saved)) clearStoredDraft(this.deps.storage, id);
    else
      saveStoredDraft(this.deps.storage, id, {
        fields: this.fieldsValue,
        baseUpdatedAt: this.storyValue.updatedAt,
      });
  }
}
