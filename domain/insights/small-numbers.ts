// Small-number suppression: a count of a few people from a named group on a named ward can
// identify them, so wherever a figure may leave the app, counts from 1 up to the threshold
// are shown as "fewer than N". Zero is shown: knowing that nobody was heard from discloses
// nobody, and it is the figure PEIG most needs to see.

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function shownCount(count: number, threshold = DEFAULT_SUPPRESSION_THRESHOLD): string {
  if (count === 0) return '0';
  return count < threshold ? `fewer than ${threshold}` : count.toLocaleString('en-GB');
}

export function withShown(count: number, threshold: number): { count: number; shown: string } {
  return { count, shown: shownCount(count, threshold) };
}
