// The one-key fix the plain-language check offers: a term from the glossary replaced by its plain
// words wherever it stands whole in the text. Pure, and on the renderer's list of domain modules it
// may import: the editor replaces in place with these functions, and an export applies a replacement
// chosen at review (a "plain_words" decision) with the same ones, so both read the same. DOM-free.

/**
 * The words that go into the text. A description in lower case drops the glossary's bracketed
 * aside ("team of specialists", not "team of specialists (multidisciplinary team)": the aside names
 * the jargon again); a proper name keeps it, since the name alone does not say what the body does
 * ("Care Quality Commission (the health and care regulator)").
 */
export function plainWords(plain: string): string {
  const aside = /^(.*?)\s*\([^()]*\)$/.exec(plain.trim());
  const head = aside?.[1]?.trim() ?? '';
  if (aside !== null && head !== '' && head[0] === head[0]?.toLowerCase()) return head;
  return plain.trim();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every whole-word use of `term` replaced by `words`; a replacement that starts a sentence (or the
 * text) starts with a capital letter. Abbreviations match as written ("MDT", not "mdt"); words in
 * lower case match in any case.
 */
export function replaceTerm(text: string, term: string, words: string): string {
  const caseless = term !== term.toUpperCase();
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, caseless ? 'giu' : 'gu');
  return text.replace(pattern, (_match, offset: number) => {
    const before = text.slice(0, offset);
    const startsSentence = /(^|[.!?]\s+|\n\s*)$/u.test(before);
    return startsSentence ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  });
}

const KEY_PREFIX = 'plain#';

/** The key a "plain_words" decision is stored under: the term as it was written. */
export const plainWordsKey = (term: string) => `${KEY_PREFIX}${term}`;

/** The term a "plain_words" decision replaces; null for a key of another kind. */
export function termOfPlainWordsKey(key: string): string | null {
  return key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : null;
}

export type PlainWordsDecision = { findingKey: string; decision: string; reason?: string | null };

/** The text as it leaves: each "plain_words" decision's term replaced by its words, in order. */
export function applyPlainWords(text: string, decisions: readonly PlainWordsDecision[]): string {
  return decisions.reduce((out, d) => {
    const term = d.decision === 'plain_words' ? termOfPlainWordsKey(d.findingKey) : null;
    const words = (d.reason ?? '').trim();
    return term === null || words === '' ? out : replaceTerm(out, term, words);
  }, text);
}
