import { describe, expect, it } from 'vitest';
import { createJobRunner } from './job-runner';

const words = {
  what: 'That job',
  firstStage: 'Starting',
  done: 'Finished',
  failed: 'Not finished',
  cancelled: 'Cancelled: nothing was changed',
};

function runner(clock = { ms: 0 }) {
  return createJobRunner<{ n: number }, { message: string }>({
    now: () => new Date(clock.ms),
    words,
    toFailure: (error) => ({ message: error instanceof Error ? error.message : String(error) }),
    forgetAfterMs: 1000,
  });
}

describe('the job runner behind exports, imports and the trust hub', () => {
  it('answers at once, reports stages, and ends with the result', async () => {
    const jobs = runner();
    const started = jobs.start(async (control) => {
      control.stage(0.5, 'Half way');
      await control.cancelled();
      return { n: 7 };
    });
    expect(started).toMatchObject({ state: 'running', progress: 0, stage: 'Starting' });
    expect(jobs.busy()).toBe(true);
    expect(await jobs.settled(started.jobId)).toMatchObject({
      state: 'done',
      progress: 1,
      stage: 'Finished',
      result: { n: 7 },
    });
    expect(jobs.busy()).toBe(false);
  });

  it('lets a cancel land between stages, and keeps the job cancelled whatever the work does next', async () => {
    const jobs = runner();
    let afterCancel = false;
    const started = jobs.start(async (control) => {
      control.stage(0.2, 'Working');
      if (await control.cancelled()) return null;
      afterCancel = true;
      return { n: 1 };
    });
    expect(jobs.cancel(started.jobId)).toMatchObject({ state: 'cancelled', stage: words.cancelled });
    expect(await jobs.settled(started.jobId)).toMatchObject({ state: 'cancelled', result: null });
    expect(afterCancel).toBe(false);
  });

  it('turns a thrown error into the failure the screen reads', async () => {
    const jobs = runner();
    const started = jobs.start(async () => {
      throw new Error('The hub cannot be reached');
    });
    expect(await jobs.settled(started.jobId)).toMatchObject({
      state: 'failed',
      stage: 'Not finished',
      error: { message: 'The hub cannot be reached' },
    });
  });

  it('forgets a finished job after a while, and says so in its own words', async () => {
    const clock = { ms: 0 };
    const jobs = runner(clock);
    const started = jobs.start(async () => ({ n: 2 }));
    await jobs.settled(started.jobId);
    clock.ms = 999;
    expect(jobs.status(started.jobId).state).toBe('done');
    clock.ms = 2001;
    expect(() => jobs.status(started.jobId)).toThrow(/That job/);
  });

  it('cancels every running job when the app closes', async () => {
    const jobs = runner();
    const a = jobs.start(async (control) => ((await control.cancelled()) ? null : { n: 1 }));
    const b = jobs.start(async (control) => ((await control.cancelled()) ? null : { n: 2 }));
    jobs.cancelAll();
    expect((await jobs.settled(a.jobId)).state).toBe('cancelled');
    expect((await jobs.settled(b.jobId)).state).toBe('cancelled');
  });
});
