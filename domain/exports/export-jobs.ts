import type { ResponseOf } from '../../ipc/contract';
import type { AppErrorShape } from '../../ipc/errors';
import { createJobRunner, type JobRunner } from '../jobs/job-runner';

// Exports run as jobs (domain/jobs/job-runner.ts): the last stage, writing the file and
// recording it, is synchronous, so a cancelled export never writes or records anything.

export type ExportJob = ResponseOf<'exports:status'>;
export type ExportedFile = NonNullable<ExportJob['result']>;
export type ExportJobs = JobRunner<ExportedFile, AppErrorShape>;

export function createExportJobs(options: {
  now: () => Date;
  toErrorShape: (error: unknown) => AppErrorShape;
  forgetAfterMs?: number;
}): ExportJobs {
  return createJobRunner<ExportedFile>({
    now: options.now,
    words: {
      what: 'That export',
      firstStage: 'Checking what will leave PX Rounds',
      done: 'Saved',
      failed: 'Not saved',
      cancelled: 'Cancelled: nothing was saved',
    },
    toFailure: options.toErrorShape,
    ...(options.forgetAfterMs === undefined ? {} : { forgetAfterMs: options.forgetAfterMs }),
  });
}
