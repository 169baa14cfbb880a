// A polite live region's words: what just changed ("Added Access"), read out without moving
// focus. Saying the same thing twice in a row (adding and removing the same tag) needs the
// region to change, so a repeat gets an invisible marker appended.
import { useCallback, useState } from 'react';

export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => {
    setMessage((current) => (current === next ? `${next}\u00a0` : next));
  }, []);
  return [message, announce];
}

/** Moves focus to an element once React has rendered it (it may not exist yet). */
export function focusWhenReady(id: string): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element === null) return;
    element.focus();
    element.scrollIntoView({ block: 'nearest' });
  });
}
