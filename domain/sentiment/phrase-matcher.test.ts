import { describe, expect, it } from 'vitest';
import { compilePhrase, findPhrases, indexPhrases } from './phrase-matcher';
import { PHRASE_RULES, type PhraseRule } from './phrases';
import { expandWord, tokenize } from './tokenize';

const rule = (pattern: string, value = 1): PhraseRule => ({ pattern, value });

function matched(text: string, rules: PhraseRule[]): string[] {
  const tokens = tokenize(text);
  return findPhrases(tokens, indexPhrases(rules)).map((m) =>
    text.slice(tokens[m.first]?.start, tokens[m.end - 1]?.end),
  );
}

describe('tokenize', () => {
  it('expands contractions with or without the apostrophe, keeping the span of the word as typed', () => {
    expect(expandWord("couldn't")).toEqual(['could', 'not']);
    expect(expandWord('couldnt')).toEqual(['could', 'not']);
    expect(expandWord('cannot')).toEqual(['can', 'not']);
    expect(expandWord("won't")).toEqual(['will', 'not']);
    expect(expandWord("it's")).toEqual(['it', 'is']);
    expect(expandWord("staff's")).toEqual(['staff']);
    const tokens = tokenize('We couldn’t.');
    expect(tokens.map((t) => [t.norm, t.start, t.end, t.boundary])).toEqual([
      ['we', 0, 2, false],
      ['could', 3, 11, false],
      ['not', 3, 11, false],
      ['.', 11, 12, true],
    ]);
  });
});

describe('phrase matching', () => {
  it('matches every spelling of a contraction', () => {
    const rules = [rule("couldn't fault")];
    for (const text of ["couldn't fault", 'could not fault', 'couldnt fault', 'COULDN’T FAULT']) {
      expect(matched(text, rules)).toEqual([text]);
    }
  });

  it('supports alternatives, multi-word alternatives, optional slots and gaps', () => {
    const rules = [
      rule('left|kept me|us? waiting'),
      rule('no_one|nobody told'),
      rule("can't thank ... enough"),
    ];
    expect(matched('we were kept waiting', rules)).toEqual(['kept waiting']);
    expect(matched('they left us waiting', rules)).toEqual(['left us waiting']);
    expect(matched('no one told us, nobody told them', rules)).toEqual(['no one told', 'nobody told']);
    expect(matched("can't thank the whole team enough", rules)).toEqual([
      "can't thank the whole team enough",
    ]);
    expect(matched("can't thank the whole day unit team enough", rules)).toEqual([]);
  });

  it('never matches across a clause boundary', () => {
    expect(matched("can't thank them. Enough", [rule("can't thank ... enough")])).toEqual([]);
  });

  it('prefers the longest phrase and never overlaps', () => {
    const rules = [rule('waiting area', 0), rule('waiting ... long', -2)];
    expect(matched('the waiting area was long and narrow', rules)).toEqual(['waiting area was long']);
    expect(matched('the waiting area was bright', rules)).toEqual(['waiting area']);
  });

  it('notices a negator skipped by a gap', () => {
    const tokens = tokenize('the wait was not long');
    const [match] = findPhrases(tokens, indexPhrases([rule('wait ... long', -2)]));
    expect(match?.negatedWithin).toBe(true);
  });

  it('rejects patterns that could never work', () => {
    expect(() => compilePhrase(rule('... waiting'))).toThrow(/must start with a required word/);
    expect(() => compilePhrase(rule('left? waiting'))).toThrow(/must start with a required word/);
    expect(() => compilePhrase(rule('waiting ...'))).toThrow(/must not end with a gap/);
  });

  it('compiles every built-in phrase, and there are plenty of them', () => {
    const patterns = PHRASE_RULES.map((r) => r.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(patterns.length).toBeGreaterThanOrEqual(60);
    for (const phrase of PHRASE_RULES) expect(() => compilePhrase(phrase)).not.toThrow();
  });
});
