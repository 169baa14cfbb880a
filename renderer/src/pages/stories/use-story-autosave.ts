// The story autosave as React state: the page re-renders whenever the story, the fields or the
// save status change, and anything waiting is saved when the page closes.
import { useEffect, useState } from 'react';
import { api } from '../../api-client';
import { StoryAutosave } from './story-autosave';
import type { StoryDetailDto } from './story-types';

export function useStoryAutosave(initial: StoryDetailDto): StoryAutosave {
  const [, setVersion] = useState(0);
  const [autosave] = useState(
    () =>
      new StoryAutosave(initial, {
        storage: window.localStorage,
        update: (request) => api['stories:update'](request),
        onChange: () => setVersion((v) => v + 1),
      }),
  );
  useEffect(() => {
    autosave.start();
    return () => {
      void autosave.flush();
    };
  }, [autosave]);
  return autosave;
}
