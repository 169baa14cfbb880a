// Autosave for a value that is always sent whole (an observation's set of tags, or its
// confirmed sentiment): saves run one at a time and only the latest value matters, so a burst of
// changes while a save is in flight becomes one more save, never an older value landing last.
// Storage problems are retried like the text autosave; anything else waits for the next change.
// DOM-free, timers injected, unit-tested under Node.
import type { Result } from '../../../ipc/errors';
import { SaveSchedule, type SaveScheduleDeps, type SaveStatus } from './save-schedule';

export type LatestSaverDeps<T, R> = SaveScheduleDeps & {
  save: (value: T) => Promise<Result<R>>;
  onSaved: (saved: R) => void;
};

export class LatestValueSaver<T, R> {
  private latest: { value: T; revision: number } | null = null;
  private savedRevision = 0;
  private revision = 0;
  private running: Promise<void> | null = null;
  private readonly schedule: SaveSchedule;

  constructor(private readonly deps: LatestSaverDeps<T, R>) {
    this.schedule = new SaveSchedule(deps, () => void this.run());
  }

  get status(): SaveStatus {
    return this.schedule.status;
  }

  get needsSave(): boolean {
    return this.revision > this.savedRevision;
  }

  /** The value to store. `debounceMs` waits for a pause, e.g. while a description is typed. */
  set(value: T, options: { debounceMs?: number } = {}): void {
    this.revision += 1;
    this.latest = { value, revision: this.revision };
    this.schedule.clear();
    this.schedule.setStatus({ state: 'pending' });
    if (options.debounceMs !== undefined && options.debounceMs > 0) {
      this.schedule.afterPause(options.debounceMs);
      return;
    }
    void this.run();
  }

  /** Saves now rather than after a debounce; resolves true when nothing is left unsaved. */
  async flush(): Promise<boolean> {
    this.schedule.clear();
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
    const { state } = this.schedule.status;
    if (!this.needsSave && state !== 'pending' && state !== 'saving') return;
    while (this.latest !== null && this.latest.revision > this.savedRevision) {
      const { value, revision } = this.latest;
      this.schedule.setStatus({ state: 'saving' });
      const result = await this.deps.save(value);
      if (!result.ok) {
        this.schedule.failed(result.error);
        return;
      }
      this.schedule.succeeded();
      this.savedRevision = Math.max(this.savedRevision, revision);
      this.deps.onSaved(result.value);
    }
    if (!this.schedule.waiting) this.schedule.setStatus({ state: 'saved', at: this.schedule.now() });
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
