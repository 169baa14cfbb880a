// One row of bench/results.json. `ok` says whether `value` met `budget` (for "ratio" and
// time units lower is better unless `higherIsBetter` is set when the row is made).
export type BenchRow = {
  name: string;
  value: number;
  unit: string;
  budget: number | null;
  ok: boolean;
  /** Set on rows where a larger value is better (a speed-up), so the table shows ≥. */
  higherIsBetter?: boolean;
};

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
  return higherIsBetter
    ? { name, value: rounded, unit, budget, ok, higherIsBetter }
    : { name, value: rounded, unit, budget, ok };
}

export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const rank = Math.min(sortedAscending.length - 1, Math.ceil((p / 100) * sortedAscending.length) - 1);
  return sortedAscending[Math.max(0, rank)] as number;
}
