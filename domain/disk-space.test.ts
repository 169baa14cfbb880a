import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freeBytes, LOW_SPACE_BYTES, reservationThatFits } from '../db/write-ahead-log';
import { roundWithAreas } from '../test/helpers/round-fixtures';
import { createTestContext, makeTempDir, type TestContext } from '../test/helpers/test-context';

const MB = 1024 * 1024;
const temps: { remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.remove()));

/** Mounts a tmpfs of `size` at `dir`; false where this machine does not allow it. */
function mountTmpfs(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Fills the disk holding `dir` until `leave` bytes are free, with one file. */
function fillLeaving(dir: string, name: string, leave: number): string {
  const file = join(dir, name);
  writeFileSync(file, Buffer.alloc(Math.max(0, (freeBytes(dir) ?? 0) - leave)));
  return file;
}

describe('the write-ahead log reservation', () => {
  it('takes only what leaves the low-space margin free', () => {
    expect(reservationThatFits(0, 16 * MB, 10_000 * MB)).toBe(16 * MB);
    expect(reservationThatFits(4 * MB, 16 * MB, LOW_SPACE_BYTES + 5 * MB)).toBe(5 * MB);
    expect(reservationThatFits(0, 16 * MB, 30 * MB)).toBe(0);
    expect(reservationThatFits(20 * MB, 16 * MB, 10_000 * MB)).toBe(0);
  });
});

describe('a nearly full disk', () => {
  it('keeps saving until the disk is really full, then recovers on its own when space returns', async (context) => {
    const temp = makeTempDir();
    temps.push(temp);
    const mountPoint = join(temp.dir, 'disk');
    mkdirSync(mountPoint);
    context.skip(
      !mountTmpfs(mountPoint, '40m'),
      'mounting a filesystem is not permitted here, so a full disk cannot be made',
    );
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let ctx: TestContext | null = null;
    try {
      ctx = createTestContext({ dataDir: join(mountPoint, 'data') });
      const { roundId, areas } = await roundWithAreas(ctx, 'Sutton', ['Oak Ward']);
      const areaId = areas['Oak Ward']!;
      const save = (n: number) =>
        ctx!.dispatch('observations:create', {
          roundId,
          areaId,
          kind: 'heard',
          source: 'patient',
          text: `Observation ${n}: ${'the call bell was answered quickly. '.repeat(20)}`,
          promptId: null,
        });
      // 6 MB left: a 16 MB reservation would have taken all of it.
      fillLeaving(mountPoint, 'filler-1', 6 * MB);
      const info = await ctx.call('app:info', {});
      expect(info.diskSpace.low).toBe(true);
      expect(info.diskSpace.freeBytes).toBeLessThanOrEqual(6 * MB);
      const acknowledged: string[] = [];
      for (let n = 0; n < 300; n += 1) {
        const result = await save(n);
        expect({ n, result: result.ok ? 'ok' : result.error }).toEqual({ n, result: 'ok' });
        if (result.ok) acknowledged.push((result.value as { id: string }).id);
        // Housekeeping (the reservation among it) runs after each save.
        await new Promise((resolve) => setImmediate(resolve));
      }

      const filler = fillLeaving(mountPoint, 'filler-2', 0);
      let full: Awaited<ReturnType<typeof save>> | null = null;
      for (let n = 300; n < 2000 && full === null; n += 1) {
        const result = await save(n);
        if (result.ok) acknowledged.push((result.value as { id: string }).id);
        else full = result;
      }
      expect(full).toEqual({
        ok: false,
        error: { kind: 'storage', message: 'The disk is full, so your work could not be saved.' },
      });

      rmSync(filler);
      const again = await save(5000);
      expect(again.ok).toBe(true);
      if (again.ok) acknowledged.push((again.value as { id: string }).id);

      ctx = ctx.reopen();
      const round = await ctx.call('rounds:get', { roundId });
      expect(new Set(round.observations.map((o) => o.id))).toEqual(new Set(acknowledged));
    } finally {
      ctx?.dispose();
      errors.mockRestore();
      execFileSync('umount', ['-l', mountPoint]);
    }
  }, 120_000);
});
