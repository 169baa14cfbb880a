import { describe, expect, it } from 'vitest';
import { cohensKappa, type SentimentPair } from './agreement';
import type { SentimentLabel } from './labels';

function pairs(
  ...groups: [suggested: SentimentLabel, confirmed: SentimentLabel, count: number][]
): SentimentPair[] {
  return groups.flatMap(([suggested, confirmed, count]) =>
    Array.from({ length: count }, () => ({ suggested, confirmed })),
  );
}

describe('cohensKappa', () => {
  it('is 1 when every suggestion is kept', () => {
    const result = cohensKappa(
      pairs(['positive', 'positive', 3], ['negative', 'negative', 2], ['mixed', 'mixed', 1]),
    );
    // pe = (3/6)² + (2/6)² + (1/6)² = 14/36
    expect(result.kappa).toBe(1);
    expect(result.observedAgreement).toBe(1);
    expect(result.expectedAgreement).toBeCloseTo(14 / 36, 12);
    expect(result).toMatchObject({ n: 6, overridden: 0 });
  });

  it('matches the textbook two-label example: po 0.7, pe 0.5, kappa 0.4', () => {
    // 20 both positive, 5 suggested positive but confirmed negative, 10 the other way, 15 both
    // negative. Suggested positive 25/50, confirmed positive 30/50:
    // pe = 0.5 × 0.6 + 0.5 × 0.4 = 0.5; kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    const result = cohensKappa(
      pairs(
        ['positive', 'positive', 20],
        ['positive', 'negative', 5],
        ['negative', 'positive', 10],
        ['negative', 'negative', 15],
      ),
    );
    expect(result.observedAgreement).toBeCloseTo(0.7, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.5, 12);
    expect(result.kappa).toBeCloseTo(0.4, 12);
    expect(result).toMatchObject({ n: 50, overridden: 15 });
  });

  it('is 0 when agreement is exactly what chance predicts', () => {
    // Each side says positive half the time, independently: po = pe = 0.5.
    const result = cohensKappa(
      pairs(
        ['positive', 'positive', 1],
        ['positive', 'negative', 1],
        ['negative', 'positive', 1],
        ['negative', 'negative', 1],
      ),
    );
    expect(result.observedAgreement).toBe(0.5);
    expect(result.expectedAgreement).toBe(0.5);
    expect(result.kappa).toBe(0);
    expect(result.overridden).toBe(2);
  });

  it('is negative when people disagree more than chance would', () => {
    const result = cohensKappa(pairs(['positive', 'negative', 1], ['negative', 'positive', 1]));
    // po = 0, pe = 0.5 × 0.5 + 0.5 × 0.5 = 0.5, kappa = (0 − 0.5) / 0.5 = −1.
    expect(result.kappa).toBe(-1);
  });

  it('uses all four labels', () => {
    // 10 pairs. Suggested: positive 4, negative 3, neutral 2, mixed 1.
    // Confirmed: positive 3, negative 3, neutral 2, mixed 2. Agreements: 3 + 2 + 2 + 0 = 7.
    // pe = (4×3 + 3×3 + 2×2 + 1×2) / 100 = 0.27; kappa = (0.7 − 0.27) / 0.73 = 0.589041...
    const result = cohensKappa(
      pairs(
        ['positive', 'positive', 3],
        ['positive', 'mixed', 1],
        ['negative', 'negative', 2],
        ['negative', 'mixed', 1],
        ['neutral', 'neutral', 2],
        ['mixed', 'negative', 1],
      ),
    );
    expect(result.observedAgreement).toBeCloseTo(0.7, 12);
    expect(result.expectedAgreement).toBeCloseTo(0.27, 12);
    expect(result.kappa).toBeCloseTo(0.43 / 0.73, 12);
    expect(result.overridden).toBe(3);
  });

  it('is null, not infinite, when chance agreement is 1 (everyone always said the same label)', () => {
    const result = cohensKappa(pairs(['positive', 'positive', 5]));
    expect(result).toEqual({ kappa: null, observedAgreement: 1, expectedAgreement: 1, n: 5, overridden: 0 });
  });

  it('is 0, not null, when each side used one label but never the same one', () => {
    const result = cohensKappa(pairs(['positive', 'neutral', 4]));
    expect(result).toEqual({ kappa: 0, observedAgreement: 0, expectedAgreement: 0, n: 4, overridden: 4 });
  });

  it('is null with no pairs at all', () => {
    expect(cohensKappa([])).toEqual({
      kappa: null,
      observedAgreement: 0,
      expectedAgreement: 0,
      n: 0,
      overridden: 0,
    });
  });
});
