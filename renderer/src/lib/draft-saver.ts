// Autosave for one observation draft. Saves run one at a time per draft (a save that is asked
// for while another is in flight waits its turn), so the first save creates the observation and
// every later one updates it: a draft can never be created twice. DOM-free, clock and timers
// injected, so the queue is unit-tested under Node.
import type { ObservationDto, RequestOf } from '../../../ipc/contract';
import type { Result } from '../../../ipc/errors';
import { changedFields, type Draft, type DraftFields } from './draft-store';
import { DEFAULT_DEBOUNCE_MS, SaveSchedule, type SaveScheduleDeps, type SaveStatus } from './save-schedule';

export type DraftSaverDeps = SaveScheduleDeps & {
  roundId: string;
  create: (request: RequestOf<'observations:create'>) => Promise<Result<ObservationDto>>;
  update: (request: RequestOf<'observations:update'>) => Promise<Result<ObservationDto>>;
  /** Called synchronously on every change and after every save (the localStorage mirror). */
  persist: (draft: Draft) => void;
  onSaved: (observation: ObservationDto) => void;
  debounceMs?: number;
};

export class DraftSaver {
  private draft: Draft;
  private queue: Promise<void> = Promise.resolve();
  private readonly schedule: SaveSchedule;
  private readonly debounceMs: number;

  constructor(
    draft: Draft,
    private readonly deps: DraftSaverDeps,
  ) {
    this.draft = draft;
    this.debounceMs = deps.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.schedule = new SaveSchedule(deps, () => void this.enqueue());
  }

  get current(): Draft {
    return this.draft;
  }

  get currentStatus(): SaveStatus {
    return this.schedule.status;
  }

  /** True when something typed has not reached the database yet. */
  get needsSave(): boolean {
    const { draft } = this;
    if (draft.revision <= draft.savedRevision) return false;
    // An empty new draft is not worth an observation; it is created once text arrives.
    return draft.observationId !== null || draft.fields.text.trim() !== '';
  }

  change(fields: DraftFields): void {
    this.draft = {
      ...this.draft,
      fields,
      revision: this.draft.revision + 1,
      changedAt: this.schedule.now().toISOString(),
    };
    this.deps.persist(this.draft);
    this.schedule.clear();
    if (!this.needsSave) {
      // e.g. the text of a new draft was deleted again before it was ever saved
      if (this.draft.observationId === null) this.schedule.setStatus({ state: 'idle' });
      return;
    }
    this.schedule.setStatus({ state: 'pending' });
    this.schedule.afterPause(this.debounceMs);
  }

  /** The draft is back in the form to be edited (it may still have unsaved words). */
  markEditing(): void {
    this.draft = { ...this.draft, purpose: 'edit' };
    this.deps.persist(this.draft);
  }

  /** Saves now rather than after the debounce; resolves true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    this.schedule.clear();
    await this.enqueue();
    return !this.needsSave;
  }

  /** Stops timers (the draft is discarded, e.g. its observation was deleted). */
  cancel(): void {
    this.schedule.clear();
  }

  private enqueue(): Promise<void> {
    this.queue = this.queue.then(() => this.saveOnce());
    return this.queue;
  }

  private async saveOnce(): Promise<void> {
    if (!this.needsSave) return;
    const { observationId, savedFields } = this.draft;
    const revision = this.draft.revision;
    const fields = this.draft.fields;
    this.schedule.setStatus({ state: 'saving' });

    let result: Result<ObservationDto>;
    if (observationId === null) {
      result = await this.deps.create({ roundId: this.deps.roundId, ...fields });
    } else {
      const changes = savedFields === null ? fields : changedFields(savedFields, fields);
      if (Object.keys(changes).length === 0) {
        this.markSaved(revision, fields, null);
        return;
      }
      result = await this.deps.update({ id: observationId, changes });
    }

    if (!result.ok) {
      this.schedule.failed(result.error);
      return;
    }
    this.markSaved(revision, fields, result.value);
  }

  private markSaved(revision: number, fields: DraftFields, saved: ObservationDto | null): void {
    this.schedule.succeeded();
    this.draft = {
      ...this.draft,
      observationId: saved?.id ?? this.draft.observationId,
      savedRevision: Math.max(this.draft.savedRevision, revision),
      savedFields: fields,
      baseUpdatedAt: saved?.updatedAt ?? this.draft.baseUpdatedAt,
    };
    this.deps.persist(this.draft);
    if (saved !== null) this.deps.onSaved(saved);
    // Keystrokes that arrived during the save have their own debounce timer running.
    this.schedule.setStatus(
      this.needsSave ? { state: 'pending' } : { state: 'saved', at: this.schedule.now() },
    );
  }
}
