import type { ResponseOf } from '../../ipc/contract';
import type { AppErrorShape } from '../../ipc/errors';
import { createJobRunner, type JobControl } from '../jobs/job-runner';
import { BundleError } from './bundle-errors';

// Imports run as jobs (domain/jobs/job-runner.ts): checking the bundle is done in steps with a
// turn of the event loop between them, where a cancel lands; the merge itself is one synchronous
// transaction after the last check, so a cancelled import never writes anything.

export type ImportJob = ResponseOf<'bundles:import-status'>;
export type ImportResult = NonNullable<ImportJob['result']>;
export type ImportControl = JobControl;

export function createImportJobs(options: {
  now: () => Date;
  toErrorShape: (error: unknown) => AppErrorShape;
}) {
  return createJobRunner<ImportResult, NonNullable<ImportJob['error']>>({
    now: options.now,
    words: {
      what: 'That import',
      firstStage: 'Reading the bundle',
      done: 'Imported',
      failed: 'Not imported: nothing was changed',
      cancelled: 'Cancelled: nothing was imported',
    },
    // A bundle's refusal carries its reason, so the screen can say what to do about it.
    toFailure: (error) => {
      const shape = options.toErrorShape(error);
      return error instanceof BundleError ? { ...shape, reason: error.reason } : shape;
    },
  });
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
