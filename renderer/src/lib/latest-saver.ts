// Autosave for a value that is always sent whole (an observation's set of tags, or its
// confirmed sentiment): saves run one at a time and only the latest value matters, so a burst of
// changes while a save is in flight becomes one more save, never an older value landing last.
// Storage problems are retried like the text autosave; anything else waits for the next change.
// DOM-free, timers injected, unit-tested under Node.
import type { AppErrorShape, Result } from '../../../ipc/errors';
import type { SaveStatus } from './draft-saver';

type TimerHandle = ReturnType<typeof setTimeout>;

export type LatestSaverDeps<T, R> = {
  save: (value: T) => Promise<Result<R>>;
  onSaved: (saved: R) => void;
  onStatus: (status: SaveStatus) => void;
  now?: () => Date;
  setTimer?: (run: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
  retryDelaysMs?: readonly number[];
};

const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000] as const;

export class LatestValueSaver<T, R> {
  private latest: { value: T; revision: number } | null = null;
  private savedRevision = 0;
  private revision = 0;
  private running: Promise<void> | null = null;
  private debounceTimer: TimerHandle | null = null;
  private retryTimer: TimerHandle | null = null;
  private retryAttempt = 0;
  private statusValue: SaveStatus = { state: 'idle' };
  private readonly deps: Required<LatestSaverDeps<T, R>>;

  constructor(deps: LatestSaverDeps<T, R>) {
    this.deps = {
      now: () => new Date(),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (handle) => clearTimeout(handle),
      retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
      ...deps,
    };
  }

  get status(): SaveStatus {
    return this.statusValue;
  }

  get needsSave(): boolean {
    return this.revision > this.savedRevision;
  }

  /** The value to store. `debounceMs` waits for a pause, e.g. while a description is typed. */
  set(value: T, options: { debounceMs?: number } = {}): void {
    this.revision += 1;
    this.latest = { value, revision: this.revision };
    this.clearTimers();
    this.setStatus({ state: 'pending' });
    if (options.debounceMs !== undefined && options.debounceMs > 0) {
      this.debounceTimer = this.deps.setTimer(() => {
        this.debounceTimer = null;
        void this.run();
      }, options.debounceMs);
      return;
    }
    void this.run();
  }

  /** Saves now rather than after a debounce; resolves true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    this.clearTimers();
    await this.run();
    return !this.needsSave;
  }

  private run(): Promise<void> {
    if (this.running === null) {
      this.running = this.loop().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async loop(): Promise<void> {
    // A flush with nothing to save (e.g. when a screen closes) leaves the status as it was.
    if (!this.needsSave && this.statusValue.state !== 'pending' && this.statusValue.state !== 'saving')
      return;
    while (this.latest !== null && this.latest.revision > this.savedRevision) {
      const { value, revision } = this.latest;
      this.setStatus({ state: 'saving' });
      const result = await this.deps.save(value);
      if (!result.ok) {
        this.handleFailure(result.error);
        return;
      }
      this.retryAttempt = 0;
      this.savedRevision = Math.max(this.savedRevision, revision);
      this.deps.onSaved(result.value);
    }
    if (this.debounceTimer === null) this.setStatus({ state: 'saved', at: this.deps.now() });
  }

  private handleFailure(error: AppErrorShape): void {
    if (error.kind !== 'storage') {
      this.setStatus({ state: 'failed', error });
      return;
    }
    this.setStatus({ state: 'retrying', error });
    const delays = this.deps.retryDelaysMs;
    const delay = delays[Math.min(this.retryAttempt, delays.length - 1)] ?? 1_000;
    this.retryAttempt += 1;
    this.retryTimer = this.deps.setTimer(() => {
      this.retryTimer = null;
      void this.run();
    }, delay);
  }

  private clearTimers(): void {
    if (this.debounceTimer !== null) this.deps.clearTimer(this.debounceTimer);
    if (this.retryTimer !== null) this.deps.clearTimer(this.retryTimer);
    this.debounceTimer = null;
    this.retryTimer = null;
  }

  private setStatus(status: SaveStatus): void {
    this.statusValue = status;
    this.deps.onStatus(status);
  }
}

// One object, so a combined status that has not changed is the same value to React.
const IDLE: SaveStatus = { state: 'idle' };

const PROBLEM_ORDER: readonly SaveStatus['state'][] = ['failed', 'retrying', 'saving', 'pending'];

/**
 * One status for several savers of the same observation: a problem anywhere first, then
 * "saving", then the latest "saved" time.
 */
export function combineStatuses(statuses: readonly SaveStatus[]): SaveStatus {
  for (const state of PROBLEM_ORDER) {
    const found = statuses.find((s) => s.state === state);
    if (found !== undefined) return found;
  }
  let latest: SaveStatus = IDLE;
  for (const status of statuses) {
    if (status.state === 'saved' && (latest.state !== 'saved' || status.at > latest.at)) latest = status;
  }
  return latest;
}
