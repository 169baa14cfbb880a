import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestContext, makeTempDir, type TestContext } from '../test/helpers/test-context';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LOG_RESERVE_BYTES } from '../db/write-ahead-log';
import { DATABASE_FILE } from './app-context';
import { AUTOCHECKPOINT_PAGES, CHECKPOINT_EVERY_WRITES, IDLE_CHECKPOINT_MS } from './store';

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

describe('a checkpoint that fails', () => {
  it('is reported, not thrown from its timer, so the app keeps running', async () => {
    vi.useFakeTimers();
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    await ctx.call('rounds:create', {
      startsAt: new Date().toISOString(),
      site: 'Sutton',
      templateId: null,
      team: [],
    });
    // Its one-row write can no longer be made.
    ctx.store.sqlite.exec('DROP TABLE last_checkpoint');
    expect(() => vi.advanceTimersByTime(IDLE_CHECKPOINT_MS + 10)).not.toThrow();
    expect(reported).toHaveBeenCalledWith(
      'The write-ahead log could not be checkpointed:',
      expect.any(Error),
    );
    reported.mockRestore();
  });
});

describe('what follows a save', () => {
  const startRound = () =>
    ctx.call('rounds:create', {
      startsAt: new Date().toISOString(),
      site: 'Sutton',
      templateId: null,
      team: [],
    });

  it(`checkpoints every ${CHECKPOINT_EVERY_WRITES} writes, on the turn after a save, never inside one`, async () => {
    const spy = vi.spyOn(ctx.store.sqlite, 'pragma');
    const checkpoints = () => spy.mock.calls.filter(([p]) => p === 'wal_checkpoint(PASSIVE)').length;
    let duringSaves = 0;
    const save = async () => {
      const before = checkpoints();
      await startRound();
      duringSaves += checkpoints() - before;
    };
    for (let i = 0; i < CHECKPOINT_EVERY_WRITES - 1; i += 1) {
      await save();
      await nextTurn();
    }
    expect(checkpoints()).toBe(0);
    await save();
    expect(checkpoints()).toBe(0);
    await nextTurn();
    expect(checkpoints()).toBe(1);
    expect(duringSaves).toBe(0);
    // and the write that starts the log afresh is made there too, not left to the next save
    expect(ctx.store.sqlite.prepare('SELECT at FROM last_checkpoint').pluck().get()).not.toBe('');
    spy.mockRestore();
  });

  it('keeps the log file allocated after the first save, and every save is still there after a crash', async () => {
    const log = join(ctx.dataDir, `${DATABASE_FILE}-wal`);
    await startRound();
    await nextTurn();
    expect(statSync(log).size).toBeGreaterThanOrEqual(LOG_RESERVE_BYTES);
    const ids: string[] = [];
    for (let i = 0; i < 30; i += 1) ids.push((await startRound()).id);
    expect(statSync(log).size).toBe(LOG_RESERVE_BYTES);

    // A crash: the files as they are on disk now, opened by a fresh app without a clean close.
    const crashed = makeTempDir();
    try {
      for (const suffix of ['', '-wal'])
        copyFileSync(join(ctx.dataDir, DATABASE_FILE + suffix), join(crashed.dir, DATABASE_FILE + suffix));
      const after = createTestContext({ dataDir: crashed.dir, key: ctx.key });
      const rounds = await after.call('rounds:list', {});
      expect(rounds.map((r) => r.id)).toEqual(expect.arrayContaining(ids));
      expect(after.store.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
      after.dispose();
    } finally {
      crashed.remove();
    }
  });
});
