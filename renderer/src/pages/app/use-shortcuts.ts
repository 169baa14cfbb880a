// Binds the keyboard shortcuts (lib/shortcuts.ts) to the window for the life of the app.
import { useEffect } from 'react';
import { shortcutFor } from '../../lib/shortcuts';
import { navigate } from '../../router';
import { focusChoice } from '../observations/CaptureForm';

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (shortcut === null) return;
      event.preventDefault();
      if (shortcut.target.kind === 'route') navigate(shortcut.target.route);
      else focusChoice('kind');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
