import { randomUUID } from 'node:crypto';
import type { ResponseOf } from '../../ipc/contract';
import { notFoundError, type AppErrorShape } from '../../ipc/errors';
import { BundleError } from './bundle-errors';

// Imports run as jobs, like exports (domain/export/export-jobs.ts): the request answers at once,
// the screen polls for progress and may cancel. Checking the bundle is done in steps with a turn
// of the event loop between them, where a cancel lands; the merge itself is one synchronous
// transaction after the last check, so a cancelled import never writes anything.

export type ImportJob = ResponseOf<'bundles:import-status'>;
export type ImportResult = NonNullable<ImportJob['result']>;
export type ImportControl = {
  stage: (progress: number, stage: string) => void;
  /** Lets a pending cancel land; true when the import should stop now, having written nothing. */
  cancelled: () => Promise<boolean>;
};

const FORGET_AFTER_MS = 10 * 60 * 1000;
type Entry = { job: ImportJob; finishedAt: number | null };

export function createImportJobs(options: {
  now: () => Date;
  toErrorShape: (error: unknown) => AppErrorShape;
}) {
  const entries = new Map<string, Entry>();
  const running = new Map<string, Promise<void>>();
  const finish = (entry: Entry, changes: Partial<ImportJob>) => {
    if (entry.job.state !== 'running') return;
    entry.job = { ...entry.job, ...changes };
    entry.finishedAt = options.now().getTime();
  };
  const find = (jobId: string): Entry => {
    const now = options.now().getTime();
    for (const [id, e] of entries)
      if (e.finishedAt !== null && now - e.finishedAt > FORGET_AFTER_MS) entries.delete(id);
    const entry = entries.get(jobId);
    if (!entry) throw notFoundError('That import');
    return entry;
  };
  return {
    start: (work: (control: ImportControl) => Promise<ImportResult | null>): ImportJob => {
      const jobId = randomUUID();
      const entry: Entry = {
        job: { jobId, state: 'running', progress: 0, stage: 'Reading the bundle', result: null, error: null },
        finishedAt: null,
      };
      entries.set(jobId, entry);
      const control: ImportControl = {
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
          if (result) finish(entry, { state: 'done', progress: 1, stage: 'Imported', result });
        } catch (error) {
          const shape = options.toErrorShape(error);
          finish(entry, {
            state: 'failed',
            stage: 'Not imported: nothing was changed',
            error: error instanceof BundleError ? { ...shape, reason: error.reason } : shape,
          });
        } finally {
          running.delete(jobId);
        }
      })();
      running.set(jobId, run);
      return { ...entry.job };
    },
    status: (jobId: string): ImportJob => ({ ...find(jobId).job }),
    cancel: (jobId: string): ImportJob => {
      const entry = find(jobId);
      finish(entry, { state: 'cancelled', stage: 'Cancelled: nothing was imported' });
      return { ...entry.job };
    },
    cancelAll: () => {
      for (const entry of entries.values())
        finish(entry, { state: 'cancelled', stage: 'Cancelled: nothing was imported' });
    },
    settled: async (jobId: string): Promise<ImportJob> => {
      await running.get(jobId);
      return { ...find(jobId).job };
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
