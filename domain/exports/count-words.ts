// Counts in sentences a committee reads aloud: "no rounds", "1 round", "1,254 rounds", and the
// words around them agreeing with the count ("1 is", "2 are", "both", "all"). Every sentence
// with a number in it goes through here, so none says "1 rounds" or "1 are done".

/** 1254 → "1,254". */
export const number = (value: number) => value.toLocaleString('en-GB');

/** "no observations", "1 observation", "1,254 observations". */
export function count(value: number, one: string, many = `${one}s`): string {
  if (value === 0) return `no ${many}`;
  return `${number(value)} ${value === 1 ? one : many}`;
}

/** The same, at the start of a sentence: "No observations". */
export function countAtStart(value: number, one: string, many = `${one}s`): string {
  const words = count(value, one, many);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * How many of `total` things are `part`, as a phrase after a comma: "none of them", "both",
 * "all", "3 of them". The caller adds what they are ("…in people's own words").
 */
export function howManyOf(part: number, total: number): string {
  if (part === 0) return 'none of them';
  if (part === total) return total === 2 ? 'both' : 'all';
  return `${number(part)} of them`;
}
