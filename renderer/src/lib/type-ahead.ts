// Letter choice for radio groups: each option has its own letter, shown beside it, and pressing
// it while the group has focus picks that option. Letters are unique within a group (Volunteer
// takes V, so Visitor takes I), so one press is always enough and never lands somewhere
// unexpected. It only listens while focus is on the group, so it never takes over typing
// (WCAG 2.1.4 character key shortcuts).

const LETTER = /\p{L}|\p{N}/u;

/**
 * One letter for each option, in order: the first letter of its label if no earlier option has
 * it, else the first letter of a later word, else any later letter of the label. An option
 * whose letters are all taken gets none.
 */
export function shortcutLetters<T>(options: readonly { value: T; label: string }[]): Map<T, string> {
  const taken = new Set<string>();
  const letters = new Map<T, string>();
  for (const option of options) {
    const label = option.label.toLocaleLowerCase('en-GB');
    const wordStarts = label
      .split(/[\s-]+/u)
      .map((word) => word.charAt(0))
      .filter((c) => LETTER.test(c));
    const all = [...label].filter((c) => LETTER.test(c));
    const choice = [...wordStarts, ...all].find((c) => !taken.has(c));
    if (choice === undefined) continue;
    taken.add(choice);
    letters.set(option.value, choice);
  }
  return letters;
}

/** The option whose letter is `key`, or null when the key is no option's letter. */
export function optionForKey<T>(letters: ReadonlyMap<T, string>, key: string): T | null {
  if (key.length !== 1 || !LETTER.test(key)) return null;
  const pressed = key.toLocaleLowerCase('en-GB');
  for (const [value, letter] of letters) if (letter === pressed) return value;
  return null;
}
