import { describe, expect, it } from 'vitest';
import { fleschReadingEase, readabilityOf, verdictFor } from './readability';

// Expected values computed by hand from dictionary syllable counts with
// FRE = 206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words).
// Tolerance: ±1 point, enough for rounding; a syllable miscounted by the heuristic moves these
// short texts by 3 points or more, so the tolerance still catches a wrong count.
describe('readabilityOf on texts scored by hand', () => {
  it('"The cat sat on the mat." — 6 words, 1 sentence, 6 syllables: 116.1, very easy', () => {
    const r = readabilityOf('The cat sat on the mat.');
    expect([r.words, r.sentences, r.syllables]).toEqual([6, 1, 6]);
    expect(r.fleschReadingEase).toBeCloseTo(116.145, 0);
    expect(Math.abs(r.fleschReadingEase - 116.1)).toBeLessThanOrEqual(1);
    expect(r.verdict).toBe('very easy to read');
  });

  it('a short complaint — 13 words, 3 sentences, 16 syllables: 98.3, very easy', () => {
    // We(1) wait-ed(2) for(1) three(1) hours(1) | No-bo-dy(3) told(1) us(1) why(1) | The(1) nurse(1) was(1) kind(1)
    const r = readabilityOf('We waited for three hours. Nobody told us why. The nurse was kind.');
    expect([r.words, r.sentences, r.syllables]).toEqual([13, 3, 16]);
    expect(Math.abs(r.fleschReadingEase - 98.3)).toBeLessThanOrEqual(1);
    expect(r.averageSentenceLength).toBeCloseTo(4.3, 1);
  });

  it('a clinic letter — 28 words, 3 sentences, 36 syllables: 88.6, easy', () => {
    // Please come to the clin-ic on Tues-day (7 words, 9) | Bring a list of your med-i-cines and a friend
    // if you like (12, 14) | We will ex-plain your re-sults and an-swer your ques-tions (9, 13)
    const r = readabilityOf(
      'Please come to the clinic on Tuesday. Bring a list of your medicines and a friend if you like. We will explain your results and answer your questions.',
    );
    expect([r.words, r.sentences, r.syllables]).toEqual([28, 3, 36]);
    expect(Math.abs(r.fleschReadingEase - 88.6)).toBeLessThanOrEqual(1);
    expect(r.verdict).toBe('easy to read');
  });

  it('a jargon sentence — 12 words, 1 sentence, 40 syllables: −87.3, very hard', () => {
    // The(1) mul-ti-dis-ci-pli-na-ry(7) team(1) rec-om-mend-ed(4) ad-ju-vant(3) che-mo-ther-a-py(5)
    // fol-low-ing(3) his-to-log-i-cal(5) con-fir-ma-tion(4) of(1) met-a-stat-ic(4) dis-ease(2)
    const r = readabilityOf(
      'The multidisciplinary team recommended adjuvant chemotherapy following histological confirmation of metastatic disease.',
    );
    expect([r.words, r.sentences, r.syllables]).toEqual([12, 1, 40]);
    expect(Math.abs(r.fleschReadingEase - -87.3)).toBeLessThanOrEqual(1);
    expect(r.verdict).toBe('very hard to read');
  });
});

describe('sentence and word counting', () => {
  it('does not end sentences at titles, "e.g." or "p.m." before a lower-case word', () => {
    const r = readabilityOf(
      'Dr. Patel saw me at 2 p.m. on Monday, e.g. for bloods. It was fine! Was it? Yes',
    );
    expect(r.sentences).toBe(4);
  });

  it('ends a sentence at a line break, as in headings and bullet lists', () => {
    expect(readabilityOf('What went well\n- the nurses\n- the food').sentences).toBe(3);
  });

  it('counts hyphenated words once', () => {
    expect(readabilityOf('A well-known follow-up.').words).toBe(3);
  });

  it('scores empty text as easy rather than failing', () => {
    expect(readabilityOf('')).toMatchObject({
      words: 0,
      sentences: 0,
      averageSentenceLength: 0,
      fleschReadingEase: 100,
    });
  });
});

describe('verdictFor', () => {
  it('puts Flesch scores into plain words', () => {
    expect([95, 85, 75, 65, 55, 40, 10].map(verdictFor)).toEqual([
      'very easy to read',
      'easy to read',
      'fairly easy to read',
      'fairly easy to read',
      'fairly hard to read',
      'hard to read',
      'very hard to read',
    ]);
    expect(verdictFor(90)).toBe('very easy to read');
    expect(verdictFor(29.9)).toBe('very hard to read');
  });

  it('follows the Flesch formula', () => {
    expect(fleschReadingEase(100, 5, 150)).toBeCloseTo(206.835 - 1.015 * 20 - 84.6 * 1.5, 6);
  });
});
