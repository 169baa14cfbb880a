import type { TagSuggestion } from '../../../domain/tagging/suggest-tags';
import { tagKey, type TagOption } from '../lib/tag-options';

type Props = {
  idPrefix: string;
  suggestions: readonly TagSuggestion[];
  options: ReadonlyMap<string, TagOption>;
  chosen: ReadonlySet<string>;
  onAccept: (option: TagOption, index: number) => void;
};

export const suggestionId = (idPrefix: string, index: number) => `${idPrefix}-suggestion-${index}`;

/** Suggestions not yet chosen, each with the option it would add. */
export function openSuggestions(
  suggestions: readonly TagSuggestion[],
  options: ReadonlyMap<string, TagOption>,
  chosen: ReadonlySet<string>,
): { suggestion: TagSuggestion; option: TagOption }[] {
  return suggestions.flatMap((suggestion) => {
    const option = options.get(tagKey(suggestion));
    return option === undefined || chosen.has(option.key) ? [] : [{ suggestion, option }];
  });
}

/**
 * Tags the words suggest, as buttons: one key (Enter or Space on the focused chip) adds one.
 * Nothing is added until the person does; the reason shows the words it came from.
 */
export function TagSuggestions({ idPrefix, suggestions, options, chosen, onAccept }: Props) {
  const open = openSuggestions(suggestions, options, chosen);
  if (open.length === 0) return null;
  const headingId = `${idPrefix}-suggestions-heading`;
  return (
    <div className="pxr-suggestions">
      <p className="pxr-suggestions__heading" id={headingId}>
        Suggested from what you wrote. Nothing is added until you choose it: press Enter on a suggestion to
        add it.
      </p>
      <ul className="pxr-chips" aria-labelledby={headingId}>
        {open.map(({ suggestion, option }, index) => (
          <li key={option.key}>
            <button
              type="button"
              id={suggestionId(idPrefix, index)}
              className="pxr-chip pxr-chip--suggestion"
              onClick={() => onAccept(option, index)}
            >
              <span aria-hidden="true" className="pxr-chip__plus">
                +
              </span>
              Suggested: {option.label}
              <span className="pxr-chip__reason"> — from “{suggestion.reason.phrase}”</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
