import { useMemo } from 'react';
import { suggestTags } from '../../../domain/tagging/suggest-tags';
import { api } from '../api-client';
import { TagCombobox } from './TagCombobox';
import { fieldId } from '../lib/field-ids';
import { customTagOption, tagOptions, type Catalogue, type TagOption } from '../lib/tag-options';
import {
  addTag,
  neighbourOf,
  removeTag,
  setEqualityChoice,
  updateTag,
  type ChosenTag,
} from '../lib/tag-selection';
import { focusWhenReady, useAnnouncer } from '../lib/use-announcer';
import { ChosenTags, impactFieldId, removeButtonId } from './ChosenTags';
import { SentimentFields, type SentimentSuggestionView } from './SentimentFields';
import { suggestionId, TagSuggestions } from './TagSuggestions';
import type { ItemMeta } from '../lib/use-item-meta';

export type TagChoices = {
  options: readonly TagOption[];
  byKey: ReadonlyMap<string, TagOption>;
  equalityFrameworkId: string;
};

/** The tags a catalogue offers, looked up by key, and which framework holds the equality groups. */
export function useTagChoices(catalogue: Catalogue): TagChoices {
  return useMemo(() => {
    const options = tagOptions(catalogue);
    return {
      options,
      byKey: new Map(options.map((o) => [o.key, o])),
      equalityFrameworkId: catalogue.frameworks.find((f) => f.kind === 'equality')?.id ?? 'equality-groups',
    };
  }, [catalogue]);
}

type Props = {
  /** Field path prefix, so two editors on one page never share ids ('' in the capture form). */
  scope: string;
  meta: ItemMeta;
  choices: TagChoices;
  /** The words tags are suggested from. */
  text: string;
  sentimentSuggestion: SentimentSuggestionView | null;
  /** Whether to ask for a Friends and Family Test answer (said by a person, not a story). */
  showFft: boolean;
  catalogue: Catalogue;
  onCustomTag: (tag: { id: string; label: string }) => void;
  /** Said after "Add a tag" when the picker is not the page's only one. */
  labelContext?: string;
};

/** Tags, equality groups with their impact, and sentiment for one saved observation or story. */
export function ItemTagging(props: Props) {
  const { scope, meta, choices, catalogue } = props;
  const { selection } = meta;
  const chosen = useMemo(() => new Set(selection.tags.map((t) => t.key)), [selection]);
  const suggestions = useMemo(() => suggestTags(props.text), [props.text]);
  const [message, announce] = useAnnouncer();
  const comboboxId = fieldId(`${scope}tags`);

  const choose = (option: TagOption) => {
    meta.changeSelection(addTag(selection, option));
    if (option.equality) {
      announce(`Added ${option.label}. Choose the impact for it.`);
      focusWhenReady(impactFieldId(scope, option));
    } else {
      announce(`Added ${option.label}. ${selection.tags.length + 1} tags chosen.`);
    }
  };

  const acceptSuggestion = (option: TagOption, index: number) => {
    choose(option);
    if (option.equality) return;
    // Stay among the suggestions: the next one moves into this place.
    const next = [suggestionId(comboboxId, index), suggestionId(comboboxId, index - 1), comboboxId];
    requestAnimationFrame(() => {
      const target = next.find((id) => document.getElementById(id) !== null);
      if (target !== undefined) focusWhenReady(target);
    });
  };

  const create = async (name: string): Promise<string | null> => {
    const result = await api['tagging:create-custom-tag']({ label: name });
    if (!result.ok) return result.error.message;
    props.onCustomTag(result.value);
    choose(customTagOption(catalogue, result.value));
    return null;
  };

  const remove = (tag: ChosenTag) => {
    const neighbour = neighbourOf(selection, tag);
    meta.changeSelection(removeTag(selection, tag.key));
    announce(`Removed ${tag.label}.`);
    focusWhenReady(neighbour !== undefined ? removeButtonId(scope, neighbour) : comboboxId);
  };

  return (
    <div className="pxr-tagging">
      <h3 className="nhsuk-heading-s pxr-tagging__heading">Tags</h3>
      <TagSuggestions
        idPrefix={comboboxId}
        suggestions={suggestions}
        options={choices.byKey}
        chosen={chosen}
        onAccept={acceptSuggestion}
      />
      <TagCombobox
        id={comboboxId}
        options={choices.options}
        chosen={chosen}
        onChoose={choose}
        onCreate={create}
        announce={announce}
        labelContext={props.labelContext}
      />
      <ChosenTags
        scope={scope}
        selection={selection}
        onRemove={remove}
        onImpact={(tag, impact) => meta.changeSelection(updateTag(selection, tag.key, { impact }))}
        onDescription={(tag, description) =>
          meta.changeSelection(updateTag(selection, tag.key, { description }), { typing: true })
        }
        onEqualityChoice={(choice) => meta.changeSelection(setEqualityChoice(selection, choice))}
      />

      <h3 className="nhsuk-heading-s pxr-tagging__heading">Sentiment</h3>
      <SentimentFields
        scope={scope}
        suggestion={props.sentimentSuggestion}
        value={meta.sentiment}
        showFft={props.showFft}
        onChange={meta.changeSentiment}
      />
      {/* Not role="status": the save line is the page's status; this only says what changed. */}
      <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </div>
  );
}
