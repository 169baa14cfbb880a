// An on-device sentiment suggestion for patient-experience feedback, from the trained model
// (sentiment-model.ts). The person always confirms or overrides it; the drivers show them
// which words moved it most, so a wrong suggestion is obvious at a glance.
//
// Pure: no node: imports, so the renderer can suggest as the person types.
import type { SentimentLabel } from './labels';
import {
  lean,
  scoreText,
  type MixedRule,
  type ModelClass,
  type Scored,
  type SentimentModel,
} from './sentiment-model';
import type { Token } from './tokenize';

export type SentimentDriver = {
  /** The words as typed: `text.slice(start, end)`. */
  phrase: string;
  start: number;
  end: number;
  polarity: 'positive' | 'negative';
};

export type SentimentSuggestion = {
  label: SentimentLabel;
  /** -1 (clearly negative) to 1 (clearly positive): the chance of praise less that of criticism. */
  score: number;
  /** What drove the suggestion, in text order, never overlapping. */
  drivers: SentimentDriver[];
};

export type SentimentSuggester = (text: string) => SentimentSuggestion;

/** At most this many drivers: enough to see why, few enough to read at a glance. */
export const MAX_DRIVERS = 5;
/**
 * A span must lean towards praise or criticism by at least this much (in the model's own
 * weights, before a long text's features share their vote) to be shown.
 */
export const DRIVER_MIN_WEIGHT = 0.2;

/**
 * The label: mixed when the words leaning each way are strong and nearly balanced ("lovely
 * nurses, cold food") and the model itself gives neutral a fair chance; otherwise the most
 * probable of the model's three classes.
 */
export function labelOf(scored: Scored, mixed: MixedRule): SentimentLabel {
  const weaker = Math.min(scored.towardsPositive, scored.towardsNegative);
  const stronger = Math.max(scored.towardsPositive, scored.towardsNegative);
  const [negative, neutral, positive] = scored.probabilities;
  if (weaker >= mixed.side && weaker >= mixed.balance * stronger && neutral >= mixed.neutral) return 'mixed';
  if (positive >= negative && positive >= neutral) return 'positive';
  return negative >= neutral ? 'negative' : 'neutral';
}

/** The three classes people labelled the feedback with: mixed comments were labelled neutral. */
export function threeClass(label: SentimentLabel): ModelClass {
  return label === 'mixed' ? 'neutral' : label;
}

// Words that carry weight in the model only as company ("were" is common in praise of staff):
// a driver made of nothing else would explain nothing to the person reading it.
const FUNCTION_WORDS = new Set(
  `a an the and or but so to of for in on at with by from as is are was were be been being am
   it its i me my we us our you your he him his she her they them their this that these those
   there here had has have did do does will would could should can just also`.split(/\s+/),
);

type Span = { first: number; last: number; weight: number };

function saysSomething(tokens: readonly Token[], span: Span): boolean {
  for (let at = span.first; at <= span.last; at += 1) {
    if (!FUNCTION_WORDS.has((tokens[at] as Token).norm)) return true;
  }
  return false;
}

/** Sums how far each span of words leans towards praise (positive) or criticism (negative). */
function spanWeights({ contributions }: Scored): Span[] {
  const spans = new Map<string, Span>();
  for (const { feature, weights } of contributions) {
    const key = `${feature.first}-${feature.last}`;
    const span = spans.get(key) ?? { first: feature.first, last: feature.last, weight: 0 };
    span.weight += lean(weights);
    spans.set(key, span);
  }
  return [...spans.values()];
}

function toDrivers(text: string, tokens: readonly Token[], spans: Span[], label: SentimentLabel) {
  const wanted = (weight: number) =>
    Math.abs(weight) >= DRIVER_MIN_WEIGHT &&
    (label === 'mixed' || (label === 'positive' ? weight > 0 : label === 'negative' ? weight < 0 : false));
  const chosen: Span[] = [];
  const strongestFirst = spans
    .filter((span) => wanted(span.weight) && saysSomething(tokens, span))
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.first - b.first);
  for (const span of strongestFirst) {
    if (chosen.length >= MAX_DRIVERS) break;
    const startsAt = (tokens[span.first] as Token).start;
    const endsAt = (tokens[span.last] as Token).end;
    const overlaps = chosen.some(
      (c) => startsAt < (tokens[c.last] as Token).end && (tokens[c.first] as Token).start < endsAt,
    );
    if (!overlaps) chosen.push(span);
  }
  return chosen
    .sort((a, b) => a.first - b.first)
    .map((span): SentimentDriver => {
      const start = (tokens[span.first] as Token).start;
      const end = (tokens[span.last] as Token).end;
      return {
        phrase: text.slice(start, end),
        start,
        end,
        polarity: span.weight > 0 ? 'positive' : 'negative',
      };
    });
}

export function suggestSentiment(model: SentimentModel, text: string): SentimentSuggestion {
  const scored = scoreText(model, text);
  if (!scored.featureSet.tokens.some((token) => !token.boundary)) {
    return { label: 'neutral', score: 0, drivers: [] };
  }
  const label = labelOf(scored, model.mixed);
  const [negative, , positive] = scored.probabilities;
  return {
    label,
    score: Math.round((positive - negative) * 1000) / 1000,
    drivers: toDrivers(text, scored.featureSet.tokens, spanWeights(scored), label),
  };
}

/** One model, many texts: the suggester the app and the command line hold once loaded. */
export function sentimentSuggester(model: SentimentModel): SentimentSuggester {
  return (text) => suggestSentiment(model, text);
}
