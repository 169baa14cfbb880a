import { describe, expect, it } from 'vitest';
import { extractFeatures } from './sentiment-features';
import type { MixedRule, Scored } from './sentiment-model';
import { labelOf } from './suggest-sentiment';

const rule: MixedRule = { side: 2, balance: 0.7, neutral: 0.25 };

function scored(probabilities: [number, number, number], towardsPositive: number, towardsNegative: number) {
  return {
    featureSet: { tokens: [], features: [] },
    probabilities,
    contributions: [],
    scale: 1,
    towardsPositive,
    towardsNegative,
  } satisfies Scored;
}

describe('the mixed rule', () => {
  it('calls strong praise and criticism mixed when the model is unsure', () => {
    expect(labelOf(scored([0.35, 0.3, 0.35], 3, 2.5), rule)).toBe('mixed');
  });

  it('keeps the side the model is sure of, however much both sides pull', () => {
    expect(labelOf(scored([0.1, 0.1, 0.8], 3, 2.5), rule)).toBe('positive');
    expect(labelOf(scored([0.8, 0.1, 0.1], 2.5, 3), rule)).toBe('negative');
  });

  it('needs both sides strong and nearly balanced', () => {
    expect(labelOf(scored([0.35, 0.3, 0.35], 3, 1.5), rule)).toBe('positive');
    expect(labelOf(scored([0.35, 0.3, 0.35], 6, 2.5), rule)).toBe('positive');
  });
});

describe('the opening-word feature', () => {
  it('marks the first word of the comment, with its span, and only that one', () => {
    const features = extractFeatures('“Nothing, all good.” Nothing else.').features;
    const openings = features.filter((f) => f.name.startsWith('s:'));
    expect(openings).toEqual([{ name: 's:nothing', first: 1, last: 1 }]);
  });

  it('is absent when there are no words', () => {
    expect(extractFeatures('...').features).toEqual([]);
  });
});
