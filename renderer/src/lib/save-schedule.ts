// What every autosave keeps besides its value: the status the screen shows, a timer that waits
// for a pause in typing, and retries when storage fails. The text autosave (draft-saver.ts) and
// the whole-value autosave (latest-saver.ts) differ only in what they send. DOM-free, clock and
// timers injected, so both are unit-tested under Node.
import type { AppErrorShape } from '../../../ipc/errors';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: Date }
  | { state: 'retrying'; error: AppErrorShape }
  | { state: 'failed'; error: AppErrorShape };

type TimerHandle = ReturnType<typeof setTimeout>;

export type SaveScheduleDeps = {
  onStatus: (status: SaveStatus) => void;
  now?: () => Date;
  setTimer?: (run: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
  retryDelaysMs?: readonly number[];
};

/** Well under the 500 ms promise: a pause in typing this long triggers a save. */
export const DEFAULT_DEBOUNCE_MS = 300;
const DEFAULT_RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000] as const;

export class SaveSchedule {
  private statusValue: SaveStatus = { state: 'idle' };
  private debounceTimer: TimerHandle | null = null;
  private retryTimer: TimerHandle | null = null;
  private retryAttempt = 0;
  private readonly deps: Required<SaveScheduleDeps>;

  /** `save` is what runs when a wait ends: after a pause in typing, or to retry. */
  constructor(
    deps: SaveScheduleDeps,
    private readonly save: () => void,
  ) {
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

  /** True while a pause in typing is being waited for. */
  get waiting(): boolean {
    return this.debounceTimer !== null;
  }

  now(): Date {
    return this.deps.now();
  }

  setStatus(status: SaveStatus): void {
    this.statusValue = status;
    this.deps.onStatus(status);
  }

  /** Saves once `ms` pass without another change; any wait or retry already set is dropped. */
  afterPause(ms: number): void {
    this.clear();
    this.debounceTimer = this.deps.setTimer(() => {
      this.debounceTimer = null;
      this.save();
    }, ms);
  }

  succeeded(): void {
    this.retryAttempt = 0;
  }

  /**
   * Only a storage problem (disk busy, host briefly unreachable) can heal by itself, so only it
   * is retried, each time after a longer wait. A locked record or an invalid field would fail
   * the same way again, so it waits for the next change.
   */
  failed(error: AppErrorShape): void {
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
      this.save();
    }, delay);
  }

  /** Drops any wait and any retry. */
  clear(): void {
    if (this.debounceTimer !== null) this.deps.clearTimer(this.debounceTimer);
    if (this.retryTimer !== null) this.deps.clearTimer(this.retryTimer);
    this.debounceTimer = null;
    this.retryTimer = null;
  }
}
