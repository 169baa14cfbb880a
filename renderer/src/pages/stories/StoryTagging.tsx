import { useMemo } from 'react';
import { api } from '../../api-client';
import { setItemTags } from '../../lib/set-item-tags';
import type { Catalogue } from '../../lib/tag-options';
import { selectionFromObservation } from '../../lib/tag-selection';
import { ItemTagging, useTagChoices } from '../../components/ItemTagging';
import { metaStatusText } from '../../components/SaveStatusLine';
import { useItemMeta } from '../../lib/use-item-meta';
import type { StoryDetailDto } from './story-types';

// Tag suggestions are worked out in the page; like the sentiment suggestion (made by the service
// from the opening 100,000 characters), they read the start of a very long story only.
const SUGGESTION_SAMPLE = 100_000;

type Props = {
  story: StoryDetailDto;
  catalogue: Catalogue;
  readOnly: boolean;
  onCustomTag: (tag: { id: string; label: string }) => void;
  /** Must be stable. */
  onSaved: (story: StoryDetailDto) => void;
};

/** The story's themes, equality groups with their impact, and its confirmed sentiment. */
export function StoryTagging({ story, catalogue, readOnly, onCustomTag, onSaved }: Props) {
  const choices = useTagChoices(catalogue);
  const id = story.id;
  const meta = useItemMeta<StoryDetailDto>({
    id,
    initialSelection: () => selectionFromObservation(story, choices.options, choices.equalityFrameworkId),
    initialSentiment: { confirmed: story.sentimentConfirmed, fftAnswer: null },
    saveTags: (request) => setItemTags('story', request),
    saveSentiment: (value) => api['stories:set-sentiment']({ id, confirmed: value.confirmed }),
    onSaved,
  });
  // The saved narrative, so suggestions follow each save rather than each key press.
  const text = useMemo(() => story.narrative.slice(0, SUGGESTION_SAMPLE), [story.narrative]);
  const suggestion =
    story.sentimentSuggested === null
      ? null
      : { label: story.sentimentSuggested, drivers: story.sentimentDrivers };

  return (
    // A withdrawn story is final: its tags and sentiment stay as they were.
    <fieldset className="nhsuk-fieldset" disabled={readOnly}>
      <legend className="nhsuk-u-visually-hidden">Tags and sentiment of the story</legend>
      <ItemTagging
        scope="story."
        meta={meta}
        choices={choices}
        text={text}
        sentimentSuggestion={suggestion}
        showFft={false}
        catalogue={catalogue}
        onCustomTag={onCustomTag}
      />
      <p className="pxr-save-status" role="status" aria-atomic="true">
        {metaStatusText(meta.status)}
      </p>
    </fieldset>
  );
}
