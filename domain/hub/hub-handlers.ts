import type { HandlerMap } from '../handler-types';
import type { Store } from '../store';
import { hubStatus, saveHubConnection, testHubConnection } from './hub-service';
import type { HubRuntime } from './hub-runtime';

export type HubHandlers = HandlerMap<
  | 'hub:status'
  | 'hub:save-connection'
  | 'hub:test-connection'
  | 'hub:publish-start'
  | 'hub:pull-start'
  | 'hub:job-status'
  | 'hub:job-cancel'
>;

export type HubHandlerOptions = {
  /** The hub's jobs and outbox retry, made by the app so that closing it stops them. */
  runtime: HubRuntime;
};

export function hubHandlers(_store: Store, options: HubHandlerOptions): HubHandlers {
  const status = () => {
    const { runtime } = options;
    const { held, ...rest } = hubStatus(runtime.deps);
    return {
      ...rest,
      held: held.map(({ unitId, kind, fingerprint, reason }) => ({ unitId, kind, fingerprint, reason })),
      retry: runtime.retry.state(),
    };
  };
  return {
    'hub:status': status,
    'hub:save-connection': ({ caCertificate, password, ...connection }) => {
      saveHubConnection(options.runtime.deps, {
        ...connection,
        ...(caCertificate === undefined ? {} : { caCertificatePem: caCertificate }),
        ...(password === undefined ? {} : { password }),
      });
      options.runtime.retry.schedule();
      return status();
    },
    'hub:test-connection': () => testHubConnection(options.runtime.deps),
    'hub:publish-start': () => options.runtime.startPublish(),
    'hub:pull-start': () => options.runtime.startPull(),
    'hub:job-status': ({ jobId }) => options.runtime.jobs.status(jobId),
    'hub:job-cancel': ({ jobId }) => options.runtime.jobs.cancel(jobId),
  };
}
