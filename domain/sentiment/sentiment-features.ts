// The features the sentiment model reads: words, word pairs, words in the reach of a negation,
// the word a comment opens with, and the idioms of patient feedback (phrases.ts). Each feature remembers the words it came
// from, so the words that moved a suggestion can be shown in the text.
//
// Pure: no node: imports, so the renderer can suggest as the person types.
import { NEGATORS, WORD_VALENCE } from './lexicon';
import { findPhrases, indexPhrases } from './phrase-matcher';
import { PHRASE_RULES } from './phrases';
import { tokenize, type Token } from './tokenize';

export type Feature = {
  name: string;
  /** Token indices of the words it came from (inclusive). */
  first: number;
  last: number;
};

export type FeatureSet = { tokens: Token[]; features: Feature[] };

/** How many words after a negator it reaches, never across a clause boundary. */
export const NEGATION_REACH = 3;

const PHRASE_INDEX = indexPhrases(PHRASE_RULES);

// A negator's reach stops at the contrast that turns a sentence round: "no wait, but rude".
const SCOPE_BREAKERS = new Set(['but', 'however', 'although', 'though', 'yet', 'and']);

/** For each token within a negator's reach, the negator's index; -1 for the rest. */
function negatedTokens(tokens: readonly Token[]): number[] {
  const negated = tokens.map(() => -1);
  tokens.forEach((token, index) => {
    if (token.boundary || !NEGATORS.has(token.norm)) return;
    for (let at = index + 1; at <= index + NEGATION_REACH; at += 1) {
      const next = tokens[at];
      if (!next || next.boundary || SCOPE_BREAKERS.has(next.norm)) break;
      negated[at] = index;
    }
  });
  return negated;
}

export function extractFeatures(text: string): FeatureSet {
  const tokens = tokenize(text);
  const negated = negatedTokens(tokens);
  const features: Feature[] = [];
  tokens.forEach((token, index) => {
    if (token.boundary) return;
    const negator = negated[index] ?? -1;
    // Shown with its negator, so the person sees "not helpful" rather than "helpful".
    const from = negator >= 0 ? negator : index;
    // A negated word is a different word: "helpful" after "not" is not praise.
    features.push(
      negator >= 0
        ? { name: `n:${token.norm}`, first: from, last: index }
        : { name: `w:${token.norm}`, first: index, last: index },
    );
    const valence = WORD_VALENCE.get(token.norm);
    if (valence !== undefined && valence !== 0) {
      // The lexicon's judgement of a word, turned by a negation: "not helpful" leans negative.
      const sign = valence > 0 !== negator >= 0 ? '+' : '-';
      const strength = Math.abs(valence) >= 2 ? 'strong' : 'mild';
      features.push({ name: `v:${sign}${strength}`, first: from, last: index });
    }
    const next = tokens[index + 1];
    if (next && !next.boundary) {
      features.push({ name: `b:${token.norm} ${next.norm}`, first: index, last: index + 1 });
    }
  });
  // The opening word apart: "Nothing" that opens an answer to "what could we do better?" is
  // praise, "nothing" later on ("nothing was done") is not. Measured on the trusts left out
  // (npm run eval:sentiment, "what each kind of feature adds").
  const opening = tokens.findIndex((token) => !token.boundary);
  if (opening >= 0) {
    features.push({ name: `s:${(tokens[opening] as Token).norm}`, first: opening, last: opening });
  }
  for (const match of findPhrases(tokens, PHRASE_INDEX)) {
    const prefix = match.negatedWithin ? 'pn:' : 'p:';
    features.push({ name: `${prefix}${match.rule.pattern}`, first: match.first, last: match.end - 1 });
  }
  return { tokens, features };
}
