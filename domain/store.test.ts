import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../test/helpers/test-context';
import { AUTOCHECKPOINT_PAGES, IDLE_CHECKPOINT_MS } from './store';

let ctx: TestContext;
beforeEach(() => {
  ctx = createTestContext();
});
afterEach(() => {
  vi.useRealTimers();
  ctx.dispose();
});

describe('write-ahead log checkpoints', () => {
  it('leaves checkpoints out of the save path and runs one once writes go quiet', async () => {
    expect(ctx.store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(AUTOCHECKPOINT_PAGES);
    vi.useFakeTimers();
    const spy = vi.spyOn(ctx.store.sqlite, 'pragma');
    await ctx.call('rounds:create', {
      startsAt: new Date().toISOString(),
      site: 'Sutton',
      templateId: null,
      team: [],
    });
    expect(spy.mock.calls.some(([p]) => String(p).startsWith('wal_checkpoint'))).toBe(false);
    vi.advanceTimersByTime(IDLE_CHECKPOINT_MS + 10);
    expect(spy.mock.calls.some(([p]) => p === 'wal_checkpoint(PASSIVE)')).toBe(true);
    spy.mockRestore();
  });
});
