// An on-device sentiment suggestion for patient-experience feedback: a lexicon and a few rules,
// deterministic and explainable. The person always confirms or overrides it; the drivers show
// them which words it rested on, so a wrong suggestion is obvious at a glance.
//
// Pure: no node: imports, so the renderer can suggest as the person types.
import type { SentimentLabel } from './labels';
import {
  EXPECTED_WORDS,
  INTENSIFIERS,
  NEGATED_EXPECTED_VALENCE,
  NEGATORS,
  TOO_EXEMPT,
  TOO_VALENCE,
  WORD_VALENCE,
} from './lexicon';
import { findPhrases, indexPhrases, type PhraseMatch } from './phrase-matcher';
import { PHRASE_RULES } from './phrases';
import { tokenize, type Token } from './tokenize';

export type SentimentDriver = {
  /** The words as typed: `text.slice(start, end)`. */
  phrase: string;
  start: number;
  end: number;
  polarity: 'positive' | 'negative';
};

export type SentimentSuggestion = {
  label: SentimentLabel;
  /** -1 (clearly negative) to 1 (clearly positive); near 0 for neutral and balanced mixed text. */
  score: number;
  /** What drove the suggestion, in text order, never overlapping. */
  drivers: SentimentDriver[];
};

/** Below this much sentiment in total the text is neutral ("the patient was waiting"). */
export const NEUTRAL_BELOW = 0.6;
/** Mixed needs each side to carry weight: at least this much... */
export const MIXED_SIDE_MIN = 1;
/** ...and the weaker side at least this share of the stronger. */
export const MIXED_RATIO_MIN = 0.3;

const REST_OF_SIDE = 0.5;
const NEGATION_WINDOW = 3;
const INTENSIFIER_WINDOW = 2;
const ADVERB_NEGATION_WINDOW = 6;
// A negated compliment is nearly as strong as an insult ("not helpful"); a negated insult is
// faint praise ("not rude").
const NEGATED_POSITIVE = -0.8;
const NEGATED_NEGATIVE = -0.5;
// The clause a speaker leads with before "but" matters less than the one after it.
const BEFORE_BUT = 0.8;
const AFTER_BUT = 1.2;
const CONCEDED = 0.8;
const MAIN_CLAUSE = 1.2;

const BUT_MARKERS = new Set(['but', 'however', 'yet', 'nevertheless', 'nonetheless', 'whereas']);
const CONCESSIVE_MARKERS = new Set(['although', 'though', 'despite', 'except', 'whilst', 'apart', 'aside']);
const SENTENCE_ENDS = new Set(['.', '!', '?']);
const COORDINATORS = new Set(['and', 'or', 'nor']);
// "I've never been treated so well": with these nearby, "never" is a comparison, not a denial.
const COMPARATIVE_AFTER_NEVER = new Set(['so', 'such', 'as', 'more', 'better', 'worse']);

const PHRASE_INDEX = indexPhrases(PHRASE_RULES);

type Scored = {
  first: number;
  last: number;
  base: number;
  expected: boolean;
  negatedWithin: boolean;
};

function lookupValence(norm: string): number | undefined {
  const direct = WORD_VALENCE.get(norm);
  if (direct !== undefined) return direct;
  // Regular inflections: "delays", "rudely". Irregular ones are listed in the lexicon.
  if (norm.length > 4 && norm.endsWith('s')) return WORD_VALENCE.get(norm.slice(0, -1));
  if (norm.length > 4 && norm.endsWith('ly')) return WORD_VALENCE.get(norm.slice(0, -2));
  return undefined;
}

function scoredItems(
  tokens: readonly Token[],
  phrases: readonly PhraseMatch[],
  consumed: boolean[],
): Scored[] {
  const items: Scored[] = phrases
    .filter((match) => match.rule.value !== 0 || match.rule.expected)
    .map((match) => ({
      first: match.first,
      last: match.end - 1,
      base: match.rule.value,
      expected: match.rule.expected === true,
      negatedWithin: match.negatedWithin,
    }));
  tokens.forEach((token, index) => {
    if (token.boundary || consumed[index]) return;
    const previous = index > 0 && !consumed[index - 1] ? tokens[index - 1]?.norm : undefined;
    const valence = lookupValence(token.norm) ?? 0;
    const expected = EXPECTED_WORDS.has(token.norm);
    if (previous === 'too' && valence <= 0 && !TOO_EXEMPT.has(token.norm)) {
      // "too hot", "too long", "far too busy": a complaint whatever the word.
      items.push({
        first: index - 1,
        last: index,
        base: Math.min(valence * 1.3, TOO_VALENCE),
        expected: false,
        negatedWithin: false,
      });
    } else if (valence !== 0 || expected) {
      items.push({ first: index, last: index, base: valence, expected, negatedWithin: false });
    }
  });
  return items.sort((a, b) => a.first - b.first);
}

type Modifiers = { multiplier: number; negated: boolean; spanFirst: number };

// One negator negates one thing, or a list of things joined by "and"/"or" ("not clean or
// tidy"): in "hasn't worked for weeks" the "not" belongs to "worked", not to "for weeks".
function negatorFreeFor(
  tokens: readonly Token[],
  negatorAt: number,
  item: Scored,
  negatorTargets: Map<number, Scored>,
): boolean {
  const earlier = negatorTargets.get(negatorAt);
  if (!earlier) return true;
  const between = tokens.slice(earlier.last + 1, item.first);
  return between.length > 0 && between.every((t) => COORDINATORS.has(t.norm));
}

function modifiersBefore(
  tokens: readonly Token[],
  consumed: readonly boolean[],
  item: Scored,
  negatorTargets: Map<number, Scored>,
): Modifiers {
  const modifiers: Modifiers = { multiplier: 1, negated: false, spanFirst: item.first };
  for (let distance = 1; distance <= NEGATION_WINDOW; distance += 1) {
    const at = item.first - distance;
    const token = tokens[at];
    if (!token || token.boundary || consumed[at]) break;
    if (BUT_MARKERS.has(token.norm) || CONCESSIVE_MARKERS.has(token.norm)) break;
    if (NEGATORS.has(token.norm)) {
      const between = tokens.slice(at + 1, item.first).map((t) => t.norm);
      const after = tokens.slice(item.last + 1, item.last + 3).map((t) => t.norm);
      const comparative =
        token.norm === 'never' && [...between, ...after].some((norm) => COMPARATIVE_AFTER_NEVER.has(norm));
      if (comparative) {
        modifiers.multiplier *= 1.3;
      } else if (negatorFreeFor(tokens, at, item, negatorTargets)) {
        modifiers.negated = true;
        negatorTargets.set(at, item);
      } else {
        break;
      }
      modifiers.spanFirst = at;
      break;
    }
    const intensity = INTENSIFIERS.get(token.norm);
    if (intensity !== undefined && distance <= INTENSIFIER_WINDOW) {
      modifiers.multiplier *= intensity;
      modifiers.spanFirst = at;
    }
  }
  if (!modifiers.negated && item.first === item.last && tokens[item.first]?.norm.endsWith('ly')) {
    modifiers.negated = verbNegatedEarlierInClause(tokens, item.first);
  }
  return modifiers;
}

// A manner adverb sits at the end of the verb phrase it qualifies, so a verb negated earlier in
// the clause reaches it: "we can't answer the call bells quickly", "nobody explained it clearly".
function verbNegatedEarlierInClause(tokens: readonly Token[], at: number): boolean {
  for (let distance = 1; distance <= ADVERB_NEGATION_WINDOW; distance += 1) {
    const token = tokens[at - distance];
    if (!token || token.boundary || BUT_MARKERS.has(token.norm) || CONCESSIVE_MARKERS.has(token.norm))
      return false;
    if (token.norm === 'not') return true;
    if (token.norm === 'never') {
      return !tokens.slice(at - distance + 1, at).some((t) => COMPARATIVE_AFTER_NEVER.has(t.norm));
    }
  }
  return false;
}

function negate(value: number, expected: boolean): number {
  if (expected) return Math.min(NEGATED_EXPECTED_VALENCE, NEGATED_POSITIVE * value);
  return value > 0 ? NEGATED_POSITIVE * value : NEGATED_NEGATIVE * value;
}

/** Token indices from the end of each phrase with `flag` to the end of its clause. */
function restOfClauseAfter(
  tokens: readonly Token[],
  phrases: readonly PhraseMatch[],
  flag: 'negatesClause' | 'hypotheticalClause',
): Set<number> {
  const covered = new Set<number>();
  for (const match of phrases) {
    if (!match.rule[flag]) continue;
    for (let at = match.end; at < tokens.length && !tokens[at]?.boundary; at += 1) covered.add(at);
  }
  return covered;
}

/** Per-token weights from "but" and "although": what follows "but" outweighs what precedes it. */
function contrastWeights(tokens: readonly Token[], consumed: readonly boolean[]): number[] {
  const weights = tokens.map(() => 1);
  const weigh = (from: number, to: number, factor: (at: number) => number) => {
    for (let at = from; at < to; at += 1) weights[at] = (weights[at] ?? 1) * factor(at);
  };
  let sentenceStart = 0;
  for (let sentenceEnd = 0; sentenceEnd <= tokens.length; sentenceEnd += 1) {
    const ender = tokens[sentenceEnd];
    if (ender && !(ender.boundary && SENTENCE_ENDS.has(ender.norm))) continue;
    for (let index = sentenceStart; index < sentenceEnd; index += 1) {
      const token = tokens[index] as Token;
      if (token.boundary || consumed[index]) continue;
      if (BUT_MARKERS.has(token.norm)) {
        weigh(sentenceStart, sentenceEnd, (at) => (at < index ? BEFORE_BUT : AFTER_BUT));
      } else if (CONCESSIVE_MARKERS.has(token.norm)) {
        let clauseEnd = index + 1;
        while (clauseEnd < sentenceEnd && !tokens[clauseEnd]?.boundary) clauseEnd += 1;
        weigh(sentenceStart, sentenceEnd, (at) => (at >= index && at < clauseEnd ? CONCEDED : MAIN_CLAUSE));
      }
    }
    sentenceStart = sentenceEnd + 1;
  }
  return weights;
}

type Contribution = { value: number; spanFirst: number; first: number; last: number };

/**
 * How much one side weighs: its strongest point in full, the rest at half. "Kind and
 * reassuring" is one compliment said twice, not twice the praise, so a list of adjectives
 * does not drown out the complaint beside it.
 */
function weightOfSide(magnitudes: readonly number[]): number {
  if (magnitudes.length === 0) return 0;
  // reduce, not Math.max(...): a very long text can have more drivers than a call has arguments.
  const strongest = magnitudes.reduce((max, m) => Math.max(max, m), 0);
  const total = magnitudes.reduce((sum, m) => sum + m, 0);
  return strongest + REST_OF_SIDE * (total - strongest);
}

function labelFor(positive: number, negative: number): SentimentLabel {
  if (positive + negative < NEUTRAL_BELOW) return 'neutral';
  const weaker = Math.min(positive, negative);
  const stronger = Math.max(positive, negative);
  if (weaker >= MIXED_SIDE_MIN && weaker / stronger >= MIXED_RATIO_MIN) return 'mixed';
  if (positive === negative) return 'mixed';
  return positive > negative ? 'positive' : 'negative';
}

function toDrivers(text: string, tokens: readonly Token[], contributions: Contribution[]): SentimentDriver[] {
  const drivers: SentimentDriver[] = [];
  let previousEnd = 0;
  for (const contribution of contributions) {
    const end = (tokens[contribution.last] as Token).end;
    let start = (tokens[contribution.spanFirst] as Token).start;
    // Two words negated by one "not" ("not clean or tidy") would overlap; the later one then
    // starts at its own word so the UI can highlight every driver without nesting.
    if (start < previousEnd) start = (tokens[contribution.first] as Token).start;
    if (start < previousEnd) continue;
    drivers.push({
      phrase: text.slice(start, end),
      start,
      end,
      polarity: contribution.value > 0 ? 'positive' : 'negative',
    });
    previousEnd = end;
  }
  return drivers;
}

export function suggestSentiment(text: string): SentimentSuggestion {
  const tokens = tokenize(text);
  const phrases = findPhrases(tokens, PHRASE_INDEX);
  const consumed = tokens.map(() => false);
  for (const match of phrases) for (let at = match.first; at < match.end; at += 1) consumed[at] = true;

  const negatedByClause = restOfClauseAfter(tokens, phrases, 'negatesClause');
  // "It would have been nice if someone had checked on me": a wish describes what did not happen.
  const hypothetical = restOfClauseAfter(tokens, phrases, 'hypotheticalClause');
  const weights = contrastWeights(tokens, consumed);
  const contributions: Contribution[] = [];
  const negatorTargets = new Map<number, Scored>();
  for (const item of scoredItems(tokens, phrases, consumed)) {
    if (hypothetical.has(item.first)) continue;
    const modifiers = modifiersBefore(tokens, consumed, item, negatorTargets);
    let value = item.base * modifiers.multiplier;
    if (modifiers.negated || item.negatedWithin || negatedByClause.has(item.first)) {
      value = negate(value, item.expected);
    }
    value *= weights[item.first] ?? 1;
    if (value !== 0)
      contributions.push({ value, spanFirst: modifiers.spanFirst, first: item.first, last: item.last });
  }

  const positive = weightOfSide(contributions.filter((c) => c.value > 0).map((c) => c.value));
  const negative = weightOfSide(contributions.filter((c) => c.value < 0).map((c) => -c.value));
  const net = positive - negative;
  return {
    label: labelFor(positive, negative),
    score: Math.round((net / Math.sqrt(net * net + 4)) * 1000) / 1000,
    drivers: toDrivers(text, tokens, contributions),
  };
}
