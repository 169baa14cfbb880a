import type { ResponseOf } from '../../ipc/contract';
import type { AppErrorShape } from '../../ipc/errors';
import { createJobRunner, type JobRunner } from '../jobs/job-runner';
import { storedConnection, type HubDeps } from './hub-connection';
import { publishToHub, pullFromHub } from './hub-service';
import { createOutboxRetry, realTimers, type OutboxRetry, type RetryTimers } from './outbox-retry';

// What the trust hub keeps running while the app is open: publishes and pulls the person
// started (as jobs, with progress and cancel), and the retry that sends the outbox by itself
// once the hub can be reached.

export type HubJob = ResponseOf<'hub:job-status'>;
export type HubJobResult = NonNullable<HubJob['result']>;

export type HubRuntime = {
  deps: HubDeps;
  jobs: JobRunner<HubJobResult, AppErrorShape>;
  retry: OutboxRetry;
  startPublish: () => HubJob;
  startPull: () => HubJob;
  close: () => void;
};

export function createHubRuntime(options: {
  deps: HubDeps;
  now: () => Date;
  toErrorShape: (error: unknown) => AppErrorShape;
  timers?: RetryTimers;
}): HubRuntime {
  const { deps } = options;
  const jobs = createJobRunner<HubJobResult>({
    now: options.now,
    words: {
      what: 'That trust hub run',
      firstStage: 'Connecting to the trust hub',
      done: 'Finished',
      failed: 'Stopped: nothing was half-sent',
      cancelled: 'Cancelled: what was already sent or brought in is kept',
    },
    toFailure: options.toErrorShape,
  });
  const retry = createOutboxRetry({
    timers: options.timers ?? realTimers,
    now: options.now,
    due: () => deps.hub.queued() > 0 && storedConnection(deps) !== null,
    busy: jobs.busy,
    // Only what is already queued: new sign-offs go when the person publishes.
    send: async () => void (await publishToHub(deps, undefined, { queueNew: false })),
  });
  // The outbox may hold what the last session could not send.
  retry.schedule();
  return {
    deps,
    jobs,
    retry,
    startPublish: () =>
      jobs.start(async (control) => {
        try {
          return { kind: 'publish', ...(await publishToHub(deps, control)) };
        } finally {
          // Whatever could not go waits in the outbox, and goes once the hub can be reached.
          retry.schedule();
        }
      }),
    startPull: () =>
      jobs.start(async (control) => {
        const report = await pullFromHub(deps, control);
        return { kind: 'pull', ...report };
      }),
    close: () => {
      retry.stop();
      jobs.cancelAll();
    },
  };
}
