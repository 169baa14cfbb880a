import { describe, expect, it } from 'vitest';
import { benchFailed, budgetCells, row } from '../../bench/bench-types';

describe('what fails the bench', () => {
  it('a ratio over its budget is a gate, and fails it', () => {
    const ratio = row('handler save / raw INSERT (p99 ratio)', 3.4, 'ratio', 3);
    expect(ratio.role).toBe('gate');
    expect(benchFailed([ratio])).toBe(true);
    expect(budgetCells(ratio)).toEqual(['gate ≤ 3', 'NO']);
  });

  it('a speed-up under its budget fails it too', () => {
    const speedUp = row('search: FTS speed-up over LIKE (p95)', 12, 'ratio', 20, true);
    expect(benchFailed([speedUp])).toBe(true);
    expect(budgetCells(speedUp)).toEqual(['gate ≥ 20', 'NO']);
  });

  it('an absolute figure over its budget is a missed target, shown and kept, and does not fail it', () => {
    const slow = row('save observation via handler, p99 (100k observations)', 2.7, 'ms', 2);
    expect(slow).toMatchObject({ role: 'target', ok: false, budget: 2, value: 2.7 });
    expect(benchFailed([slow])).toBe(false);
    expect(budgetCells(slow)).toEqual(['target ≤ 2', 'missed']);
  });

  it('a figure without a budget is only a figure', () => {
    const figure = row('raw prepared INSERT, p50', 0.2, 'ms', null);
    expect(figure.role).toBe('figure');
    expect(budgetCells(figure)).toEqual(['—', '']);
    expect(benchFailed([figure, row('ratio', 2, 'ratio', 3)])).toBe(false);
  });
});
