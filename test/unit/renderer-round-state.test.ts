import { describe, expect, it } from 'vitest';
import { breakdown, chartSummary, impactText, themeRows } from '../../renderer/src/lib/insights-text';
import { upsertObservation, withCustomTag } from '../../renderer/src/lib/round-state';
import type { Catalogue } from '../../renderer/src/lib/tag-options';
import { anObservation } from './renderer-observation-fixture';

describe('the round page’s copy of its observations', () => {
  const first = anObservation({ id: 'o1', text: 'Waited', updatedAt: '2025-11-26T09:01:00.000Z' });

  it('keeps the newest answer when a text save and a tag save come back out of order', () => {
    const tagged = anObservation({
      ...first,
      updatedAt: '2025-11-26T09:01:02.000Z',
      tags: [
        {
          frameworkId: 'trust-key-themes',
          tagId: 'access',
          label: 'Access',
          impact: null,
          description: null,
        },
      ],
    });
    const olderText = anObservation({
      ...first,
      text: 'Waited an hour',
      updatedAt: '2025-11-26T09:01:01.000Z',
    });
    const afterTags = upsertObservation([first], tagged);
    expect(upsertObservation(afterTags, olderText)).toEqual([tagged]);
    expect(upsertObservation([], first)).toEqual([first]);
  });

  it('adds a new tag of one’s own to the catalogue once', () => {
    const catalogue: Catalogue = {
      frameworks: [{ id: 'custom', name: 'Your own tags', kind: 'custom', items: [] }],
      impacts: [],
    };
    const once = withCustomTag(catalogue, { id: 'c1', label: 'Food' });
    expect(withCustomTag(once, { id: 'c1', label: 'Food' }).frameworks[0]?.items).toHaveLength(1);
    expect(once.frameworks[0]?.items[0]).toMatchObject({ id: 'c1', label: 'Food', needsDescription: false });
  });
});

describe('the insights screen in words', () => {
  const counts = { positive: 1, negative: 2, neutral: 0, mixed: 0, unrated: 1 };

  it('says what each bar is made of, so colour never carries it alone', () => {
    expect(breakdown(counts)).toBe('1 positive, 2 negative, 1 not rated');
    expect(breakdown({ positive: 0, negative: 0, neutral: 0, mixed: 0, unrated: 0 })).toBe('none');
    expect(breakdown({ ...counts, positive: 1254 })).toBe('1,254 positive, 2 negative, 1 not rated');
  });

  it('summarises the whole chart in one sentence, the untagged included', () => {
    const rows = themeRows({
      actions: { opened: 0, done: 0, fedBack: 0, overdue: 0, medianDaysSaidToFedBack: null },
      observationCount: 5,
      themes: [
        { frameworkId: 'trust-key-themes', tagId: 'access', label: 'Access', total: 4, counts },
        {
          frameworkId: 'trust-key-themes',
          tagId: 'effectiveness',
          label: 'Effectiveness',
          total: 0,
          counts: { ...counts, positive: 0, negative: 0, unrated: 0 },
        },
      ],
      untagged: { positive: 1, negative: 0, neutral: 0, mixed: 0, unrated: 0, total: 1 },
      equality: { threshold: 5, recorded: 0, noneApplies: 0, notRecorded: 5, areas: [], groups: [] },
      sentiment: { kappa: null, observedAgreement: 0, compared: 0, overridden: 0, unconfirmed: 0 },
    });
    expect(chartSummary(rows, 'October 2025')).toBe(
      'Bar chart of observations by theme and sentiment, October 2025. Access: 4 (1 positive, 2 negative, 1 not rated); Effectiveness: 0; No theme: 1 (1 positive).',
    );
  });

  it('names impacts negative first, and says "None" when there are none', () => {
    expect(impactText({ positive: 1, negative: 3, neutral: 0, unclear: 2 })).toBe(
      '3 negative, 1 positive, 2 unclear',
    );
    expect(impactText({ positive: 0, negative: 0, neutral: 0, unclear: 0 })).toBe('None');
  });
});
