import { describe, expect, it } from 'vitest';
import { SaveSchedule, type SaveStatus } from '../../renderer/src/lib/save-schedule';
import { manualTimers } from '../helpers/manual-timers';

function scheduleWith(retryDelaysMs = [1_000, 2_000, 5_000]) {
  const timers = manualTimers();
  const statuses: SaveStatus['state'][] = [];
  let saves = 0;
  const schedule = new SaveSchedule(
    { onStatus: (s) => statuses.push(s.state), retryDelaysMs, ...timers },
    () => {
      saves += 1;
    },
  );
  return { schedule, timers, statuses, saves: () => saves };
}

const storage = { kind: 'storage', message: 'The disk is busy' } as const;

describe('the schedule shared by every autosave', () => {
  it('saves once after the last pause, however many changes came before it', () => {
    const { schedule, timers, saves } = scheduleWith();
    schedule.afterPause(300);
    schedule.afterPause(300);
    schedule.afterPause(300);
    expect(timers.delays()).toEqual([300]);
    expect(schedule.waiting).toBe(true);
    timers.fireAll();
    expect(saves()).toBe(1);
    expect(schedule.waiting).toBe(false);
  });

  it('retries storage problems after longer and longer waits, and starts again once a save works', () => {
    const { schedule, timers, statuses, saves } = scheduleWith();
    const waits: number[][] = [];
    for (let i = 0; i < 4; i += 1) {
      schedule.failed(storage);
      waits.push(timers.delays());
      timers.fireAll();
    }
    // The last wait is repeated once the list runs out; only one retry is ever waiting.
    expect(waits).toEqual([[1_000], [2_000], [5_000], [5_000]]);
    expect(saves()).toBe(4);
    expect(statuses).toEqual(['retrying', 'retrying', 'retrying', 'retrying']);

    schedule.succeeded();
    schedule.failed(storage);
    expect(timers.delays()).toEqual([1_000]);
  });

  it('leaves any other problem until the next change: nothing is retried by itself', () => {
    const { schedule, timers, saves } = scheduleWith();
    schedule.failed({ kind: 'locked', message: 'This round has been signed off.' });
    expect(schedule.status).toEqual({
      state: 'failed',
      error: { kind: 'locked', message: 'This round has been signed off.' },
    });
    expect(timers.delays()).toEqual([]);
    expect(saves()).toBe(0);
  });

  it('drops a waiting retry when a change arrives or the screen stops saving', () => {
    const { schedule, timers, saves } = scheduleWith();
    schedule.failed(storage);
    schedule.afterPause(300);
    expect(timers.delays()).toEqual([300]);
    schedule.clear();
    expect(timers.delays()).toEqual([]);
    timers.fireAll();
    expect(saves()).toBe(0);
  });
});
