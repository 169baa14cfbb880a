import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACTION_STATUSES } from '../ipc/vocabulary';
import { openBenchContext } from './bench-context';
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
      const insertAction = sqlite.prepare(
        `INSERT INTO actions (id, said, will_do, owner_name, site, area_id, due_date, status, said_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'Sutton', ?, ?, ?, ?, ?, ?)`,
      );
      sqlite.transaction(() => {
        areaIds.forEach((id, i) => insertArea.run(id, `Ward ${i + 1}`));
        for (let i = 0; i < ACTIONS; i += 1) {
          const created = new Date(Date.parse('2025-01-01T09:00:00Z') + i * 3_000_000).toISOString();
          const due = new Date(Date.parse(created) + Math.floor(random() * 60) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          const status = ACTION_STATUSES[Math.floor(random() * ACTION_STATUSES.length)]!;
          insertAction.run(
            randomUUID(),
            `Concern ${i}: the call bell was out of reach`,
            `Remind staff at handover (${i})`,
            `Owner ${i % 25}`,
            areaIds[i % AREAS],
            due,
            status === 'fed_back' ? 'done' : status,
            created,
            created,
            created,
          );
        }
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
