// The person using PX Rounds on this computer (settings), for the pages that ask for a name: each
// fills its empty fields once the person is known, never over what was typed meanwhile.
import { useEffect, useRef } from 'react';
import type { ResponseOf } from '../../../ipc/contract';
import { api } from '../api-client';
import { useLoad } from './use-load';

export type Person = NonNullable<ResponseOf<'settings:get-person'>['person']>;

/**
 * Undefined while loading, null when nobody has said who they are (or it could not be read).
 * `fill` runs once, when the person is known.
 */
export function usePerson(fill?: (person: Person) => void): Person | null | undefined {
  const [loaded] = useLoad(() => api['settings:get-person']({}), []);
  const person =
    loaded.state === 'ready' ? loaded.value.person : loaded.state === 'failed' ? null : undefined;
  const filled = useRef(false);
  const fillRef = useRef(fill);
  useEffect(() => {
    fillRef.current = fill;
  });
  useEffect(() => {
    if (person === null || person === undefined || filled.current) return;
    filled.current = true;
    fillRef.current?.(person);
  }, [person]);
  return person;
}
