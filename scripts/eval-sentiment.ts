// `npm run eval:sentiment`: how the sentiment model does on a trust it never saw. Each source
// (the ambulance trust, and each trust of the 2020 file) is left out in turn; the model's
// settings are chosen by leave-one-source-out within the remaining training sources only, it is
// trained on them, and tested on the source left out. Also measured, each on the same folds:
// the ways of reading the 2020 criticality scale, what each kind of feature adds, and the mixed
// rule on the hand-labelled sentences; and, to bound what calibration could do, the best bias
// offsets chosen in hindsight on each left-out trust's own labels (never used for a model), and the
// ambulance trust's figures by the question each comment answers. Figures go into
// bench/results.json beside the others.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchRow } from '../bench/bench-types';
import { row } from '../bench/bench-types';
import development from '../domain/sentiment/fixtures/patient-feedback-sentences.json';
import heldOutSentences from '../domain/sentiment/fixtures/held-out-sentences.json';
import {
  scoreText,
  toSentimentModel,
  type MixedRule,
  type SentimentModelFile,
} from '../domain/sentiment/sentiment-model';
import { labelOf, threeClass } from '../domain/sentiment/suggest-sentiment';
import {
  AMBULANCE_SOURCE,
  CRITICALITY_MAPPINGS,
  readFeedback,
  sourcesOf,
  type FeedbackRow,
} from '../domain/sentiment/training/feedback-data';
import {
  bestOffsetsInHindsight,
  chooseSettings,
  DEFAULT_SETTINGS,
  describeSettings,
  evaluateOn,
  EVALUATION_MAPPING,
  examplesOf,
  MIXED,
  trainableRows,
  trainOnRows,
  UNTRAINED_SOURCES,
  WARD_COPIES,
  type Settings,
} from '../domain/sentiment/training/experiment';
import { formatConfusion, type Figures } from '../domain/sentiment/training/metrics';
import { DEFAULT_TRAINING } from '../domain/sentiment/training/train-model';

const TARGET_ACCURACY = 0.82;
const pct = (value: number) => value.toFixed(3);

const all = readFeedback();
const sources = sourcesOf(all);
const testSet = (held: string, reading = EVALUATION_MAPPING) =>
  examplesOf(
    all.filter((r) => r.source === held),
    reading,
  );
const trainingFor = (held: string) => trainableRows(all).filter((r) => r.source !== held);

function foldFigures(settings: Settings, pick: (held: string) => FeedbackRow[]): Figures[] {
  return sources.map((held) => evaluateOn(trainOnRows(pick(held), settings), testSet(held)));
}

const summary = (list: readonly Figures[]) =>
  list.map((f, i) => `${sources[i]} ${pct(f.accuracy)} / ${pct(f.macroF1)}`).join(' | ');

console.log(
  'Leave one source out: settings chosen within the training sources, then tested on the one left out.',
);
console.log(`Untrained (labels contradict the text too often): ${[...UNTRAINED_SOURCES].join(', ')}.`);
console.log(`Every training set also holds the development ward sentences, ${WARD_COPIES} times.`);
console.log(
  `2020 criticality measured as: ${EVALUATION_MAPPING.name}; mixed when each side's pull is ≥ ${MIXED.side}, the weaker ≥ ${MIXED.balance} of the stronger and the chance of neutral ≥ ${MIXED.neutral}.\n`,
);
const results: Figures[] = [];
const models: SentimentModelFile[] = [];
const benchRows: BenchRow[] = [];
for (const held of sources) {
  const training = trainingFor(held);
  const chosen = chooseSettings(training);
  const model = trainOnRows(training, chosen.settings);
  const result = evaluateOn(model, testSet(held));
  results.push(result);
  models.push(model);
  const signLabels = evaluateOn(
    model,
    testSet(
      held,
      CRITICALITY_MAPPINGS.find((m) => m.name === 'sign, 0 left out')!,
    ),
  );
  const reached = result.accuracy >= TARGET_ACCURACY ? 'reaches' : 'misses';
  console.log(`${held} left out (${result.n} comments; trained on ${sourcesOf(training).join(', ')})`);
  console.log(
    `  settings (inner mean accuracy ${pct(chosen.accuracy)}): ${describeSettings(chosen.settings)}`,
  );
  console.log(
    `  accuracy ${pct(result.accuracy)} (${reached} ${TARGET_ACCURACY}), macro-F1 ${pct(result.macroF1)}`,
  );
  if (held !== sources[0])
    console.log(
      `  against the published sign labels (±1 as praise or criticism): accuracy ${pct(signLabels.accuracy)}, macro-F1 ${pct(signLabels.macroF1)}`,
    );
  console.log(`${formatConfusion(result.confusion).replace(/^/gm, '  ')}\n`);
  benchRows.push(
    row(`sentiment accuracy, ${held} left out of training`, result.accuracy, 'ratio', TARGET_ACCURACY, true),
    row(`sentiment macro-F1, ${held} left out of training`, result.macroF1, 'ratio', null, true),
  );
}

const mean = (list: readonly Figures[], pick: (f: Figures) => number) =>
  list.reduce((sum, f) => sum + pick(f), 0) / list.length;
const trained = results.filter((_, i) => !UNTRAINED_SOURCES.has(sources[i]!));
console.log('Mean over the sources left out (accuracy / macro-F1):');
console.log(
  `  all ${results.length}: ${pct(mean(results, (f) => f.accuracy))} / ${pct(mean(results, (f) => f.macroF1))}`,
);
console.log(
  `  without ${[...UNTRAINED_SOURCES].join(', ')} (labels contradict the text): ${pct(mean(trained, (f) => f.accuracy))} / ${pct(mean(trained, (f) => f.macroF1))}\n`,
);
benchRows.push(
  row(
    'sentiment accuracy, mean over every source left out',
    mean(results, (f) => f.accuracy),
    'ratio',
    null,
    true,
  ),
  row(
    `sentiment accuracy, mean over sources left out without ${[...UNTRAINED_SOURCES].join(', ')}`,
    mean(trained, (f) => f.accuracy),
    'ratio',
    null,
    true,
  ),
);

console.log(
  'What calibration could do at best: offsets on the bias of neutral and praise, chosen in hindsight on the',
);
console.log("left-out trust's own labels (a bound, never used for a model; accuracy as trained → at best):");
sources.forEach((held, i) => {
  const best = bestOffsetsInHindsight(models[i]!, testSet(held));
  const [, neutral, positive] = best.offsets;
  console.log(
    `  ${held.padEnd(22)} ${pct(results[i]!.accuracy)} → ${pct(best.accuracy)} (neutral ${neutral >= 0 ? '+' : ''}${neutral}, praise ${positive >= 0 ? '+' : ''}${positive})`,
  );
});

const ambulanceAt = sources.indexOf(AMBULANCE_SOURCE);
if (ambulanceAt >= 0) {
  console.log(
    `\n${AMBULANCE_SOURCE} left out, by the question each comment answers (the model never reads the question):`,
  );
  const ambulance = all.filter((r) => r.source === AMBULANCE_SOURCE);
  for (const question of [...new Set(ambulance.map((r) => r.question ?? ''))]) {
    const test = examplesOf(ambulance.filter((r) => (r.question ?? '') === question));
    const f = evaluateOn(models[ambulanceAt]!, test);
    const neutral = test.filter((e) => e.label === 'neutral').length;
    console.log(
      `  ${`"${question}"`.padEnd(50).slice(0, 50)} ${String(f.n).padStart(5)} comments, ${pct(neutral / f.n)} labelled neutral: accuracy ${pct(f.accuracy)}, macro-F1 ${pct(f.macroF1)}`,
    );
  }
}

console.log(
  '\nHow to read the 2020 criticality for training (default settings, no calibration; measured as above; accuracy / macro-F1 per source left out):',
);
for (const reading of CRITICALITY_MAPPINGS) {
  console.log(
    `  ${reading.name.padEnd(38)} ${summary(foldFigures({ ...DEFAULT_SETTINGS, mapping: reading }, trainingFor))}`,
  );
}
console.log(
  `  ${`${EVALUATION_MAPPING.name}, Trust B trained on`.padEnd(38)} ${summary(foldFigures(DEFAULT_SETTINGS, (held) => all.filter((r) => r.source !== held)))}`,
);

console.log('\nThe hand-labelled ward sentences in training (default settings; accuracy / macro-F1):');
for (const copies of [0, 3, WARD_COPIES, 10]) {
  const list = sources.map((held) =>
    evaluateOn(trainOnRows(trainingFor(held), DEFAULT_SETTINGS, copies), testSet(held)),
  );
  const model = toSentimentModel(trainOnRows(trainableRows(all), DEFAULT_SETTINGS, copies));
  const agree = heldOutSentences.filter(
    (e) => labelOf(scoreText(model, e.text), MIXED) === e.expected,
  ).length;
  console.log(
    `  ${`${copies} copies`.padEnd(24)} ${summary(list)} | held-out ward sentences ${agree}/${heldOutSentences.length}`,
  );
}

console.log('\nWhat each kind of feature adds (default settings; accuracy / macro-F1):');
const kinds: [string, string[]][] = [
  ['all', []],
  ['without word pairs', ['b:']],
  ['without negation marks', ['n:']],
  ['without the opening word', ['s:']],
  ['without idioms (phrases.ts)', ['p:', 'pn:']],
  ['without lexicon valence', ['v:']],
];
for (const [name, leaveOut] of kinds) {
  const settings = { ...DEFAULT_SETTINGS, options: { ...DEFAULT_TRAINING, leaveOut } };
  console.log(`  ${name.padEnd(28)} ${summary(foldFigures(settings, trainingFor))}`);
}

console.log(
  '\nThe mixed rule (default settings): three-class accuracy per source left out, where mixed counts as',
);
console.log(
  'neutral as its labellers scored it, and four-label agreement on the hand-labelled ward sentences.',
);
const foldModels = sources.map((held) => toSentimentModel(trainOnRows(trainingFor(held))));
const fullModel = toSentimentModel(trainOnRows(trainableRows(all)));
const rules: [string, MixedRule][] = [
  ['never mixed', { side: Number.MAX_VALUE, balance: 1, neutral: 1 }],
  ['side ≥ 1.5, balance ≥ 0.6', { side: 1.5, balance: 0.6, neutral: 0 }],
  ['side ≥ 2, balance ≥ 0.7', { side: 2, balance: 0.7, neutral: 0 }],
  ['side ≥ 2.5, balance ≥ 0.7', { side: 2.5, balance: 0.7, neutral: 0 }],
  ['side ≥ 1.5, balance ≥ 0.6, neutral ≥ 0.15', { side: 1.5, balance: 0.6, neutral: 0.15 }],
  ['side ≥ 1.5, balance ≥ 0.6, neutral ≥ 0.25', { side: 1.5, balance: 0.6, neutral: 0.25 }],
  ['side ≥ 2, balance ≥ 0.7, neutral ≥ 0.25', { side: 2, balance: 0.7, neutral: 0.25 }],
];
for (const [name, rule] of rules) {
  const perSource = sources.map((held, i) => {
    const test = testSet(held);
    const model = foldModels[i]!;
    return (
      test.filter((e) => threeClass(labelOf(scoreText(model, e.text), rule)) === e.label).length / test.length
    );
  });
  const agree = (set: readonly { text: string; expected: string }[]) =>
    set.filter((e) => labelOf(scoreText(fullModel, e.text), rule) === e.expected).length / set.length;
  const same = rule.side === MIXED.side && rule.balance === MIXED.balance && rule.neutral === MIXED.neutral;
  console.log(
    `  ${(name + (same ? ' (chosen)' : '')).padEnd(50)} ${perSource.map((a, i) => `${sources[i]} ${pct(a)}`).join(' | ')} | ward sentences ${pct(agree(development))} development, ${pct(agree(heldOutSentences))} held-out`,
  );
}

const resultsFile = join(resolve(import.meta.dirname, '..'), 'bench', 'results.json');
let existing: BenchRow[] = [];
try {
  existing = JSON.parse(readFileSync(resultsFile, 'utf8')) as BenchRow[];
} catch {
  existing = [];
}
const names = new Set(benchRows.map((r) => r.name));
writeFileSync(
  resultsFile,
  `${JSON.stringify([...existing.filter((r) => !names.has(r.name)), ...benchRows], null, 2)}\n`,
);
console.log(`\nwrote ${benchRows.length} rows to bench/results.json`);
