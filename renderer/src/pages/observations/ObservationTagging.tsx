import { memo, useEffect } from 'react';
import type { ObservationDto, ObservationKind } from '../../../../ipc/contract';
import type { SaveStatus } from '../../lib/save-schedule';
import { asksFft } from '../../lib/labels';
import type { Catalogue } from '../../lib/tag-options';
import { ItemTagging, useTagChoices } from '../../components/ItemTagging';
import type { SentimentSuggestionView } from '../../components/SentimentFields';
import { useObservationMeta } from './use-observation-meta';

type Props = {
  /** Field path prefix, so two editors on one page never share ids ('' in the capture form). */
  scope: string;
  observation: ObservationDto;
  /** The text as it is now (in the capture form, as it is being typed). */
  text: string;
  kind: ObservationKind;
  sentimentSuggestion: SentimentSuggestionView | null;
  catalogue: Catalogue;
  onCustomTag: (tag: { id: string; label: string }) => void;
  /** Must be stable. */
  onSaved: (observation: ObservationDto) => void;
  onStatus: (status: SaveStatus) => void;
  /** Said after "Add a tag" when the picker is not the capture form's own. */
  labelContext?: string;
};

/**
 * Tags, equality groups with their impact, and sentiment for one saved observation. Drawn again
 * only when its props change: in the capture form, when the words it suggests from have moved on.
 */
export const ObservationTagging = memo(function ObservationTagging(props: Props) {
  const { observation, catalogue, onStatus } = props;
  const choices = useTagChoices(catalogue);
  const meta = useObservationMeta(observation, choices.options, choices.equalityFrameworkId, props.onSaved);

  useEffect(() => onStatus(meta.status), [meta.status, onStatus]);

  return (
    <ItemTagging
      scope={props.scope}
      meta={meta}
      choices={choices}
      text={props.text}
      sentimentSuggestion={props.sentimentSuggestion}
      showFft={asksFft(props.kind)}
      catalogue={catalogue}
      onCustomTag={props.onCustomTag}
      labelContext={props.labelContext}
    />
  );
});
