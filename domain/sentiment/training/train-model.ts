// Trains the sentiment model: multinomial logistic regression, fitted by AdaGrad with an L2
// penalty, visiting the examples in an order shuffled from a fixed seed. Same examples and
// options, same weights to the last byte: weights are rounded before they are written, and
// nothing depends on the clock or on the order of a hash table.
import { seededRandom } from '../../seeded-random';
import { extractFeatures } from '../sentiment-features';
import {
  distinctFeatures,
  MODEL_CLASSES,
  MODEL_FORMAT,
  softmax,
  type ModelClass,
  type SentimentModelFile,
} from '../sentiment-model';

export type TrainingExample = { text: string; label: ModelClass };

export type TrainingOptions = {
  seed: number;
  epochs: number;
  /** L2 penalty on each weight, applied when its feature is seen. */
  l2: number;
  learningRate: number;
  /** Features seen in fewer training texts than this are left out of the model. */
  minCount: number;
  /** Weigh each class inversely to how often it occurs, so the rarest still counts. */
  balanceClasses: boolean;
  /** Feature kinds (name prefixes such as 'n:' or 'p:') left out, to measure what each adds. */
  leaveOut: readonly string[];
};

export const DEFAULT_TRAINING: TrainingOptions = {
  seed: 20231,
  epochs: 4,
  l2: 1e-4,
  learningRate: 0.05,
  minCount: 2,
  balanceClasses: false,
  leaveOut: [],
};

/** Weights are kept to 4 decimal places: far finer than the model's own error. */
const DECIMALS = 1e4;

/** Shuffled by the seeded generator: the same seed gives the same shuffle everywhere. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const { next } = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

type Encoded = { features: Int32Array; label: number };

function encode(examples: readonly TrainingExample[], options: TrainingOptions) {
  const kept = (name: string) => !options.leaveOut.some((prefix) => name.startsWith(prefix));
  const names = examples.map((e) =>
    distinctFeatures(extractFeatures(e.text).features)
      .map((f) => f.name)
      .filter(kept),
  );
  const minCount = options.minCount;
  const counts = new Map<string, number>();
  for (const list of names) for (const name of list) counts.set(name, (counts.get(name) ?? 0) + 1);
  const vocabulary = [...counts.keys()].filter((name) => (counts.get(name) ?? 0) >= minCount).sort();
  const index = new Map(vocabulary.map((name, i) => [name, i]));
  const encoded: Encoded[] = examples.map((example, i) => ({
    features: Int32Array.from((names[i] ?? []).flatMap((name) => index.get(name) ?? [])),
    label: MODEL_CLASSES.indexOf(example.label),
  }));
  return { vocabulary, encoded };
}

function classWeights(encoded: readonly Encoded[], balance: boolean): number[] {
  if (!balance) return MODEL_CLASSES.map(() => 1);
  const counts = MODEL_CLASSES.map((_, k) => encoded.filter((e) => e.label === k).length);
  return counts.map((count) => (count === 0 ? 0 : encoded.length / (MODEL_CLASSES.length * count)));
}

const round = (value: number) => Math.round(value * DECIMALS) / DECIMALS + 0;

export function trainSentimentModel(
  examples: readonly TrainingExample[],
  options: TrainingOptions,
  record: Pick<SentimentModelFile, 'trainedOn' | 'mixed'>,
): SentimentModelFile {
  const { vocabulary, encoded } = encode(examples, options);
  const perClass = classWeights(encoded, options.balanceClasses);
  const classes = MODEL_CLASSES.length;
  const weights = new Float64Array(vocabulary.length * classes);
  const squares = new Float64Array(vocabulary.length * classes);
  const bias = new Float64Array(classes);
  const biasSquares = new Float64Array(classes);
  const step = (values: Float64Array, sums: Float64Array, at: number, gradient: number) => {
    sums[at]! += gradient * gradient;
    values[at]! -= (options.learningRate * gradient) / Math.sqrt(sums[at]! + 1e-8);
  };
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (const example of seededShuffle(encoded, options.seed + epoch)) {
      const scale = example.features.length === 0 ? 0 : 1 / Math.sqrt(example.features.length);
      const scores = [bias[0]!, bias[1]!, bias[2]!];
      for (const f of example.features) {
        for (let k = 0; k < classes; k += 1) scores[k]! += weights[f * classes + k]! * scale;
      }
      const probabilities = softmax(scores);
      const weight = perClass[example.label] ?? 1;
      for (let k = 0; k < classes; k += 1) {
        const error = weight * (probabilities[k]! - (k === example.label ? 1 : 0));
        step(bias, biasSquares, k, error);
        for (const f of example.features) {
          const at = f * classes + k;
          step(weights, squares, at, error * scale + options.l2 * weights[at]!);
        }
      }
    }
  }
  const table: Record<string, [number, number, number]> = {};
  vocabulary.forEach((name, f) => {
    const vector: [number, number, number] = [
      round(weights[f * classes]!),
      round(weights[f * classes + 1]!),
      round(weights[f * classes + 2]!),
    ];
    if (vector.some((w) => w !== 0)) table[name] = vector;
  });
  return {
    format: MODEL_FORMAT,
    classes: [...MODEL_CLASSES],
    trainedOn: record.trainedOn,
    mixed: record.mixed,
    bias: [round(bias[0]!), round(bias[1]!), round(bias[2]!)],
    weights: table,
  };
}

/** The model file's text: one feature a line, so a retrained model diffs readably. */
export function serialiseModel(file: SentimentModelFile): string {
  const { weights, ...header } = file;
  const lines = Object.entries(weights).map(
    ([name, vector]) => `${JSON.stringify(name)}:${JSON.stringify(vector)}`,
  );
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},"weights":{\n${lines.join(',\n')}\n}}\n`;
}
