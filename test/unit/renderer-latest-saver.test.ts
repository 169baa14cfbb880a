import { describe, expect, it } from 'vitest';
import type { Result } from '../../ipc/errors';
import type { SaveStatus } from '../../renderer/src/lib/save-schedule';
import { combineStatuses, LatestValueSaver } from '../../renderer/src/lib/latest-saver';
import { manualTimers } from '../helpers/manual-timers';

/** A save whose replies the test releases one at a time. */
function gatedSave() {
  const sent: string[] = [];
  const waiting: ((result: Result<string>) => void)[] = [];
  return {
    sent,
    save: (value: string) => {
      sent.push(value);
      return new Promise<Result<string>>((resolve) => waiting.push(resolve));
    },
    reply: async (result: Result<string>) => {
      const next = waiting.shift();
      if (next === undefined) throw new Error('no save is waiting');
      next(result);
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

function setup() {
  const timers = manualTimers();
  const api = gatedSave();
  const saved: string[] = [];
  const statuses: SaveStatus['state'][] = [];
  const saver = new LatestValueSaver<string, string>({
    save: api.save,
    onSaved: (value) => saved.push(value),
    onStatus: (status) => statuses.push(status.state),
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    now: () => new Date('2025-11-26T09:41:00Z'),
  });
  return { timers, api, saved, statuses, saver };
}

describe('saving the latest whole value', () => {
  it('sends changes made during a save as one more save of the newest value, never an older one last', async () => {
    const { api, saver, saved } = setup();
    saver.set('a');
    saver.set('ab');
    saver.set('abc');
    expect(api.sent).toEqual(['a']);
    await api.reply({ ok: true, value: 'stored a' });
    expect(api.sent).toEqual(['a', 'abc']);
    await api.reply({ ok: true, value: 'stored abc' });
    expect(saved).toEqual(['stored a', 'stored abc']);
    expect(saver.status).toEqual({ state: 'saved', at: new Date('2025-11-26T09:41:00Z') });
    expect(saver.needsSave).toBe(false);
  });

  it('waits for a pause before saving typed words, and saves at once when flushed', async () => {
    const { api, saver, timers } = setup();
    saver.set('Trav', { debounceMs: 500 });
    saver.set('Traveller', { debounceMs: 500 });
    expect(api.sent).toEqual([]);
    expect(timers.delays()).toEqual([500]);
    const flushed = saver.flush();
    expect(api.sent).toEqual(['Traveller']);
    await api.reply({ ok: true, value: 'ok' });
    expect(await flushed).toBe(true);
  });

  it('retries a storage problem after a delay, and leaves any other problem until the next change', async () => {
    const { api, saver, timers, statuses } = setup();
    saver.set('x');
    await api.reply({ ok: false, error: { kind: 'storage', message: 'busy' } });
    expect(saver.status.state).toBe('retrying');
    expect(timers.delays()).toEqual([1_000]);
    timers.fireAll();
    expect(api.sent).toEqual(['x', 'x']);
    await api.reply({ ok: true, value: 'ok' });
    expect(saver.status.state).toBe('saved');

    saver.set('y');
    await api.reply({ ok: false, error: { kind: 'locked', message: 'signed off' } });
    expect(saver.status.state).toBe('failed');
    expect(timers.delays()).toEqual([]);
    expect(saver.needsSave).toBe(true);
    expect(statuses).toContain('pending');
  });
});

describe('one status for several savers', () => {
  const at = (time: string): SaveStatus => ({ state: 'saved', at: new Date(`2025-11-26T${time}:00Z`) });

  it('puts a problem first, then saving, then the latest time saved', () => {
    const failed: SaveStatus = {
      state: 'failed',
      error: { kind: 'validation', message: 'Choose the impact' },
    };
    expect(combineStatuses([at('09:41'), failed, { state: 'saving' }])).toBe(failed);
    expect(combineStatuses([at('09:41'), { state: 'saving' }]).state).toBe('saving');
    expect(combineStatuses([at('09:41'), at('09:45'), { state: 'idle' }])).toEqual(at('09:45'));
    expect(combineStatuses([{ state: 'idle' }])).toEqual({ state: 'idle' });
  });
});
