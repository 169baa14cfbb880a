// What the sign-off page shows of one round or story: its sign-off record and, for a story, the
// saved narrative its findings point into; reloaded together after every decision or signature.
import { useCallback } from 'react';
import type { SignOffKind } from '../../../../ipc/sign-off-schemas';
import { api } from '../../api-client';
import { useLoad } from '../../lib/use-load';

export function useSignOffRecord(kind: SignOffKind, id: string) {
  const [review, setReview, retry] = useLoad(() => api['sign-off:get']({ kind, id }), [kind, id]);
  // A story's findings point into its saved narrative, which the marked preview shows.
  const [story, setStory] = useLoad(
    () =>
      kind === 'story'
        ? api['stories:get']({ id })
        : Promise.resolve({ ok: false as const, error: { kind: 'not_found' as const, message: '' } }),
    [kind, id],
  );

  const reload = useCallback(async () => {
    const [next, nextStory] = await Promise.all([
      api['sign-off:get']({ kind, id }),
      kind === 'story' ? api['stories:get']({ id }) : Promise.resolve(null),
    ]);
    if (next.ok) setReview(next.value);
    if (nextStory?.ok === true) setStory(nextStory.value);
  }, [kind, id, setReview, setStory]);

  const narrative = story.state === 'ready' ? story.value.narrative : '';
  return { review, retry, reload, narrative };
}
