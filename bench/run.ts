import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchFailed, budgetCells, type BenchRow, type BenchSuite } from './bench-types';
import { actionsSuite } from './actions.bench';
import { bundlesSuite } from './bundles.bench';
import { exportSuite } from './export.bench';
import { foundationSuite } from './foundation.bench';
import { hubSuite } from './hub.bench';
import { personalDataSuite } from './personal-data.bench';
import { screensSuite } from './screens.bench';
import { searchSuite } from './search.bench';
import { sentimentSuite } from './sentiment.bench';

// `npm run bench`: runs every suite, prints a table and writes bench/results.json.
// Exits 1 when a ratio misses its budget (a gate), so a regression cannot pass unnoticed;
// absolute figures are targets, marked as such, and a missed one is reported but does not
// fail the run (see bench-types.ts for why).
//
// Each suite runs in a process of its own, so that no suite's figures depend on the garbage or
// the compiled code another left behind: run after the foundation suite in one process, whose
// 100,000-observation databases leave a large heap to collect, the search suite measured its
// searches a fifth slower than on its own.

const suites: BenchSuite[] = [
  foundationSuite,
  sentimentSuite,
  searchSuite,
  personalDataSuite,
  actionsSuite,
  exportSuite,
  bundlesSuite,
  hubSuite,
  screensSuite,
];

const CHILD = 'PXR_BENCH_SUITE';

/** Runs one suite here and hands its rows to the parent on standard output. */
async function runAsChild(name: string): Promise<never> {
  const suite = suites.find((s) => s.name === name);
  if (!suite) throw new Error(`No bench suite is called ${name}.`);
  process.stdout.write(JSON.stringify(await suite.run()));
  process.exit(0);
}

if (process.env[CHILD]) await runAsChild(process.env[CHILD]);

const only = process.argv.slice(2);
const unknown = only.filter((name) => !suites.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(
    `No bench suite is called ${unknown.join(', ')}. Suites: ${suites.map((s) => s.name).join(', ')}.`,
  );
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  process.stderr.write(`running ${suite.name}…\n`);
  const child = spawnSync(process.execPath, [...process.execArgv, import.meta.filename], {
    env: { ...process.env, [CHILD]: suite.name },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) {
    console.error(`The ${suite.name} suite failed (exit ${child.status ?? child.signal}).`);
    process.exit(1);
  }
  rows.push(...(JSON.parse(child.stdout) as BenchRow[]));
}

const nameWidth = Math.max(4, ...rows.map((r) => r.name.length));
const line = (cells: string[]) =>
  `| ${cells[0]!.padEnd(nameWidth)} | ${cells
    .slice(1)
    .map((c) => c.padStart(12))
    .join(' | ')} |`;
console.log(line(['name', 'value', 'unit', 'budget', 'result']));
console.log(`|${'-'.repeat(nameWidth + 2)}|${Array(4).fill('-'.repeat(14)).join('|')}|`);
for (const r of rows) console.log(line([r.name, r.value.toFixed(3), r.unit, ...budgetCells(r)]));

const outDir = resolve(import.meta.dirname);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log(`\nwrote ${join('bench', 'results.json')}`);
const missedTargets = rows.filter((r) => r.role === 'target' && !r.ok);
if (missedTargets.length > 0) {
  console.log(`${missedTargets.length} target(s) missed on this run (targets do not fail the bench).`);
}
if (benchFailed(rows)) {
  console.log('A ratio missed its budget: the bench fails.');
  process.exitCode = 1;
}
