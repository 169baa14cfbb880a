import { randomUUID } from 'node:crypto';
import type { ResponseOf } from '../../ipc/contract';
import type { AppErrorShape } from '../../ipc/errors';
import { notFoundError } from '../../ipc/errors';

// Exports run as jobs: the request returns at once, the screen polls for progress and may
// cancel. A job's work is a series of stages; between stages it checks whether it was
// cancelled, and the last stage (writing the file and recording it) is synchronous, so a
// cancelled job never writes or records anything. Jobs live in memory only and are forgotten
// a while after they finish.

export type ExportJob = ResponseOf<'exports:status'>;
export type ExportedFile = NonNullable<ExportJob['result']>;

export const FORGET_FINISHED_AFTER_MS = 10 * 60 * 1000;

export type JobControl = {
  /** Reports progress (0 to 1) and what is happening, in plain words. */
  stage: (progress: number, stage: string) => void;
  /** Lets a pending cancel request land; true when the job should stop now. */
  cancelled: () => Promise<boolean>;
};

export type JobWork = (control: JobControl) => Promise<ExportedFile | null>;

type Entry = { job: ExportJob; finishedAt: number | null };

export type ExportJobs = {
  start: (work: JobWork, firstStage: string) => ExportJob;
  status: (jobId: string) => ExportJob;
  cancel: (jobId: string) => ExportJob;
  /** Settles when the job is no longer running (for tests, and for closing the app cleanly). */
  settled: (jobId: string) => Promise<ExportJob>;
  /** Cancels every running job: the app is closing and the database with it. */
  cancelAll: () => void;
};

export function createExportJobs(options: {
  now: () => Date;
  toErrorShape: (error: unknown) => AppErrorShape;
  forgetAfterMs?: number;
}): ExportJobs {
  const forgetAfter = options.forgetAfterMs ?? FORGET_FINISHED_AFTER_MS;
  const entries = new Map<string, Entry>();
  const running = new Map<string, Promise<void>>();
  const snapshot = (entry: Entry): ExportJob => ({ ...entry.job });

  const prune = () => {
    const now = options.now().getTime();
    for (const [id, entry] of entries) {
      if (entry.finishedAt !== null && now - entry.finishedAt > forgetAfter) entries.delete(id);
    }
  };
  const finish = (entry: Entry, changes: Partial<ExportJob>) => {
    if (entry.job.state !== 'running') return;
    entry.job = { ...entry.job, ...changes };
    entry.finishedAt = options.now().getTime();
  };
  const find = (jobId: string): Entry => {
    prune();
    const entry = entries.get(jobId);
    if (!entry) throw notFoundError('That export');
    return entry;
  };

  return {
    start: (work, firstStage) => {
      prune();
      const jobId = randomUUID();
      const entry: Entry = {
        job: { jobId, state: 'running', progress: 0, stage: firstStage, result: null, error: null },
        finishedAt: null,
      };
      entries.set(jobId, entry);
      const control: JobControl = {
        stage: (progress, stage) => {
          if (entry.job.state === 'running') entry.job = { ...entry.job, progress, stage };
        },
        cancelled: async () => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          return entry.job.state !== 'running';
        },
      };
      const run = (async () => {
        await new Promise<void>((resolve) => setImmediate(resolve));
        try {
          if (entry.job.state !== 'running') return;
          const result = await work(control);
          if (result) finish(entry, { state: 'done', progress: 1, stage: 'Saved', result });
        } catch (error) {
          finish(entry, { state: 'failed', stage: 'Not saved', error: options.toErrorShape(error) });
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
      finish(entry, { state: 'cancelled', stage: 'Cancelled: nothing was saved' });
      return snapshot(entry);
    },
    cancelAll: () => {
      for (const entry of entries.values())
        finish(entry, { state: 'cancelled', stage: 'Cancelled: nothing was saved' });
    },
    settled: async (jobId) => {
      await running.get(jobId);
      return snapshot(find(jobId));
    },
  };
}
