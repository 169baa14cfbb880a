// An English syllable-count heuristic for the Flesch score. Counts groups of vowels, then
// corrects the commonest silent and split vowels. It is right for roughly nine words in ten
// (see syllables.test.ts); a dictionary would do better but would weigh megabytes, and Flesch
// scores are themselves approximate.

const VOWEL_GROUP = /[aeiouy]+/g;
const cache = new Map<string, number>();

function countLetters(word: string): number {
  // "qu" and "gu" before a vowel: the u is a consonant sound ("quality", "language").
  const w = word.replace(/([qg])u(?=[aeiouy])/g, '$1');
  const groups = w.match(VOWEL_GROUP) ?? [];
  let count = groups.length;
  for (const group of groups) {
    // Vowel pairs said as two syllables: "di-ag-nosis", "ra-di-o", "u-su-al".
    if (group === 'ia' && !/[cst]ia/.test(w)) count += 1;
    else if (group === 'io' && !/io[nu]/.test(w)) count += 1;
    else if (group === 'ua') count += 1;
  }
  // "ex-pe-ri-ence", "cli-ent", but "pa-tient", "ef-fi-cient".
  count += (w.match(/[^tcs]ie(?=n[ct])/g) ?? []).length;
  if (/[^aeiouy]ea$/.test(w)) count += 1; // "area", "idea"
  if (/[^aeiouy]ely$/.test(w)) count -= 1; // "like-ly", "safe-ly"
  const endsInOwnVowel = (suffix: string) => new RegExp(`[^aeiouy]${suffix}$`).test(w);
  if (endsInOwnVowel('e') && !/[^aeiouy]le$/.test(w))
    count -= 1; // silent e: "make", not "table"
  else if (endsInOwnVowel('ed') && !/[td]ed$/.test(w))
    count -= 1; // "called", not "wanted"
  else if (endsInOwnVowel('es') && !/(?:[sxzcg]|ch|sh|[^aeiouy]l)es$/.test(w)) count -= 1; // "makes", not "boxes"
  return Math.max(1, count);
}

/** Syllables in one written word (letters, digits or an abbreviation). */
export function countSyllables(word: string): number {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  let result: number;
  if (/^\d+$/.test(word)) {
    // Numbers are read aloud: roughly one syllable a digit ("45" → "for-ty-five" is 3).
    result = Math.max(1, word.length);
  } else if (/^[A-Z&]{2,}s?$/.test(word) && !/[AEIOUY]/.test(word)) {
    // An abbreviation with no vowel is spelt out: "NHS" is three syllables, "GP" two.
    result = word.replace(/[^A-Z]/g, '').length;
  } else {
    const letters = word.toLowerCase().replace(/[^a-z]/g, '');
    // Words in other alphabets: about one syllable per three letters is a fair guess.
    if (letters.length === 0) result = Math.max(1, Math.round(word.length / 3));
    else if (letters.length <= 3) result = 1;
    else result = countLetters(letters);
  }
  if (cache.size < 50_000) cache.set(word, result);
  return result;
}
