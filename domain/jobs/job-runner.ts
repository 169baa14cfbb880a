import { randomUUID } from 'node:crypto';
import { notFoundError, type AppErrorShape } from '../../ipc/errors';
import type { JOB_STATES } from '../../ipc/schema-parts';

// Long work (an export, a bundle import, a hub publish or pull) runs as a job: the request
// answers at once with a job id, the screen polls for progress and may cancel. The work is a
// series of stages; between stages it asks whether it was cancelled, and does its writing in a
// last synchronous step, so a cancelled job writes nothing after the cancel lands. Jobs live in
// memory only and are forgotten a while after they finish. Each feature keeps its own channels
// and words; this is the one runner behind them.

export const FORGET_FINISHED_AFTER_MS = 10 * 60 * 1000;

export type Job<Result, Failure> = {
  jobId: string;
  state: (typeof JOB_STATES)[number];
  /** 0 to 1. */
  progress: number;
  /** What it is doing now, in plain words. */
  stage: string;
  result: Result | null;
  error: Failure | null;
};

export type JobControl = {
  /** Reports progress (0 to 1) and what is happening, in plain words. */
  stage: (progress: number, stage: string) => void;
  /** Lets a pending cancel request land; true when the job should stop now. */
  cancelled: () => Promise<boolean>;
};

/** Resolves to the result, or to null when it stopped because it was cancelled. */
export type JobWork<Result> = (control: JobControl) => Promise<Result | null>;

/** What the person reads when a job of this kind ends each way. */
export type JobWords = {
  /** Names a job in "not found" ("That export"). */
  what: string;
  firstStage: string;
  done: string;
  failed: string;
  cancelled: string;
};

export type JobRunner<Result, Failure> = {
  start: (work: JobWork<Result>, firstStage?: string) => Job<Result, Failure>;
  status: (jobId: string) => Job<Result, Failure>;
  cancel: (jobId: string) => Job<Result, Failure>;
  /** Settles when the job is no longer running (for tests, and for closing the app cleanly). */
  settled: (jobId: string) => Promise<Job<Result, Failure>>;
  /** Cancels every running job: the app is closing and the database with it. */
  cancelAll: () => void;
  /** True while any job of this runner is running. */
  busy: () => boolean;
};

type Entry<Result, Failure> = { job: Job<Result, Failure>; finishedAt: number | null };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createJobRunner<Result, Failure = AppErrorShape>(options: {
  now: () => Date;
  words: JobWords;
  /** The error as the screen receives it. */
  toFailure: (error: unknown) => Failure;
  forgetAfterMs?: number;
}): JobRunner<Result, Failure> {
  const forgetAfter = options.forgetAfterMs ?? FORGET_FINISHED_AFTER_MS;
  const { words } = options;
  const entries = new Map<string, Entry<Result, Failure>>();
  const running = new Map<string, Promise<void>>();
  const snapshot = (entry: Entry<Result, Failure>): Job<Result, Failure> => ({ ...entry.job });

  const prune = () => {
    const now = options.now().getTime();
    for (const [id, entry] of entries) {
      if (entry.finishedAt !== null && now - entry.finishedAt > forgetAfter) entries.delete(id);
    }
  };
  const finish = (entry: Entry<Result, Failure>, changes: Partial<Job<Result, Failure>>) => {
    if (entry.job.state !== 'running') return;
    entry.job = { ...entry.job, ...changes };
    entry.finishedAt = options.now().getTime();
  };
  const find = (jobId: string) => {
    prune();
    const entry = entries.get(jobId);
    if (!entry) throw notFoundError(words.what);
    return entry;
  };

  return {
    start: (work, firstStage = words.firstStage) => {
      prune();
      const jobId = randomUUID();
      const entry: Entry<Result, Failure> = {
        job: { jobId, state: 'running', progress: 0, stage: firstStage, result: null, error: null },
        finishedAt: null,
      };
      entries.set(jobId, entry);
      const control: JobControl = {
        stage: (progress, stage) => {
          if (entry.job.state === 'running') entry.job = { ...entry.job, progress, stage };
        },
        cancelled: async () => {
          await nextTurn();
          return entry.job.state !== 'running';
        },
      };
      const run = (async () => {
        await nextTurn();
        try {
          if (entry.job.state !== 'running') return;
          const result = await work(control);
          if (result !== null) finish(entry, { state: 'done', progress: 1, stage: words.done, result });
        } catch (error) {
          finish(entry, { state: 'failed', stage: words.failed, error: options.toFailure(error) });
        } finally {
          running.delete(jobId);
        }
      })();
      running.set(jobId, run);
      return snapshot(entry);
    },
    status: (jobId) => snapshot(find(jobId)),
    cancel: (jobId) => {
      const entry = find(jobId);
      finish(entry, { state: 'cancelled', stage: words.cancelled });
      return snapshot(entry);
    },
    cancelAll: () => {
      for (const entry of entries.values()) finish(entry, { state: 'cancelled', stage: words.cancelled });
    },
    settled: async (jobId) => {
      await running.get(jobId);
      return snapshot(find(jobId));
    },
    busy: () => running.size > 0,
  };
}
