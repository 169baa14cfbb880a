// Runs one signed export: start it, ask before replacing a file, follow its progress until it
// is done, refused or cancelled. The screens only say what to export and show the state.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestOf } from '../../../ipc/contract';
import type { AppErrorShape } from '../../../ipc/errors';
import { api } from '../api-client';
import { overwriteQuestion, type ExportJobDto } from './signing-text';

export type ExportRequest = RequestOf<'exports:start'>;
export type ExportedFileDto = NonNullable<ExportJobDto['result']>;

export type ExportState =
  | { state: 'idle' }
  | { state: 'starting' }
  /** A file of that name exists: nothing happens until the person answers. */
  | { state: 'asking'; question: string; request: ExportRequest }
  | { state: 'running'; job: ExportJobDto; cancelling: boolean }
  | { state: 'done'; file: ExportedFileDto }
  | { state: 'failed'; error: AppErrorShape }
  | { state: 'cancelled' }
  /** The person chose to keep the existing file. */
  | { state: 'kept' };

const POLL_MS = 250;

export function useExportJob(): {
  status: ExportState;
  start: (request: ExportRequest) => void;
  answer: (replace: boolean) => void;
  cancel: () => void;
  reset: () => void;
} {
  const [status, setStatus] = useState<ExportState>({ state: 'idle' });
  const mounted = useRef(true);
  const jobId = status.state === 'running' ? status.job.jobId : null;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const settle = useCallback((job: ExportJobDto) => {
    if (job.state === 'running') {
      setStatus((current) => ({
        state: 'running',
        job,
        cancelling: current.state === 'running' && current.cancelling,
      }));
    } else if (job.state === 'done' && job.result !== null) setStatus({ state: 'done', file: job.result });
    else if (job.state === 'cancelled') setStatus({ state: 'cancelled' });
    else {
      setStatus({
        state: 'failed',
        error: job.error ?? { kind: 'storage', message: 'The export stopped before it finished. Try again.' },
      });
    }
  }, []);

  // Follows the running job: one status call at a time, a short pause between them.
  useEffect(() => {
    if (jobId === null) return;
    let live = true;
    const timer = setTimeout(() => {
      void api['exports:status']({ jobId }).then((result) => {
        if (!live || !mounted.current) return;
        if (result.ok) settle(result.value);
        else setStatus({ state: 'failed', error: result.error });
      });
    }, POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // A new poll after each answer: the job object changes every time one arrives.
  }, [jobId, status, settle]);

  const run = useCallback(
    async (request: ExportRequest) => {
      setStatus({ state: 'starting' });
      const result = await api['exports:start'](request);
      if (!mounted.current) return;
      if (result.ok) {
        settle(result.value);
        return;
      }
      const question = overwriteQuestion(result.error, request.fileName ?? null);
      setStatus(
        question === null ? { state: 'failed', error: result.error } : { state: 'asking', question, request },
      );
    },
    [settle],
  );

  const start = useCallback((request: ExportRequest) => void run({ ...request, overwrite: false }), [run]);

  const answer = useCallback(
    (replace: boolean) => {
      if (status.state !== 'asking') return;
      if (replace) void run({ ...status.request, overwrite: true });
      else setStatus({ state: 'kept' });
    },
    [run, status],
  );

  const cancel = useCallback(() => {
    if (status.state !== 'running') return;
    setStatus({ ...status, cancelling: true });
    // A job still winding down stays "running"; the next status call will see it stop.
    void api['exports:cancel']({ jobId: status.job.jobId }).then((result) => {
      if (mounted.current && result.ok && result.value.state !== 'running') settle(result.value);
    });
  }, [settle, status]);

  const reset = useCallback(() => setStatus({ state: 'idle' }), []);

  return { status, start, answer, cancel, reset };
}
