// One row of bench/results.json. `ok` says whether `value` met `budget` (for "ratio" and
// time units lower is better unless `higherIsBetter` is set when the row is made).
//
// Only ratios gate the bench. On a shared machine the absolute figures move with whatever else
// runs (a slow spell moved saves' 99th percentile by half again), while a ratio of two things
// sampled alternately in the same run cancels that out and still grows when one side regresses.
// So a ratio that misses its budget fails the bench; an absolute figure with a budget is a
// target, printed and recorded with it, and reported when missed, without failing the bench.
export type BenchRole = 'gate' | 'target' | 'figure';

export type BenchRow = {
  name: string;
  value: number;
  unit: string;
  budget: number | null;
  ok: boolean;
  /** gate: a ratio whose budget fails the bench; target: an absolute figure's aim; figure: no budget. */
  role: BenchRole;
  /** Set on rows where a larger value is better (a speed-up), so the table shows ≥. */
  higherIsBetter?: boolean;
};

export function roleOf(unit: string, budget: number | null): BenchRole {
  if (budget === null) return 'figure';
  return unit === 'ratio' ? 'gate' : 'target';
}

/** Whether the bench fails: only a gate that missed its budget fails it. */
export function benchFailed(rows: readonly BenchRow[]): boolean {
  return rows.some((r) => r.role === 'gate' && !r.ok);
}

/** The table's budget and result cells: a target is marked as one, and never says NO. */
export function budgetCells(r: BenchRow): [string, string] {
  if (r.budget === null) return ['—', ''];
  const budget = `${r.higherIsBetter ? '≥' : '≤'} ${r.budget}`;
  if (r.role === 'gate') return [`gate ${budget}`, r.ok ? 'yes' : 'NO'];
  return [`target ${budget}`, r.ok ? 'met' : 'missed'];
}

export type BenchSuite = {
  name: string;
  run: () => Promise<BenchRow[]>;
};

export function row(
  name: string,
  value: number,
  unit: string,
  budget: number | null,
  higherIsBetter = false,
): BenchRow {
  const rounded = Math.round(value * 1000) / 1000;
  const ok = budget === null ? true : higherIsBetter ? value >= budget : value <= budget;
  const role = roleOf(unit, budget);
  return higherIsBetter
    ? { name, value: rounded, unit, budget, ok, role, higherIsBetter }
    : { name, value: rounded, unit, budget, ok, role };
}

export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const rank = Math.min(sortedAscending.length - 1, Math.ceil((p / 100) * sortedAscending.length) - 1);
  return sortedAscending[Math.max(0, rank)] as number;
}
