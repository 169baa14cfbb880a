// The one-key fix the plain-language check offers: a term from the glossary replaced by its plain
// words wherever it stands whole in the text. DOM-free.

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
