// Runs one publish or pull on the trust hub: start it, follow its progress until it is done,
// refused or cancelled. The screen shows the state and reloads the hub's status at the end.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../../../ipc/contract';
import type { AppErrorShape } from '../../../../ipc/errors';
import { api } from '../../api-client';

export type HubJobDto = ResponseOf<'hub:job-status'>;
export type HubRun = 'publish' | 'pull';

export type HubJobState =
  | { state: 'idle' }
  | { state: 'starting'; run: HubRun }
  | { state: 'running'; run: HubRun; job: HubJobDto; cancelling: boolean }
  | { state: 'finished'; run: HubRun; job: HubJobDto }
  | { state: 'failed'; run: HubRun; error: AppErrorShape };

const POLL_MS = 250;

export function useHubJob(onFinished: () => void) {
  const [status, setStatus] = useState<HubJobState>({ state: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const settle = useCallback(
    (run: HubRun, job: HubJobDto) => {
      if (job.state === 'running') {
        setStatus((current) => ({
          state: 'running',
          run,
          job,
          cancelling: current.state === 'running' && current.cancelling,
        }));
        return;
      }
      setStatus({ state: 'finished', run, job });
      onFinished();
    },
    [onFinished],
  );

  const jobId = status.state === 'running' ? status.job.jobId : null;
  useEffect(() => {
    if (jobId === null || status.state !== 'running') return;
    const { run } = status;
    let live = true;
    const timer = setTimeout(() => {
      void api['hub:job-status']({ jobId }).then((result) => {
        if (!live || !mounted.current) return;
        if (result.ok) settle(run, result.value);
        else setStatus({ state: 'failed', run, error: result.error });
      });
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // A new poll after each answer: the status object changes every time one arrives.
  }, [jobId, status, settle]);

  const start = useCallback(
    async (run: HubRun) => {
      setStatus({ state: 'starting', run });
      const result = await (run === 'publish' ? api['hub:publish-start']({}) : api['hub:pull-start']({}));
      if (!mounted.current) return;
      if (result.ok) settle(run, result.value);
      else setStatus({ state: 'failed', run, error: result.error });
    },
    [settle],
  );

  const cancel = useCallback(() => {
    if (status.state !== 'running') return;
    const { run } = status;
    setStatus({ ...status, cancelling: true });
    void api['hub:job-cancel']({ jobId: status.job.jobId }).then((result) => {
      if (mounted.current && result.ok && result.value.state !== 'running') settle(run, result.value);
    });
  }, [settle, status]);

  return { status, start: (run: HubRun) => void start(run), cancel };
}
