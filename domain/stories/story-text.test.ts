import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { quotesAfterReplacing, reanchorQuotes, storyTextHash } from './story-text';

const text = {
  narrative: 'We waited. "Nobody came," she said.',
  quotes: [],
  learningPoints: ['Check on people'],
};

describe('the read-back fingerprint', () => {
  it('changes with any character of the narrative, a quote or a learning point', () => {
    const base = storyTextHash(text);
    expect(storyTextHash({ ...text, narrative: 'We waited! "Nobody came," she said.' })).not.toBe(base);
    expect(storyTextHash({ ...text, learningPoints: ['Check on people.'] })).not.toBe(base);
    expect(storyTextHash({ ...text, quotes: [{ start: 0, end: 2, text: 'We' }] })).not.toBe(base);
  });

  it('does not depend on the order quotes were marked in', () => {
    const a = { start: 0, end: 2, text: 'We' };
    const b = { start: 11, end: 25, text: '"Nobody came,"' };
    expect(storyTextHash({ ...text, quotes: [a, b] })).toBe(storyTextHash({ ...text, quotes: [b, a] }));
  });

  it('is the SHA-256 of canonical JSON (sorted keys, quotes in order), so anyone can recompute it', () => {
    const canonical =
      '{"learningPoints":["Be kind"],"narrative":"Hi. \\"Yes\\"","quotes":[{"end":9,"start":4,"text":"\\"Yes\\""}],"version":"px-story-text/1"}';
    expect(
      storyTextHash({
        narrative: 'Hi. "Yes"',
        quotes: [{ text: '"Yes"', end: 9, start: 4 }],
        learningPoints: ['Be kind'],
      }),
    ).toBe(createHash('sha256').update(canonical).digest('hex'));
  });
});

describe('re-anchoring key quotes', () => {
  const quote = { start: 11, end: 25, text: '"Nobody came,"' };

  it('moves a quote with an edit before it', () => {
    const after = `On Monday we waited. "Nobody came," she said.`;
    expect(reanchorQuotes(text.narrative, after, [quote])).toEqual([
      { start: 21, end: 35, text: quote.text },
    ]);
  });

  it('finds the nearest copy of its words when the edit touched them', () => {
    const after = '"Nobody came," I said. We waited. "Nobody came," she said again.';
    const [moved] = reanchorQuotes(text.narrative, after, [quote]);
    expect(moved).toEqual({ start: 34, end: 48, text: quote.text });
  });

  it('keeps a quote whose words are gone, unchanged, for the person to resolve', () => {
    expect(reanchorQuotes(text.narrative, 'We waited. Someone came.', [quote])).toEqual([quote]);
  });

  it('carries a replacement inside a quote into its words', () => {
    const narrative = 'Hi. "Sarah was kind." Bye.';
    const after = 'Hi. "[name removed] was kind." Bye.';
    const q = { start: 4, end: 21, text: '"Sarah was kind."' };
    expect(quotesAfterReplacing(after, [q], { start: 5, end: 10, replacement: '[name removed]' })).toEqual([
      { start: 4, end: 30, text: '"[name removed] was kind."' },
    ]);
    expect(narrative.slice(q.start, q.end)).toBe(q.text);
  });
});
