import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchRow, BenchSuite } from './bench-types';
import { actionsSuite } from './actions.bench';
import { exportSuite } from './export.bench';
import { foundationSuite } from './foundation.bench';
import { personalDataSuite } from './personal-data.bench';
import { searchSuite } from './search.bench';
import { sentimentSuite } from './sentiment.bench';

// `npm run bench`: runs every suite, prints a table and writes bench/results.json.
// Exits 1 when a figure misses its budget, so a regression cannot pass unnoticed.

const suites: BenchSuite[] = [
  foundationSuite,
  sentimentSuite,
  searchSuite,
  personalDataSuite,
  actionsSuite,
  exportSuite,
];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const suite of suites) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  process.stderr.write(`running ${suite.name}…\n`);
  rows.push(...(await suite.run()));
}

const nameWidth = Math.max(4, ...rows.map((r) => r.name.length));
const line = (cells: string[]) =>
  `| ${cells[0]!.padEnd(nameWidth)} | ${cells
    .slice(1)
    .map((c) => c.padStart(9))
    .join(' | ')} |`;
console.log(line(['name', 'value', 'unit', 'budget', 'ok']));
console.log(`|${'-'.repeat(nameWidth + 2)}|${Array(4).fill('-'.repeat(11)).join('|')}|`);
for (const r of rows) {
  console.log(
    line([
      r.name,
      r.value.toFixed(3),
      r.unit,
      r.budget === null ? '—' : `${r.higherIsBetter ? '≥' : '≤'} ${r.budget}`,
      r.ok ? 'yes' : 'NO',
    ]),
  );
}

const outDir = resolve(import.meta.dirname);
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log(`\nwrote ${join('bench', 'results.json')}`);
if (rows.some((r) => !r.ok)) process.exitCode = 1;
