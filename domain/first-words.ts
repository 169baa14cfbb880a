// Pure, and on the renderer's list of domain modules it may import: the screens and the sign-off
// record name an observation by the same first words, so what a reviewer signs reads as they saw it.

/**
 * The first few words of a text, with an ellipsis when there is more: what tells two
 * observations made in the same minute apart, in headings and screen-reader labels.
 */
export function firstWords(text: string, count = 6): string {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return 'no text';
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}
