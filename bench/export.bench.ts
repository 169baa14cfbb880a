// Bench: building and signing Word exports, as a NED or the PEIG secretary waits for them.
// The budgets apply to the path the app takes: the export channel, from the database (model
// built, personal data cleared, document built, signed and saved with its audit entry):
// - A round summary of 100 observations: p95 of 20 runs ≤ 400 ms.
// - The PEIG period report over 5,000 observations: ≤ 4 s, peak memory ≤ 500 MB.
// The same documents built from ready-made view-models are reported beside them, without a
// budget, to show how much of the time is the document itself.
//
// Peak memory is the report's alone because it is measured in a child process that does
// nothing else: a fresh Node (with tsx, as the bench runs) builds the report and then reports
// process.resourceUsage().maxRSS, the kernel's high-water mark of resident memory for that
// process. Measured in the bench's own process, the figure would include whatever the suites
// before it left on the heap. The child's own starting point (maxRSS before the first report)
// is reported beside it, so the report's share can be read off.

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generatedPeriodInput } from '../domain/exports/fixtures/sample-documents';
import { sampleIdentity } from '../domain/exports/fixtures/sample-identity';
import { generatedRoundSummary } from '../domain/exports/fixtures/sample-round';
import { summarisePeriod } from '../domain/exports/period-report/summarise-period';
import { createSignedExport } from '../domain/exports/signed-export';
import { verifySignedDocx } from '../domain/signing/verify-export';
import type { AppContext } from '../domain/app-context';
import type { RequestOf } from '../ipc/contract';
import { percentile, row, type BenchSuite } from './bench-types';
import { openBenchContext } from './bench-context';
import { BENCH_SIGNER, seedSignedOffPeriod, seedSignedOffRound } from './seed-exports';

const ROUND_OBSERVATIONS = 100;
const ROUND_WARM_UP = 3;
const ROUND_RUNS = 20;
const ROUND_BUDGET_MS = 400;
const PERIOD_OBSERVATIONS = 5_000;
const PERIOD_RUNS = 5;
const PERIOD_BUDGET_MS = 4_000;
const PERIOD_BUDGET_MB = 500;
const CHILD_FLAG = '--period-report-child';
const DB_CHILD_FLAG = '--period-report-db-child';
const PERIOD = { from: '2026-07-01', to: '2026-09-30' };

type ChildReport = { times: number[]; baselineMb: number; peakMb: number; bytes: number };

const identity = sampleIdentity();
const maxRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Runs in the child: one cold run (it counts, as the first export after start-up would), then the rest. */
async function periodReportChild(): Promise<ChildReport> {
  const baselineMb = maxRssMb();
  const input = generatedPeriodInput(identity.keyId, PERIOD_OBSERVATIONS);
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run < PERIOD_RUNS; run += 1) {
    const started = performance.now();
    const model = summarisePeriod(input);
    const signed = await createSignedExport(
      { documentType: 'period_report', model },
      { identity, appVersion: 'bench' },
    );
    times.push(performance.now() - started);
    bytes = signed.bytes.length;
  }
  return { times, baselineMb, peakMb: maxRssMb(), bytes };
}

/** One export through the channel, from start to the file saved; returns the file's path. */
async function exportThroughChannel(ctx: AppContext, request: RequestOf<'exports:start'>): Promise<string> {
  const started = await ctx.dispatch('exports:start', request);
  if (!started.ok) throw new Error(`exports:start: ${started.error.message}`);
  const job = await ctx.exportJobs.settled((started.value as { jobId: string }).jobId);
  if (!job.result) throw new Error(`the benched export failed: ${job.error?.message ?? job.state}`);
  return job.result.path;
}

/** Runs in the DB child: the period report through the export channel over a seeded database. */
async function periodReportDbChild(): Promise<ChildReport> {
  const baselineMb = maxRssMb();
  const dataDir = process.env.PXR_BENCH_DATA_DIR ?? '';
  const ctx = openBenchContext(dataDir, { key: Buffer.from(process.env.PXR_BENCH_KEY ?? '', 'hex') });
  const times: number[] = [];
  let bytes = 0;
  try {
    for (let run = 0; run < PERIOD_RUNS; run += 1) {
      const started = performance.now();
      const path = await exportThroughChannel(ctx, {
        documentType: 'period_report',
        ...PERIOD,
        site: null,
        ...BENCH_SIGNER,
        attestation: 'I confirm this report fairly summarises the period.',
        fileName: 'bench period report.docx',
        overwrite: true,
        personalDataConfirmed: true,
      });
      times.push(performance.now() - started);
      bytes = readFileSync(path).length;
    }
  } finally {
    ctx.close();
  }
  return { times, baselineMb, peakMb: maxRssMb(), bytes };
}

async function inChild(flag: string, env: Record<string, string> = {}): Promise<ChildReport> {
  const file = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file, flag], {
    cwd: resolve(import.meta.dirname, '..'),
    env: { ...process.env, ...env },
    maxBuffer: 1024 * 1024,
    timeout: 300_000,
  });
  return JSON.parse(stdout) as ChildReport;
}

/** Seeds a quarter of 5,000 observations in signed-off rounds, then reports in a fresh process. */
async function periodReportFromDatabase(): Promise<ChildReport> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pxr-bench-export-period-'));
  try {
    const key = randomBytes(32);
    const ctx = openBenchContext(dataDir, { key });
    seedSignedOffPeriod(ctx, {
      observations: PERIOD_OBSERVATIONS,
      from: new Date('2026-07-01T08:00:00Z'),
      to: new Date('2026-09-30T16:00:00Z'),
      sites: ['Sutton', 'Chelsea'],
      areasPerSite: 15,
      observationsPerRound: 12,
      seed: 2025,
      tagged: 0.6,
    });
    // The key is made here, once, as it is on a person's first export, not in every report.
    await ctx.dispatch('signing:identity', {});
    ctx.close();
    return await inChild(DB_CHILD_FLAG, { PXR_BENCH_DATA_DIR: dataDir, PXR_BENCH_KEY: key.toString('hex') });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function roundSummaryFromDatabase(): Promise<number[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pxr-bench-export-round-'));
  const ctx = openBenchContext(dataDir);
  try {
    const roundId = await seedSignedOffRound(ctx, ROUND_OBSERVATIONS);
    const times: number[] = [];
    for (let run = 0; run < ROUND_WARM_UP + ROUND_RUNS; run += 1) {
      const started = performance.now();
      const path = await exportThroughChannel(ctx, {
        documentType: 'round_summary',
        roundId,
        fileName: 'bench round summary.docx',
        overwrite: true,
        personalDataConfirmed: true,
      });
      if (run >= ROUND_WARM_UP) times.push(performance.now() - started);
      if (run === 0 && !verifySignedDocx(readFileSync(path), []).valid) {
        throw new Error('the benched export does not verify');
      }
    }
    return times.sort((a, b) => a - b);
  } finally {
    ctx.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function roundSummaryTimes(): Promise<{ build: number[]; verify: number[] }> {
  const model = generatedRoundSummary(identity.keyId, ROUND_OBSERVATIONS);
  const build: number[] = [];
  const verify: number[] = [];
  for (let run = 0; run < ROUND_WARM_UP + ROUND_RUNS; run += 1) {
    const started = performance.now();
    const signed = await createSignedExport(
      { documentType: 'round_summary', model },
      { identity, appVersion: 'bench' },
    );
    const built = performance.now();
    if (!verifySignedDocx(signed.bytes, []).valid) throw new Error('the benched export does not verify');
    if (run >= ROUND_WARM_UP) {
      build.push(built - started);
      verify.push(performance.now() - built);
    }
  }
  return { build: build.sort((a, b) => a - b), verify: verify.sort((a, b) => a - b) };
}

export const exportSuite: BenchSuite = {
  name: 'export',
  run: async () => {
    const roundDb = await roundSummaryFromDatabase();
    const periodDb = await periodReportFromDatabase();
    const dbTimes = [...periodDb.times].sort((a, b) => a - b);
    const round = await roundSummaryTimes();
    const period = await inChild(CHILD_FLAG);
    const times = [...period.times].sort((a, b) => a - b);
    return [
      row(
        'export: round summary of 100 observations from the database (channel), median',
        percentile(roundDb, 50),
        'ms',
        null,
      ),
      row(
        'export: round summary of 100 observations from the database (channel), p95',
        percentile(roundDb, 95),
        'ms',
        ROUND_BUDGET_MS,
      ),
      row(
        'export: period report over 5,000 observations from the database (channel), median of 5',
        percentile(dbTimes, 50),
        'ms',
        null,
      ),
      row(
        'export: period report over 5,000 observations from the database (channel), slowest of 5 (first, cold)',
        dbTimes[dbTimes.length - 1] ?? NaN,
        'ms',
        PERIOD_BUDGET_MS,
      ),
      row(
        'export: period report from the database, peak memory of its own process (maxRSS)',
        periodDb.peakMb,
        'MB',
        PERIOD_BUDGET_MB,
      ),
      row('export: that process before the report (Node + tsx + modules)', periodDb.baselineMb, 'MB', null),
      row(
        'export: round summary of 100 observations from a view-model, build + sign, p95',
        percentile(round.build, 95),
        'ms',
        null,
      ),
      row('export: verify that round summary, p95', percentile(round.verify, 95), 'ms', null),
      row(
        'export: period report over 5,000 observations from a view-model, slowest of 5',
        times[times.length - 1] ?? NaN,
        'ms',
        null,
      ),
      row('export: that report’s process, peak memory (maxRSS)', period.peakMb, 'MB', null),
    ];
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] === CHILD_FLAG) process.stdout.write(JSON.stringify(await periodReportChild()));
  if (process.argv[2] === DB_CHILD_FLAG) process.stdout.write(JSON.stringify(await periodReportDbChild()));
}
