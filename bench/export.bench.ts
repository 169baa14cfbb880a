// Bench: building and signing Word exports, as a NED or the PEIG secretary waits for them.
// - A round summary of 100 observations, built and signed: p95 of 20 runs ≤ 400 ms.
// - The PEIG period report over 5,000 observations (summarised, built and signed): ≤ 4 s,
//   peak memory ≤ 500 MB.
//
// Peak memory is the report's alone because it is measured in a child process that does
// nothing else: a fresh Node (with tsx, as the bench runs) builds the report and then reports
// process.resourceUsage().maxRSS, the kernel's high-water mark of resident memory for that
// process. Measured in the bench's own process, the figure would include whatever the suites
// before it left on the heap. The child's own starting point (maxRSS before the first report)
// is reported beside it, so the report's share can be read off.

import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { generatedPeriodInput } from '../domain/export/fixtures/sample-documents';
import { sampleIdentity } from '../domain/export/fixtures/sample-identity';
import { generatedRoundSummary } from '../domain/export/fixtures/sample-round';
import { summarisePeriod } from '../domain/export/period-report/summarise-period';
import { createSignedExport } from '../domain/export/signed-export';
import { verifySignedDocx } from '../domain/signing/verify-export';
import { percentile, row, type BenchSuite } from './bench-types';

const ROUND_OBSERVATIONS = 100;
const ROUND_WARM_UP = 3;
const ROUND_RUNS = 20;
const ROUND_BUDGET_MS = 400;
const PERIOD_OBSERVATIONS = 5_000;
const PERIOD_RUNS = 5;
const PERIOD_BUDGET_MS = 4_000;
const PERIOD_BUDGET_MB = 500;
const CHILD_FLAG = '--period-report-child';

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
      { documentType: 'period-report', model },
      { identity, appVersion: 'bench' },
    );
    times.push(performance.now() - started);
    bytes = signed.bytes.length;
  }
  return { times, baselineMb, peakMb: maxRssMb(), bytes };
}

async function inChild(): Promise<ChildReport> {
  const file = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file, CHILD_FLAG], {
    cwd: resolve(import.meta.dirname, '..'),
    maxBuffer: 1024 * 1024,
    timeout: 300_000,
  });
  return JSON.parse(stdout) as ChildReport;
}

async function roundSummaryTimes(): Promise<{ build: number[]; verify: number[] }> {
  const model = generatedRoundSummary(identity.keyId, ROUND_OBSERVATIONS);
  const build: number[] = [];
  const verify: number[] = [];
  for (let run = 0; run < ROUND_WARM_UP + ROUND_RUNS; run += 1) {
    const started = performance.now();
    const signed = await createSignedExport(
      { documentType: 'round-summary', model },
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
    const round = await roundSummaryTimes();
    const period = await inChild();
    const times = [...period.times].sort((a, b) => a - b);
    return [
      row(
        'export: round summary of 100 observations, build + sign, median',
        percentile(round.build, 50),
        'ms',
        null,
      ),
      row(
        'export: round summary of 100 observations, build + sign, p95',
        percentile(round.build, 95),
        'ms',
        ROUND_BUDGET_MS,
      ),
      row('export: verify that round summary, p95', percentile(round.verify, 95), 'ms', null),
      row('export: period report over 5,000 observations, median of 5', percentile(times, 50), 'ms', null),
      row(
        'export: period report over 5,000 observations, slowest of 5 (first, cold)',
        times[times.length - 1] ?? NaN,
        'ms',
        PERIOD_BUDGET_MS,
      ),
      row(
        'export: period report, peak memory of its own process (maxRSS)',
        period.peakMb,
        'MB',
        PERIOD_BUDGET_MB,
      ),
      row('export: that process before the report (Node + tsx + modules)', period.baselineMb, 'MB', null),
    ];
  },
};

if (process.argv[2] === CHILD_FLAG && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(JSON.stringify(await periodReportChild()));
}
