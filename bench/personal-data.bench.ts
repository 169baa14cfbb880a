// Bench: scanning a 50,000-word patient narrative for personal data and jargon, the work the
// story editor does as someone types. Budget: 150 ms for both checks together.

import { scanPersonalData } from '../domain/personal-data/scan-personal-data';
import cleanFeedback from '../domain/personal-data/fixtures/clean-feedback-sentences.json';
import { generateCorpus } from '../domain/personal-data/fixtures/generate-corpus';
import { seededRandom } from '../domain/seeded-random';
import { checkPlainLanguage } from '../domain/plain-language/check-plain-language';
import { percentile, row, type BenchSuite } from './bench-types';

const TARGET_WORDS = 50_000;
const WARM_UP_RUNS = 5;
const MEASURED_RUNS = 20;
const BUDGET_MS = 150;

const JARGON_SENTENCES = [
  'The MDT agreed that the prognosis was good and that adjuvant chemo would follow.',
  'My obs were done every hour and I was NBM from midnight.',
  'The CNS explained that palliative care is about comfort, not giving up.',
  'They said the lesion was benign but wanted a biopsy to be sure.',
  'The SACT unit was busy, so my TTO came late.',
  'PALS told me the CQC report and the FFT results were on the website.',
  'The oncologist said the cancer was metastatic and talked about triage for my symptoms.',
  'Discharge was delayed because the pharmacy had not done the TTA.',
];

/** A deterministic narrative of about 50,000 words with identifiers and jargon sprinkled in. */
export function benchNarrative(): string {
  const rng = seededRandom(50_000);
  const clean = cleanFeedback.sentences;
  const planted = generateCorpus(40, 7).map((p) => p.sentence);
  const paragraphs: string[] = [];
  let sentences: string[] = [];
  let words = 0;
  while (words < TARGET_WORDS) {
    const roll = rng.next();
    const sentence =
      roll < 0.05 ? rng.pick(planted) : roll < 0.12 ? rng.pick(JARGON_SENTENCES) : rng.pick(clean);
    sentences.push(sentence);
    words += sentence.split(/\s+/).length;
    if (sentences.length >= rng.int(4, 8)) {
      paragraphs.push(sentences.join(' '));
      sentences = [];
    }
  }
  if (sentences.length > 0) paragraphs.push(sentences.join(' '));
  return paragraphs.join('\n\n');
}

function time(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

function summarise(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export const personalDataSuite: BenchSuite = {
  name: 'personal data and plain language',
  run: async () => {
    const text = benchNarrative();
    const both: number[] = [];
    const personal: number[] = [];
    const plain: number[] = [];
    for (let run = 0; run < WARM_UP_RUNS + MEASURED_RUNS; run += 1) {
      const p = time(() => scanPersonalData(text));
      const l = time(() => checkPlainLanguage(text));
      if (run >= WARM_UP_RUNS) {
        personal.push(p);
        plain.push(l);
        both.push(p + l);
      }
    }
    const total = summarise(both);
    return [
      row('scan a 50,000-word narrative for personal data and jargon, median', total.median, 'ms', BUDGET_MS),
      row('scan a 50,000-word narrative for personal data and jargon, p95', total.p95, 'ms', BUDGET_MS),
      row('of which personal data, median', summarise(personal).median, 'ms', null),
      row('of which plain language, median', summarise(plain).median, 'ms', null),
    ];
  },
};
