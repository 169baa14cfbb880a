// Loads something through the API once per set of inputs, as a small state machine the pages
// switch over. Stale answers (inputs changed meanwhile) are ignored.
import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, Result } from '../../../ipc/errors';

export type Loadable<T> =
  { state: 'loading' } | { state: 'failed'; error: AppErrorShape } | { state: 'ready'; value: T };

export function useLoad<T>(
  load: () => Promise<Result<T>>,
  deps: readonly unknown[],
): [Loadable<T>, (value: T) => void, () => void] {
  const [loadable, setLoadable] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (!current) return;
      setLoadable(
        result.ok ? { state: 'ready', value: result.value } : { state: 'failed', error: result.error },
      );
    });
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `deps` says when it really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);

  const replace = useCallback((value: T) => setLoadable({ state: 'ready', value }), []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return [loadable, replace, retry];
}
