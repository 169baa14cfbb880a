// Binds a CaptureController (drafts, autosave, localStorage mirror) to the round page. The page
// itself reads only the few facts it needs (useCaptureValue), so a key typed in the capture form
// draws the form again, not the whole round page.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ObservationDto, RoundDetailDto } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { afterNextFrame } from '../../lib/after-next-frame';
import { CaptureController, type CaptureSnapshot } from '../../lib/capture-controller';
import { DraftStore } from '../../lib/draft-store';
import { isRoundLocked } from '../../lib/labels';
import { newKey } from '../../lib/new-key';

export function useCapture(
  round: RoundDetailDto,
  /** Must be stable (e.g. a state setter's functional update): it is captured once. */
  onSaved: (observation: ObservationDto) => void,
): CaptureController {
  // Made once per round page, from the round as first loaded: that is what drafts left in
  // localStorage are reconciled against.
  const [{ controller, store }] = useState(() => {
    // Each key's change to the local copy is written just after the frame that shows the key.
    const drafts = new DraftStore(window.localStorage, round.id, { defer: afterNextFrame });
    return {
      store: drafts,
      controller: new CaptureController(round, {
        store: drafts,
        create: (request) => api['observations:create'](request),
        update: (request) => api['observations:update'](request),
        onSaved,
        newKey,
      }),
    };
  });
  const lockedAtLoad = isRoundLocked(round.status);

  useEffect(() => {
    // Hidden or closed (a reload, another app in front, the lid shut): the local copy is written
    // at once, whatever is still waiting for a frame.
    const keepCopy = () => store.flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') keepCopy();
    };
    window.addEventListener('pagehide', keepCopy);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', keepCopy);
      document.removeEventListener('visibilitychange', onHidden);
      keepCopy();
    };
  }, [store]);

  useEffect(() => {
    if (lockedAtLoad) return undefined;
    controller.start();
    // Leaving the page or the window: save now rather than after the debounce. localStorage
    // already holds every keystroke, so this only shortens the time anything is unsaved.
    const flush = () => void controller.flushAll();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [controller, lockedAtLoad]);

  return controller;
}

/** Everything about the draft in the form; the component that calls it draws again on each key. */
export function useCaptureSnapshot(controller: CaptureController): CaptureSnapshot {
  return useSyncExternalStore(controller.subscribe, controller.getSnapshot);
}

/**
 * One fact about the draft, e.g. which area it is in. `select` must return a string, number,
 * boolean or null, so that React compares it by value and the caller draws again only when it
 * changes, not on every key.
 */
export function useCaptureValue<T extends string | number | boolean | null>(
  controller: CaptureController,
  select: (snapshot: CaptureSnapshot) => T,
): T {
  const getValue = useCallback(() => select(controller.getSnapshot()), [controller, select]);
  return useSyncExternalStore(controller.subscribe, getValue);
}
