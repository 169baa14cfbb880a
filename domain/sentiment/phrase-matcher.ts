// Compiles the phrase patterns of phrases.ts and finds them in tokenized text: left to right,
// longest match first, never overlapping, never across a clause boundary.
import { NEGATORS } from './lexicon';
import type { PhraseRule } from './phrases';
import { tokenize, type Token } from './tokenize';

const GAP = /^\.\.\.(\d*)$/;
/** The most words a `...` gap may skip unless the pattern says otherwise (`...6`). */
export const DEFAULT_GAP = 3;

type Slot =
  | { kind: 'gap'; max: number }
  | { kind: 'words'; alternatives: readonly (readonly string[])[]; optional: boolean };

export type CompiledPhrase = {
  rule: PhraseRule;
  slots: readonly Slot[];
  /** Every word the pattern itself names, to tell its own "not" from one a gap skipped. */
  words: ReadonlySet<string>;
};

export type PhraseMatch = {
  rule: PhraseRule;
  /** Token indices, end exclusive. */
  first: number;
  end: number;
  /** A gap skipped a negator: "the wait was not long" is the idiom "wait ... long", negated. */
  negatedWithin: boolean;
};

function toNorms(words: string): string[] {
  return tokenize(words.replace(/_/g, ' ')).map((token) => token.norm);
}

export function compilePhrase(rule: PhraseRule): CompiledPhrase {
  const slots: Slot[] = rule.pattern.split(/\s+/).map((slot): Slot => {
    const gap = GAP.exec(slot);
    if (gap) return { kind: 'gap', max: gap[1] ? Number(gap[1]) : DEFAULT_GAP };
    const optional = slot.endsWith('?');
    const alternatives = (optional ? slot.slice(0, -1) : slot).split('|').map(toNorms);
    if (alternatives.some((alternative) => alternative.length === 0)) {
      throw new Error(`phrase '${rule.pattern}' has an empty alternative in '${slot}'`);
    }
    return { kind: 'words', alternatives, optional };
  });
  const first = slots[0];
  if (!first || first.kind !== 'words' || first.optional) {
    throw new Error(`phrase '${rule.pattern}' must start with a required word`);
  }
  if (slots.at(-1)?.kind === 'gap') throw new Error(`phrase '${rule.pattern}' must not end with a gap`);
  const words = new Set(slots.flatMap((slot) => (slot.kind === 'words' ? slot.alternatives.flat() : [])));
  return { rule, slots, words };
}

export type PhraseIndex = ReadonlyMap<string, readonly CompiledPhrase[]>;

/** Indexes phrases by their possible first words, so matching costs one map look-up a token. */
export function indexPhrases(rules: readonly PhraseRule[]): PhraseIndex {
  const index = new Map<string, CompiledPhrase[]>();
  for (const rule of rules) {
    const compiled = compilePhrase(rule);
    const first = compiled.slots[0];
    if (first?.kind !== 'words') continue;
    for (const firstWord of new Set(first.alternatives.map((alternative) => alternative[0] as string))) {
      const list = index.get(firstWord) ?? [];
      list.push(compiled);
      index.set(firstWord, list);
    }
  }
  return index;
}

function wordsAt(tokens: readonly Token[], at: number, words: readonly string[]): boolean {
  return words.every((word, offset) => {
    const token = tokens[at + offset];
    return token !== undefined && !token.boundary && token.norm === word;
  });
}

/** The end (exclusive) of the longest match of `slots` starting at token `at`, or -1. */
function longestEnd(tokens: readonly Token[], slots: readonly Slot[], slotIndex: number, at: number): number {
  const slot = slots[slotIndex];
  if (!slot) return at;
  let best = -1;
  if (slot.kind === 'gap') {
    for (let skip = 0; skip <= slot.max; skip += 1) {
      if (skip > 0 && (tokens[at + skip - 1]?.boundary ?? true)) break;
      best = Math.max(best, longestEnd(tokens, slots, slotIndex + 1, at + skip));
    }
    return best;
  }
  for (const alternative of slot.alternatives) {
    if (wordsAt(tokens, at, alternative)) {
      best = Math.max(best, longestEnd(tokens, slots, slotIndex + 1, at + alternative.length));
    }
  }
  if (slot.optional) best = Math.max(best, longestEnd(tokens, slots, slotIndex + 1, at));
  return best;
}

export function findPhrases(tokens: readonly Token[], index: PhraseIndex): PhraseMatch[] {
  const matches: PhraseMatch[] = [];
  let at = 0;
  while (at < tokens.length) {
    const token = tokens[at] as Token;
    let best: PhraseMatch | undefined;
    for (const phrase of token.boundary ? [] : (index.get(token.norm) ?? [])) {
      const end = longestEnd(tokens, phrase.slots, 0, at);
      if (end > at && (!best || end > best.end)) {
        const negatedWithin = tokens
          .slice(at, end)
          .some((t) => NEGATORS.has(t.norm) && !phrase.words.has(t.norm));
        best = { rule: phrase.rule, first: at, end, negatedWithin };
      }
    }
    if (best) {
      matches.push(best);
      at = best.end;
    } else {
      at += 1;
    }
  }
  return matches;
}
