// Autosave for one observation draft. Saves run one at a time per draft (a save that is asked
// for while another is in flight waits its turn), so the first save creates the observation and
// every later one updates it: a draft can never be created twice. DOM-free, clock and timers
// injected, so the queue is unit-tested under Node.
import type { ObservationDto, RequestOf } from '../../../ipc/contract';
import type { AppErrorShape, Result } from '../../../ipc/errors';
import { changedFields, type Draft, type DraftFields } from './draft-store';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'retrying'; error: AppErrorShape }
  | { state: 'failed'; error: AppErrorShape };

type TimerHandle = ReturnType<typeof setTimeout>;

export type DraftSaverDeps = {
  roundId: string;
  create: (request: RequestOf<'observations:create'>) => Promise<Result<ObservationDto>>;
  update: (request: RequestOf<'observations:update'>) => Promise<Result<ObservationDto>>;
  /** Called synchronously on every change and after every save (the localStorage mirror). */
  persist: (draft: Draft) => void;
  onStatus: (status: SaveStatus) => void;
  onSaved: (observation: ObservationDto) => void;
  now?: () => Date;
  setTimer?: (run: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
  /** Well under the 500 ms promise: a pause in typing this long triggers a save. */
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
};

export const DEFAULT_DEBOUNCE_MS = 300;
const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000] as const;

export class DraftSaver {
  private draft: Draft;
  private status: SaveStatus = { state: 'idle' };
  private debounceTimer: TimerHandle | null = null;
  private retryTimer: TimerHandle | null = null;
  private retryAttempt = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly deps: Required<DraftSaverDeps>;

  constructor(draft: Draft, deps: DraftSaverDeps) {
    this.draft = draft;
    this.deps = {
      now: () => new Date(),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (handle) => clearTimeout(handle),
      debounceMs: DEFAULT_DEBOUNCE_MS,
      retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
      ...deps,
    };
  }

  get current(): Draft {
    return this.draft;
  }

  get currentStatus(): SaveStatus {
    return this.status;
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
      changedAt: this.deps.now().toISOString(),
    };
    this.deps.persist(this.draft);
    this.clearTimers();
    if (!this.needsSave) {
      // e.g. the text of a new draft was deleted again before it was ever saved
      if (this.draft.observationId === null) this.setStatus({ state: 'idle' });
      return;
    }
    this.setStatus({ state: 'pending' });
    this.debounceTimer = this.deps.setTimer(() => {
      this.debounceTimer = null;
      void this.enqueue();
    }, this.deps.debounceMs);
  }

  /** The draft is back in the form to be edited (it may still have unsaved words). */
  markEditing(): void {
    this.draft = { ...this.draft, purpose: 'edit' };
    this.deps.persist(this.draft);
  }

  /** Saves now rather than after the debounce; resolves true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    this.clearTimers();
    await this.enqueue();
    return !this.needsSave;
  }

  /** Stops timers (the draft is discarded, e.g. its observation was deleted). */
  cancel(): void {
    this.clearTimers();
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
    this.setStatus({ state: 'saving' });

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
      this.handleFailure(result.error);
      return;
    }
    this.markSaved(revision, fields, result.value);
  }

  private markSaved(revision: number, fields: DraftFields, saved: ObservationDto | null): void {
    this.retryAttempt = 0;
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
    this.setStatus(this.needsSave ? { state: 'pending' } : { state: 'saved', at: this.deps.now() });
  }

  private handleFailure(error: AppErrorShape): void {
    // Only a storage problem (disk busy, host briefly unreachable) can heal by itself; a locked
    // round or invalid field will fail the same way again, so it waits for the next change.
    if (error.kind !== 'storage') {
      this.setStatus({ state: 'failed', error });
      return;
    }
    this.setStatus({ state: 'retrying', error });
    const delays = this.deps.retryDelaysMs;
    const delay = delays[Math.min(this.retryAttempt, delays.length - 1)] ?? DEFAULT_DEBOUNCE_MS;
    this.retryAttempt += 1;
    if (this.retryTimer !== null) this.deps.clearTimer(this.retryTimer);
    this.retryTimer = this.deps.setTimer(() => {
      this.retryTimer = null;
      void this.enqueue();
    }, delay);
  }

  private clearTimers(): void {
    if (this.debounceTimer !== null) this.deps.clearTimer(this.debounceTimer);
    if (this.retryTimer !== null) this.deps.clearTimer(this.retryTimer);
    this.debounceTimer = null;
    this.retryTimer = null;
  }

  private setStatus(status: SaveStatus): void {
    this.status = status;
    this.deps.onStatus(status);
  }
}
