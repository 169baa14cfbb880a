// What the model is trained on and how its settings are chosen, shared by the training script
// and the leave-one-source-out evaluation so both make the same choices.
import wardSentences from '../fixtures/patient-feedback-sentences.json';
import {
  scoreText,
  toSentimentModel,
  type MixedRule,
  type ModelClass,
  type SentimentModelFile,
} from '../sentiment-model';
import { labelOf, threeClass } from '../suggest-sentiment';
import { CRITICALITY_MAPPINGS, classOf, type CriticalityMapping, type FeedbackRow } from './feedback-data';
import { figures, type Figures } from './metrics';
import {
  DEFAULT_TRAINING,
  trainSentimentModel,
  type TrainingExample,
  type TrainingOptions,
} from './train-model';

/**
 * 2020 criticality: a mild remark either way (±1: "TV please", "Good care") is what the
 * ambulance labellers scored 3, neutral or mixed; 0 is left out, because nearly all of it is
 * one trust's and most of that is plain praise, unlabelled rather than neutral. The evaluation
 * measures the alternatives (scripts/eval-sentiment.ts).
 */
export const CHOSEN_MAPPING = CRITICALITY_MAPPINGS.find(
  (m) => m.name === '±1 neutral, 0 left out',
) as CriticalityMapping;

/**
 * Trust B's labels often contradict its text ("Nothing, everything excellent" is scored -4), so
 * it is not trained on; it is still evaluated, as a trust left out.
 */
export const UNTRAINED_SOURCES: ReadonlySet<string> = new Set(['Trust B 2020']);

/**
 * Mixed: each side's pull at least 2 and the weaker at least 0.7 of the stronger. Measured
 * (scripts/eval-sentiment.ts) against never calling mixed: four-label agreement on the held-out
 * ward sentences goes from 0.54 to 0.60; three-class accuracy on the trusts left out, whose
 * labellers scored a mixed comment neutral or gave it a sign, falls by 0.2 to 0.4 points, and by
 * 3.6 on Trust A. Looser rules cost those trusts far more; a stricter one gains nothing.
 */
export const MIXED: MixedRule = { side: 2, balance: 0.7 };

/** The settings tried, each scored by leave-one-source-out within the training sources only. */
export const SETTINGS_GRID: readonly Partial<TrainingOptions>[] = [
  { learningRate: 0.05 },
  { learningRate: 0.2 },
  { learningRate: 0.2, epochs: 8 },
  { learningRate: 0.2, leaveOut: ['b:'] },
];

/**
 * The hand-labelled ward sentences of the development fixture (walkabout notes, not survey
 * answers: "The nurses were rude", "No one told us") join every training set, repeated this
 * many times so 163 sentences are heard beside 11,000 comments. Measured: agreement on the
 * held-out ward sentences, never trained on, goes from 21/48 to 29/48, and accuracy on each trust
 * left out moves by 0.6 points at most. Mixed ones are trained as neutral, as the ambulance
 * labellers scored them.
 */
export const WARD_COPIES = 5;

export function wardExamples(copies = WARD_COPIES): TrainingExample[] {
  const once = wardSentences.map((e): TrainingExample => ({
    text: e.text,
    label: e.expected === 'mixed' ? 'neutral' : (e.expected as ModelClass),
  }));
  return Array.from({ length: copies }, () => once).flat();
}

export function examplesOf(rows: readonly FeedbackRow[], mapping: CriticalityMapping): TrainingExample[] {
  return rows.flatMap((row) => {
    const label = classOf(row, mapping);
    return label === null ? [] : [{ text: row.text, label }];
  });
}

export function predictClass(file: SentimentModelFile): (text: string) => ModelClass {
  const model = toSentimentModel(file);
  return (text) => threeClass(labelOf(scoreText(model, text), model.mixed));
}

export function evaluateOn(file: SentimentModelFile, test: readonly TrainingExample[]): Figures {
  const predict = predictClass(file);
  return figures(test.map((e) => ({ expected: e.label, suggested: predict(e.text) })));
}

function train(
  rows: readonly FeedbackRow[],
  options: TrainingOptions,
  mapping = CHOSEN_MAPPING,
  wardCopies = WARD_COPIES,
): SentimentModelFile {
  return trainSentimentModel([...examplesOf(rows, mapping), ...wardExamples(wardCopies)], options, {
    trainedOn: '',
    mixed: MIXED,
  });
}

/** Mean accuracy of `options` over the training sources, each left out in turn. */
export function innerAccuracy(rows: readonly FeedbackRow[], options: TrainingOptions): number {
  const sources = [...new Set(rows.map((r) => r.source))];
  const scores = sources.map((held) => {
    const model = train(
      rows.filter((r) => r.source !== held),
      options,
    );
    return evaluateOn(
      model,
      examplesOf(
        rows.filter((r) => r.source === held),
        CHOSEN_MAPPING,
      ),
    ).accuracy;
  });
  return scores.reduce((sum, s) => sum + s, 0) / scores.length;
}

/** The grid's best settings for these training rows, judged without the rows it will be tested on. */
export function chooseSettings(rows: readonly FeedbackRow[]): { options: TrainingOptions; accuracy: number } {
  let best = { options: DEFAULT_TRAINING, accuracy: -1 };
  for (const setting of SETTINGS_GRID) {
    const options = { ...DEFAULT_TRAINING, ...setting };
    const accuracy = innerAccuracy(rows, options);
    if (accuracy > best.accuracy) best = { options, accuracy };
  }
  return best;
}

export function trainableRows(rows: readonly FeedbackRow[]): FeedbackRow[] {
  return rows.filter((r) => !UNTRAINED_SOURCES.has(r.source));
}

export { train as trainOnRows };
