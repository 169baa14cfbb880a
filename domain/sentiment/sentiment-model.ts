// The sentiment model: a multinomial logistic regression over the features of
// sentiment-features.ts, with weights trained by scripts/train-sentiment.ts and shipped in
// resources/sentiment/model.json.
//
// Pure: no node: imports, so the renderer can suggest as the person types.
import { z } from 'zod';
import { extractFeatures, type Feature, type FeatureSet } from './sentiment-features';

/** The order of the model's outputs and of every weight vector in the file. */
export const MODEL_CLASSES = ['negative', 'neutral', 'positive'] as const;
export type ModelClass = (typeof MODEL_CLASSES)[number];
/** 2: the mixed rule also needs the model to give neutral a share (`mixed.neutral`). */
export const MODEL_FORMAT = 2;

const weightVector = z.tuple([z.number(), z.number(), z.number()]);

function isWeightVector(value: unknown): value is [number, number, number] {
  return (
    Array.isArray(value) &&
    value.length === 3 &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    Number.isFinite(value[2])
  );
}

function isWeightTable(value: unknown): value is Record<string, [number, number, number]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const table = value as Record<string, unknown>;
  for (const name in table) if (!isWeightVector(table[name])) return false;
  return true;
}

// Some 17,000 entries, checked in one plain loop: the model is read at start-up, and a schema per
// entry would cost several times what parsing the JSON does.
const weightTable = z.custom<Record<string, [number, number, number]>>(
  isWeightTable,
  'every weight must be a list of three numbers',
);

export const SentimentModelFile = z.object({
  format: z.literal(MODEL_FORMAT),
  classes: z.tuple([z.literal('negative'), z.literal('neutral'), z.literal('positive')]),
  /** What the model was trained on and how, for the record. */
  trainedOn: z.string(),
  mixed: z.object({
    /** Mixed needs the words leaning each way to add up to at least this much... */
    side: z.number().positive(),
    /** ...and the weaker side to be at least this share of the stronger... */
    balance: z.number().min(0).max(1),
    /**
     * ...and the model's own chance of neutral at least this much: a comment the model is sure
     * leans one way keeps that side, as the people who labelled the trusts' comments scored it.
     */
    neutral: z.number().min(0).max(1),
  }),
  bias: weightVector,
  weights: weightTable,
});
export type SentimentModelFile = z.infer<typeof SentimentModelFile>;

export type Weights = readonly [number, number, number];

export type MixedRule = SentimentModelFile['mixed'];

export type SentimentModel = {
  bias: Weights;
  mixed: MixedRule;
  weights: ReadonlyMap<string, Weights>;
};

export function toSentimentModel(file: SentimentModelFile): SentimentModel {
  const weights = new Map<string, Weights>();
  for (const name in file.weights) weights.set(name, file.weights[name] as Weights);
  return { bias: file.bias, mixed: file.mixed, weights };
}

export type Scored = {
  featureSet: FeatureSet;
  /** Probabilities in MODEL_CLASSES order. */
  probabilities: [number, number, number];
  /** Each known feature with its weights, once per distinct feature name (its first place). */
  contributions: { feature: Feature; weights: Weights }[];
  /** How much a feature counts: a long text's many features share one vote, 1/√(features). */
  scale: number;
  /** The pull of the features leaning towards praise and towards criticism, each as a positive sum. */
  towardsPositive: number;
  towardsNegative: number;
};

/** How far a feature leans towards praise (positive) or criticism (negative). */
export const lean = (weights: Weights): number => weights[2] - weights[0];

export function softmax(scores: readonly number[]): [number, number, number] {
  const top = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return [exps[0]! / total, exps[1]! / total, exps[2]! / total];
}

/** The distinct feature names of a text: the model counts a feature once, however often it occurs. */
export function distinctFeatures(features: readonly Feature[]): Feature[] {
  const seen = new Set<string>();
  return features.filter((feature) => (seen.has(feature.name) ? false : (seen.add(feature.name), true)));
}

export function scoreText(model: SentimentModel, text: string): Scored {
  const featureSet = extractFeatures(text);
  const scores = [...model.bias];
  const contributions: Scored['contributions'] = [];
  for (const feature of distinctFeatures(featureSet.features)) {
    const weights = model.weights.get(feature.name);
    if (weights) contributions.push({ feature, weights });
  }
  const scale = contributions.length === 0 ? 0 : 1 / Math.sqrt(contributions.length);
  let towardsPositive = 0;
  let towardsNegative = 0;
  for (const { weights } of contributions) {
    scores[0]! += weights[0] * scale;
    scores[1]! += weights[1] * scale;
    scores[2]! += weights[2] * scale;
    const pull = lean(weights) * scale;
    if (pull > 0) towardsPositive += pull;
    else towardsNegative -= pull;
  }
  return {
    featureSet,
    probabilities: softmax(scores),
    contributions,
    scale,
    towardsPositive,
    towardsNegative,
  };
}
