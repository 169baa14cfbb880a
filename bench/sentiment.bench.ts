import { performance } from 'node:perf_hooks';
import development from '../domain/sentiment/fixtures/patient-feedback-sentences.json';
import { suggestSentiment } from '../domain/sentiment/suggest-sentiment';
import { suggestTags } from '../domain/tagging/suggest-tags';
import { percentile, row, type BenchRow, type BenchSuite } from './bench-types';

// Suggestions run in the renderer as the person types, so they must stay far inside a frame.
const SENTENCE_BUDGET_MS = 0.1;
// The longest observation the contract allows (OBSERVATION_TEXT_MAX is 20,000 characters).
const LONG_TEXT_CHARS = 20_000;
const LONG_TEXT_BUDGET_MS = 50;
const ROUNDS = 200;
const LONG_SAMPLES = 30;

function perCallMs(texts: readonly string[], fn: (text: string) => unknown): number[] {
  for (const text of texts) fn(text);
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    for (const text of texts) fn(text);
    timings.push((performance.now() - started) / texts.length);
  }
  return timings.sort((a, b) => a - b);
}

export const sentimentSuite: BenchSuite = {
  name: 'sentiment',
  run: async (): Promise<BenchRow[]> => {
    const texts = development.map((example) => example.text);
    const sentiment = perCallMs(texts, suggestSentiment);
    const tags = perCallMs(texts, suggestTags);

    let long = '';
    for (let i = 0; long.length < LONG_TEXT_CHARS; i += 1) long += `${texts[i % texts.length]} `;
    long = long.slice(0, LONG_TEXT_CHARS);
    const longTimings: number[] = [];
    for (let sample = 0; sample < LONG_SAMPLES; sample += 1) {
      const started = performance.now();
      suggestSentiment(long);
      suggestTags(long);
      longTimings.push(performance.now() - started);
    }
    longTimings.sort((a, b) => a - b);

    // Budgets apply to medians: a shared CI machine's scheduler noise lands in the p95 rows.
    return [
      row(
        'sentiment suggestion per sentence, median of rounds',
        percentile(sentiment, 50),
        'ms',
        SENTENCE_BUDGET_MS,
      ),
      row('sentiment suggestion per sentence, p95 of rounds', percentile(sentiment, 95), 'ms', null),
      row('tag suggestions per sentence, median of rounds', percentile(tags, 50), 'ms', SENTENCE_BUDGET_MS),
      row(
        'sentiment + tags for a 20,000-character text, median',
        percentile(longTimings, 50),
        'ms',
        LONG_TEXT_BUDGET_MS,
      ),
      row('sentiment + tags for a 20,000-character text, p95', percentile(longTimings, 95), 'ms', null),
    ];
  },
};
