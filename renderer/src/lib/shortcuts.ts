// Keyboard shortcuts that reach each section of the app from anywhere, without tabbing back
// through the header: Alt + Shift + a letter. Both modifiers, so they never fire while typing
// (WCAG 2.1.4) and clash with no browser, Electron or screen reader command; the physical key
// (event.code) is read, so they work on every keyboard layout and on a Mac, where Option + Shift
// + a letter would otherwise type a symbol. Pure, for tests; App binds them.
import type { Route } from './routes';

export type ShortcutTarget =
  | { kind: 'route'; route: Exclude<Route, { name: 'not-found' }> }
  /** The capture form on a round page: its first question, the kind. */
  | { kind: 'capture' };

export type Shortcut = { letter: string; does: string; target: ShortcutTarget };

const go = (route: Exclude<Route, { name: 'not-found' }>): ShortcutTarget => ({ kind: 'route', route });

export const SHORTCUTS: readonly Shortcut[] = [
  { letter: 'R', does: 'Rounds', target: go({ name: 'home' }) },
  { letter: 'N', does: 'Start a round', target: go({ name: 'start-round' }) },
  {
    letter: 'C',
    does: 'Capture a new observation (on a round’s page): the cursor goes to its kind',
    target: { kind: 'capture' },
  },
  { letter: 'S', does: 'Search', target: go({ name: 'search', query: '' }) },
  { letter: 'I', does: 'Insights', target: go({ name: 'insights', query: '' }) },
  { letter: 'A', does: 'Actions', target: go({ name: 'actions', query: '' }) },
  { letter: 'T', does: 'Stories', target: go({ name: 'stories', query: '' }) },
  { letter: 'E', does: 'Exports', target: go({ name: 'exports', query: '' }) },
  { letter: 'V', does: 'Verify a signed file', target: go({ name: 'verify' }) },
  { letter: 'K', does: 'Signing key', target: go({ name: 'signing-key' }) },
  { letter: 'B', does: 'PEIG bundles', target: go({ name: 'bundle-import' }) },
  { letter: 'G', does: 'Settings', target: go({ name: 'settings' }) },
  { letter: 'H', does: 'This list of keyboard shortcuts', target: go({ name: 'shortcuts' }) },
];

type KeyLike = { altKey: boolean; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; code: string };

/** The shortcut a key press makes, or null when it is not one. */
export function shortcutFor(event: KeyLike): Shortcut | null {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return null;
  const match = /^Key([A-Z])$/u.exec(event.code);
  if (match === null) return null;
  return SHORTCUTS.find((shortcut) => shortcut.letter === match[1]) ?? null;
}
