// Sentiment tokens: words (with contractions expanded) and the punctuation that ends a
// clause. Negation and intensifiers never reach across a clause boundary, so "No complaints,
// the food was cold" does not turn into praise of cold food.
import { normaliseWord } from './word-spans';

export type Token = {
  /** Normalised form used for look-ups: lower case, contractions expanded, possessive 's dropped. */
  norm: string;
  /** Offsets of the word as typed. Both halves of an expanded contraction share its span. */
  start: number;
  end: number;
  /** Punctuation that ends a clause (. , ; : ! ? brackets, quotes and dashes). */
  boundary: boolean;
};

const TOKEN = /[\p{L}\p{N}]+(?:['’‘][\p{L}\p{N}]+)*|[.,;:!?()"“”—–…]|\s-\s/gu;

// Feedback exported from forms and texts often drops the apostrophe, so "couldnt" and
// "didnt" must read as negations just as "couldn't" does.
const BARE_NEGATIVE_CONTRACTIONS: Readonly<Record<string, string>> = {
  arent: 'are',
  cant: 'can',
  cannot: 'can',
  couldnt: 'could',
  didnt: 'did',
  doesnt: 'does',
  dont: 'do',
  hadnt: 'had',
  hasnt: 'has',
  havent: 'have',
  isnt: 'is',
  mustnt: 'must',
  neednt: 'need',
  shouldnt: 'should',
  wasnt: 'was',
  werent: 'were',
  wont: 'will',
  wouldnt: 'would',
};

const IRREGULAR_NT: Readonly<Record<string, string>> = { "can't": 'can', "won't": 'will', "shan't": 'shall' };

// "'s" is "is" after these words and a possessive after the rest ("the staff's fault").
const IS_CONTRACTION_HOSTS = new Set([
  'it',
  'that',
  'he',
  'she',
  'there',
  'here',
  'what',
  'who',
  'where',
  'everything',
  'nothing',
  'everyone',
  'nobody',
  'someone',
  'this',
]);

const SUFFIX_EXPANSIONS: readonly (readonly [string, string])[] = [
  ["'re", 'are'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'m", 'am'],
  ["'d", 'would'],
];

/** Expands one normalised word into the words it stands for ("couldn't" → could, not). */
export function expandWord(word: string): string[] {
  const irregular = IRREGULAR_NT[word];
  if (irregular) return [irregular, 'not'];
  if (word.endsWith("n't")) return [word.slice(0, -3), 'not'];
  const bare = BARE_NEGATIVE_CONTRACTIONS[word];
  if (bare) return [bare, 'not'];
  if (word === 'noone') return ['no', 'one'];
  if (word.endsWith("'s")) {
    const host = word.slice(0, -2);
    return IS_CONTRACTION_HOSTS.has(host) ? [host, 'is'] : [host];
  }
  for (const [suffix, expansion] of SUFFIX_EXPANSIONS) {
    if (word.endsWith(suffix)) return [word.slice(0, -suffix.length), expansion];
  }
  return [word];
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    if (!/[\p{L}\p{N}]/u.test(raw)) {
      tokens.push({ norm: raw.trim(), start, end, boundary: true });
      continue;
    }
    for (const norm of expandWord(normaliseWord(raw))) {
      tokens.push({ norm, start, end, boundary: false });
    }
  }
  return tokens;
}
