// What the sign-off page shows of one round or story: its sign-off record, whose items carry the
// saved texts their findings point into; reloaded after every decision or signature.
import { useCallback } from 'react';
import type { SignOffKind } from '../../../../ipc/sign-off-schemas';
import { api } from '../../api-client';
import { useLoad } from '../../lib/use-load';

export function useSignOffRecord(kind: SignOffKind, id: string) {
  const [review, setReview, retry] = useLoad(() => api['sign-off:get']({ kind, id }), [kind, id]);

  const reload = useCallback(async () => {
    const next = await api['sign-off:get']({ kind, id });
    if (next.ok) setReview(next.value);
  }, [kind, id, setReview]);

  return { review, retry, reload };
}
