// What the model is trained on and how its settings are chosen, shared by the training script
// and the leave-one-source-out evaluation so both make the same choices.
import wardSentences from '../fixtures/patient-feedback-sentences.json';
import {
  MODEL_CLASSES,
  scoreText,
  toSentimentModel,
  type MixedRule,
  type ModelClass,
  type Scored,
  type SentimentModel,
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

const mapping = (name: string) => CRITICALITY_MAPPINGS.find((m) => m.name === name) as CriticalityMapping;

/**
 * How a trust's 2020 criticality is read when the model is measured on it: a mild remark either
 * way (±1: "TV please", "Good care") is what the ambulance labellers scored 3, neutral or mixed;
 * 0 is left out, because nearly all of it is one trust's and most of that is plain praise,
 * unlabelled rather than neutral. Fixed, so every model is measured against the same labels.
 */
export const EVALUATION_MAPPING = mapping('±1 neutral, 0 left out');

/**
 * The readings training may use, chosen like the other settings by leave-one-source-out within
 * the training sources: whether a mild criticism (-1) is taught as neutral or as criticism.
 */
export const TRAINING_MAPPINGS: readonly CriticalityMapping[] = [
  EVALUATION_MAPPING,
  mapping('+1 neutral, -1 criticism, 0 left out'),
];

/**
 * Trust B's labels often contradict its text: among the answers to "what could we do better?",
 * "Nothing, always good" is scored 3 and "Nothing, everything excellent" -4; most of its other
 * comments are scored 0. No reading of the scale fixes that, so it is not trained on; it is
 * still evaluated, as a trust left out, and the evaluation reports figures with and without it.
 */
export const UNTRAINED_SOURCES: ReadonlySet<string> = new Set(['Trust B 2020']);

/**
 * Mixed: each side's pull at least 2, the weaker at least 0.7 of the stronger, and the model's
 * chance of neutral at least 0.25. The sides alone find the ward sentences' mixed ones but cost
 * the trusts, whose labellers mostly gave a mixed comment the sign of its criticism, up to 3
 * points of three-class accuracy (Trust A); needing the model's doubt as well keeps that within
 * half a point of never calling mixed, and four-label agreement on the held-out ward sentences
 * stays at 0.67 against 0.60 never calling mixed (scripts/eval-sentiment.ts prints the table).
 */
export const MIXED: MixedRule = { side: 2, balance: 0.7, neutral: 0.25 };

/** The training settings tried, each scored by leave-one-source-out within the training sources only. */
export const SETTINGS_GRID: readonly Partial<TrainingOptions>[] = [{}, { l2: 1e-3 }, { epochs: 8 }];

/**
 * Calibration: what is added to the model's bias for [negative, neutral, positive] after
 * training, chosen with the settings. The trusts differ in how much praise they hold (63% to
 * 81%), so only praise's share is calibrated. Neutral is left as trained: the trusts' labels
 * seldom use it, and a neutral offset chosen on them costs the ward notes their neutral and
 * mixed labels (held-out ward sentences 26/48 with one, against 28/48 without).
 */
const POSITIVE_OFFSETS = [0, -0.1, -0.2, -0.3];
export type Offsets = readonly [number, number, number];
export const OFFSETS_GRID: readonly Offsets[] = POSITIVE_OFFSETS.map((p): Offsets => [0, 0, p]);

export type Settings = { options: TrainingOptions; mapping: CriticalityMapping; offsets: Offsets };

export const DEFAULT_SETTINGS: Settings = {
  options: DEFAULT_TRAINING,
  mapping: EVALUATION_MAPPING,
  offsets: [0, 0, 0],
};

/**
 * The hand-labelled ward sentences of the development fixture (walkabout notes, not survey
 * answers: "The nurses were rude", "No one told us") join every training set, repeated this
 * many times so 163 sentences are heard beside 11,000 comments. Measured: agreement on the
 * held-out ward sentences, never trained on, goes from 18/48 to 32/48, and accuracy on each trust
 * left out moves by a point at most. Mixed ones are trained as neutral, as the ambulance
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

export function examplesOf(rows: readonly FeedbackRow[], reading = EVALUATION_MAPPING): TrainingExample[] {
  return rows.flatMap((row) => {
    const label = classOf(row, reading);
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

const round = (value: number) => Math.round(value * 1e4) / 1e4 + 0;

function withOffsets(file: SentimentModelFile, offsets: Offsets): SentimentModelFile {
  const [negative, neutral, positive] = file.bias;
  return {
    ...file,
    bias: [round(negative + offsets[0]), round(neutral + offsets[1]), round(positive + offsets[2])],
  };
}

export function trainOnRows(
  rows: readonly FeedbackRow[],
  settings: Settings = DEFAULT_SETTINGS,
  wardCopies = WARD_COPIES,
  trainedOn = '',
): SentimentModelFile {
  const file = trainSentimentModel(
    [...examplesOf(rows, settings.mapping), ...wardExamples(wardCopies)],
    settings.options,
    { trainedOn, mixed: MIXED },
  );
  return withOffsets(file, settings.offsets);
}

/** A scored text as it would score with `offsets` added to the bias: the softmax shifts. */
function offsetScored(scored: Scored, offsets: Offsets): Scored {
  const shifted = scored.probabilities.map((p, k) => p * Math.exp(offsets[k]!));
  const total = shifted.reduce((sum, p) => sum + p, 0);
  return { ...scored, probabilities: [shifted[0]! / total, shifted[1]! / total, shifted[2]! / total] };
}

/** Accuracy for each entry of the grid, scoring each text once. */
function accuracyByOffsets(
  model: SentimentModel,
  test: readonly TrainingExample[],
  grid: readonly Offsets[] = OFFSETS_GRID,
): number[] {
  const scored = test.map((e) => ({ scored: scoreText(model, e.text), label: e.label }));
  return grid.map((offsets) => {
    const correct = scored.filter(
      (s) => threeClass(labelOf(offsetScored(s.scored, offsets), model.mixed)) === s.label,
    ).length;
    return test.length === 0 ? 0 : correct / test.length;
  });
}

/** Neutral's and praise's bias each shifted, wider than OFFSETS_GRID: for the bound below only. */
export const HINDSIGHT_OFFSETS: readonly Offsets[] = [0, 0.5, 1, 1.5].flatMap((neutral) =>
  [0.6, 0.3, 0, -0.3, -0.6].map((positive): Offsets => [0, neutral, positive]),
);

/**
 * The best accuracy any offsets of the grid give on `test`, chosen on `test`'s own labels: a
 * bound on what calibrating the priors or a neutral threshold could do for a trust, never a
 * setting a model is trained or shipped with. Ties go to the first tried.
 */
export function bestOffsetsInHindsight(
  file: SentimentModelFile,
  test: readonly TrainingExample[],
  grid: readonly Offsets[] = HINDSIGHT_OFFSETS,
): { offsets: Offsets; accuracy: number } {
  const accuracies = accuracyByOffsets(toSentimentModel(file), test, grid);
  let best = 0;
  accuracies.forEach((accuracy, i) => {
    if (accuracy > accuracies[best]! + 1e-12) best = i;
  });
  return { offsets: grid[best]!, accuracy: accuracies[best]! };
}

/**
 * The grid's best settings for these training rows, judged without the rows they will be tested
 * on: each training source is left out in turn, and the mean accuracy on it decides. Ties go to
 * the first tried, so the choice is as deterministic as the training.
 */
export function chooseSettings(rows: readonly FeedbackRow[]): { settings: Settings; accuracy: number } {
  const sources = [...new Set(rows.map((r) => r.source))];
  let best = { settings: DEFAULT_SETTINGS, accuracy: -1 };
  for (const reading of TRAINING_MAPPINGS) {
    for (const setting of SETTINGS_GRID) {
      const options = { ...DEFAULT_TRAINING, ...setting };
      const sums = OFFSETS_GRID.map(() => 0);
      for (const held of sources) {
        const file = trainOnRows(
          rows.filter((r) => r.source !== held),
          { options, mapping: reading, offsets: [0, 0, 0] },
        );
        const test = examplesOf(rows.filter((r) => r.source === held));
        accuracyByOffsets(toSentimentModel(file), test).forEach((a, i) => (sums[i]! += a / sources.length));
      }
      sums.forEach((accuracy, i) => {
        if (accuracy > best.accuracy + 1e-12) {
          best = { settings: { options, mapping: reading, offsets: OFFSETS_GRID[i]! }, accuracy };
        }
      });
    }
  }
  return best;
}

export function describeSettings(settings: Settings): string {
  const { options, offsets } = settings;
  const features =
    options.leaveOut.length === 0 ? 'all features' : `features without ${options.leaveOut.join(', ')}`;
  return [
    `2020 criticality trained as ${settings.mapping.name}`,
    `${features}, learning rate ${options.learningRate}, ${options.epochs} epochs, L2 ${options.l2}`,
    `features seen in at least ${options.minCount} texts, seed ${options.seed}`,
    `bias offsets ${MODEL_CLASSES.map((c, k) => `${c} ${offsets[k]}`).join(', ')}`,
  ].join('; ');
}

export function trainableRows(rows: readonly FeedbackRow[]): FeedbackRow[] {
  return rows.filter((r) => !UNTRAINED_SOURCES.has(r.source));
}
