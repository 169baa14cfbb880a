// First-letter choice for radio groups, like a native select: pressing a letter while a radio
// has focus picks the next option starting with it (pressing V again moves from Volunteer to
// Visitor). It only listens while focus is on the group, so it never takes over typing
// (WCAG 2.1.4 character key shortcuts).
export function nextByFirstLetter<T>(
  options: readonly { value: T; label: string }[],
  current: T,
  key: string,
): T | null {
  if (key.length !== 1 || !/\p{L}|\p{N}/u.test(key)) return null;
  const letter = key.toLocaleLowerCase('en-GB');
  const start = options.findIndex((o) => o.value === current);
  for (let step = 1; step <= options.length; step += 1) {
    const option = options[(start + step + options.length) % options.length];
    if (option?.label.toLocaleLowerCase('en-GB').startsWith(letter)) return option.value;
  }
  return null;
}
