import { describe, expect, it } from 'vitest';
import heldOut from './fixtures/held-out-sentences.json';
import development from './fixtures/patient-feedback-sentences.json';
import { isSentimentLabel, SENTIMENT_LABELS, type SentimentLabel } from './labels';
import { suggestSentiment } from './suggest-sentiment';

type Example = { text: string; expected: SentimentLabel };

function examples(raw: readonly { text: string; expected: string }[]): Example[] {
  return raw.map(({ text, expected }) => {
    if (!isSentimentLabel(expected))
      throw new Error(`fixture label '${expected}' for "${text}" is not a label`);
    return { text, expected };
  });
}

function evaluate(name: string, set: readonly Example[]): number {
  const matrix = new Map(
    SENTIMENT_LABELS.map((label) => [label, new Map(SENTIMENT_LABELS.map((l) => [l, 0]))]),
  );
  const misses: string[] = [];
  for (const { text, expected } of set) {
    const { label } = suggestSentiment(text);
    const row = matrix.get(expected) as Map<SentimentLabel, number>;
    row.set(label, (row.get(label) ?? 0) + 1);
    if (label !== expected) misses.push(`  expected ${expected}, suggested ${label}: ${text}`);
  }
  const correct = set.length - misses.length;
  const accuracy = correct / set.length;
  const header = `expected \\ suggested ${SENTIMENT_LABELS.map((l) => l.padStart(9)).join('')}`;
  const rows = SENTIMENT_LABELS.map(
    (expected) =>
      `${expected.padEnd(21)}${SENTIMENT_LABELS.map((l) => String(matrix.get(expected)?.get(l)).padStart(9)).join('')}`,
  );
  console.log(
    [
      `sentiment accuracy on ${name}: ${correct}/${set.length} = ${(accuracy * 100).toFixed(1)}%`,
      header,
      ...rows,
      ...(misses.length > 0 ? ['misses:', ...misses] : []),
    ].join('\n'),
  );
  return accuracy;
}

describe('sentiment suggestions on patient feedback', () => {
  it('are balanced and plentiful in the fixture', () => {
    const set = examples(development);
    expect(set.length).toBeGreaterThanOrEqual(90);
    for (const label of SENTIMENT_LABELS) {
      expect(set.filter((e) => e.expected === label).length).toBeGreaterThanOrEqual(set.length / 5);
    }
  });

  // The development fixture is what the lexicon and rules were tuned on, so the bar is high:
  // it guards against a change that breaks what already worked. Its first 115 sentences were
  // labelled before the suggester existed; the last 48 were an earlier held-out set (31/48 on
  // first measurement) that was then tuned on, so they moved here. Labels are never edited to
  // fit the suggester; the misses left are sarcasm and inference ("better care in a vet's").
  it('agree with the development fixture at least 95% of the time', () => {
    expect(evaluate('fixture', examples(development))).toBeGreaterThanOrEqual(0.95);
  });

  // Written after tuning and never tuned on: the honest estimate for unseen feedback. First
  // measured at 35/48 (72.9%). Do not add words to the lexicon to fix these sentences; add
  // new sentences to the development fixture instead.
  it('agree with the held-out sentences at least 70% of the time', () => {
    expect(evaluate('held-out sentences', examples(heldOut))).toBeGreaterThanOrEqual(0.7);
  });
});

const labelOf = (text: string) => suggestSentiment(text).label;

describe('suggestSentiment', () => {
  it('calls empty and whitespace-only text neutral, with no drivers', () => {
    for (const text of ['', '   ', '\n\t']) {
      expect(suggestSentiment(text)).toEqual({ label: 'neutral', score: 0, drivers: [] });
    }
  });

  it('calls factual remarks neutral', () => {
    expect(labelOf('The ward has 20 beds and a day room.')).toBe('neutral');
    expect(labelOf('The patient is waiting for transport.')).toBe('neutral');
  });

  it('turns a negated compliment into a complaint and a negated insult into praise', () => {
    expect(labelOf('The staff were helpful.')).toBe('positive');
    expect(labelOf('The staff were not helpful.')).toBe('negative');
    expect(labelOf('The staff were not very helpful.')).toBe('negative');
    expect(labelOf('The receptionist was rude.')).toBe('negative');
    expect(labelOf('The receptionist was never rude.')).toBe('positive');
  });

  it('hears a complaint in what was not done: "wasn\'t told", "no hand gel", "nobody came"', () => {
    expect(labelOf('I was told the results on Friday.')).toBe('neutral');
    expect(labelOf("I wasn't told the results.")).toBe('negative');
    expect(labelOf('I wasnt told the results.')).toBe('negative');
    expect(labelOf('Hand gel at the entrance.')).toBe('neutral');
    expect(labelOf('No hand gel at the entrance.')).toBe('negative');
    expect(labelOf('I rang the bell and nobody came.')).toBe('negative');
  });

  it('reads "never ... so" as a comparison, not a denial', () => {
    expect(labelOf('I have never been looked after so well.')).toBe('positive');
    expect(labelOf("I've never been treated so badly.")).toBe('negative');
  });

  it('lets intensifiers strengthen and hedges weaken a word', () => {
    const plain = suggestSentiment('The ward was clean.').score;
    expect(suggestSentiment('The ward was very clean.').score).toBeGreaterThan(plain);
    expect(suggestSentiment('The ward was fairly clean.').score).toBeLessThan(plain);
  });

  it('reads "too" before a plain word as a complaint', () => {
    expect(labelOf('The bay was too hot.')).toBe('negative');
    expect(labelOf('The wait was not too long.')).toBe('positive');
  });

  it.each([
    ['Nothing to improve.', 'positive'],
    ["Couldn't fault them.", 'positive'],
    ['I could not fault the care.', 'positive'],
    ['Couldnt fault them', 'positive'],
    ["Can't thank them enough.", 'positive'],
    ['I cannot thank the radiotherapy team at this hospital enough.', 'positive'],
    ['Nothing was too much trouble.', 'positive'],
    ['They went above and beyond.', 'positive'],
    ['Dad was treated with dignity.', 'positive'],
    ['No one told us.', 'negative'],
    ['Nobody explained.', 'negative'],
    ['We were left waiting.', 'negative'],
    ['I felt rushed.', 'negative'],
    ["I didn't know what was happening.", 'negative'],
    ['Passed from pillar to post.', 'negative'],
  ] as const)('reads the idiom "%s" as %s', (text, expected) => {
    expect(labelOf(text)).toBe(expected);
  });

  it('lets an idiom override the words inside it', () => {
    // "fault", "trouble" and "too much" would each read as complaints on their own.
    const { drivers } = suggestSentiment('Nothing was too much trouble.');
    expect(drivers).toEqual([
      { phrase: 'Nothing was too much trouble', start: 0, end: 28, polarity: 'positive' },
    ]);
  });

  it('calls text mixed when both sides carry weight, whichever way round', () => {
    expect(labelOf('The nurses were lovely but the food was cold.')).toBe('mixed');
    expect(labelOf('The food was cold but the nurses were lovely.')).toBe('mixed');
    expect(labelOf('Although the doctors were kind, no one told us anything.')).toBe('mixed');
    expect(labelOf('Lovely people, terrible signage.')).toBe('mixed');
  });

  it('does not call text mixed over a faint aside', () => {
    expect(labelOf('A bit slow, but excellent care from everyone.')).toBe('positive');
    expect(labelOf('The food was okay but the nurses were rude and dismissive.')).toBe('negative');
  });

  it('weighs what follows "but" above what precedes it', () => {
    const praiseLast = suggestSentiment('The food was cold but the staff were kind.').score;
    const praiseFirst = suggestSentiment('The staff were kind but the food was cold.').score;
    expect(praiseLast).toBeGreaterThan(praiseFirst);
  });

  it('gives drivers as offsets into the original text, in order and without overlaps', () => {
    const text =
      'Honestly? The nurses were NOT helpful, and the ward wasn’t clean or tidy — but Sam was lovely!';
    const { drivers } = suggestSentiment(text);
    expect(drivers.map((d) => [d.phrase, d.polarity])).toEqual([
      ['NOT helpful', 'negative'],
      ['wasn’t clean', 'negative'],
      ['tidy', 'negative'],
      ['lovely', 'positive'],
    ]);
    let previousEnd = 0;
    for (const driver of drivers) {
      expect(text.slice(driver.start, driver.end)).toBe(driver.phrase);
      expect(driver.start).toBeGreaterThanOrEqual(previousEnd);
      previousEnd = driver.end;
    }
  });

  it('keeps offsets right after emoji and other characters outside the basic plane', () => {
    const text = '😀😀 Staff were wonderful';
    const [driver] = suggestSentiment(text).drivers;
    expect(driver && text.slice(driver.start, driver.end)).toBe('wonderful');
  });

  it('scores between -1 and 1, with the sign of the label', () => {
    expect(suggestSentiment('Excellent, kind, caring staff.').score).toBeGreaterThan(0.5);
    expect(suggestSentiment('Filthy toilets and rude staff.').score).toBeLessThan(-0.5);
    for (const { text } of development) {
      const { score } = suggestSentiment(text);
      expect(Math.abs(score)).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same answer every time', () => {
    const text = 'The nurses were lovely but nobody explained the side effects.';
    expect(suggestSentiment(text)).toEqual(suggestSentiment(text));
  });

  it('is fast enough to run as the person types (well under 0.1 ms a sentence)', () => {
    const texts = development.map((e) => e.text);
    for (const text of texts) suggestSentiment(text);
    const rounds = 20;
    const started = performance.now();
    for (let round = 0; round < rounds; round += 1) for (const text of texts) suggestSentiment(text);
    const perSentence = (performance.now() - started) / (rounds * texts.length);
    // Generous for slow CI machines; typically about 0.04 ms here.
    expect(perSentence).toBeLessThan(0.5);
  });
});
