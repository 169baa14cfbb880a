import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBenchContext } from './bench-context';
import { insertBenchActions } from './bench-fixtures';
import { percentile, row, type BenchRow, type BenchSuite } from './bench-types';
import { seededRandom } from './seed-observations';

const ACTIONS = 10_000;
const AREAS = 40;

export const actionsSuite: BenchSuite = {
  name: 'actions',
  run: async (): Promise<BenchRow[]> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pxr-bench-actions-'));
    try {
      const clock = new Date('2026-11-26T10:00:00Z');
      const ctx = openBenchContext(dataDir, { now: () => clock });
      const random = seededRandom(5);
      const { sqlite } = ctx.store;
      const areaIds = Array.from({ length: AREAS }, () => randomUUID());
      const insertArea = sqlite.prepare(
        "INSERT INTO areas (id, site, name, created_at) VALUES (?, 'Sutton', ?, 'x')",
      );
      sqlite.transaction(() => {
        areaIds.forEach((id, i) => insertArea.run(id, `Ward ${i + 1}`));
        insertBenchActions(sqlite, { count: ACTIONS, everyMs: 3_000_000, areaIds, random });
      })();
      const times: number[] = [];
      for (let i = 0; i < 220; i += 1) {
        const t0 = performance.now();
        const result = await ctx.dispatch('actions:list', {
          areaId: areaIds[i % AREAS]!,
          overdue: true,
          sort: 'due_date',
        });
        const elapsed = performance.now() - t0;
        if (!result.ok) throw new Error(result.error.message);
        if (i >= 20) times.push(elapsed);
      }
      ctx.close();
      times.sort((a, b) => a - b);
      return [
        row(
          'actions board: first page of 10,000, area + overdue filter, p50',
          percentile(times, 50),
          'ms',
          null,
        ),
        row(
          'actions board: first page of 10,000, area + overdue filter, p95',
          percentile(times, 95),
          'ms',
          100,
        ),
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
