import { EQUALITY_IMPACTS, type EqualityImpact } from '../../../ipc/contract';
import { Radios } from './Radios';
import { fieldId } from '../lib/field-ids';
import { EQUALITY_STATUS_TEXT, IMPACT_TEXT } from '../lib/labels';
import {
  DESCRIPTION_MAX,
  equalityGroups,
  themeTags,
  type ChosenTag,
  type TagSelection,
} from '../lib/tag-selection';

type Props = {
  /** Field path prefix ('' in the capture form, `observation-<id>.` in the list). */
  scope: string;
  selection: TagSelection;
  onRemove: (tag: ChosenTag) => void;
  onImpact: (tag: ChosenTag, impact: EqualityImpact) => void;
  onDescription: (tag: ChosenTag, description: string) => void;
  onEqualityChoice: (choice: TagSelection['equalityChoice']) => void;
  /**
   * Whether to ask "none applies" when no group is chosen; false where that answer is not kept
   * (an action takes its groups from what it answers).
   */
  askEqualityChoice?: boolean;
};

const impactOptions = EQUALITY_IMPACTS.map((impact) => ({ value: impact, label: IMPACT_TEXT[impact] }));
const choiceOptions = (['not_recorded', 'none_applies'] as const).map((value) => ({
  value,
  label: EQUALITY_STATUS_TEXT[value],
}));

// Ids use the tag's own id rather than its position, so they stay put as tags come and go and
// focus can be sent to them after a change.
export const impactFieldId = (scope: string, tag: Pick<ChosenTag, 'frameworkId' | 'tagId'>) =>
  fieldId(`${scope}tags.${tag.frameworkId}.${tag.tagId}.impact`);
export const removeButtonId = (scope: string, tag: Pick<ChosenTag, 'frameworkId' | 'tagId'>) =>
  fieldId(`${scope}tags.${tag.frameworkId}.${tag.tagId}.remove`);

/** The tags chosen so far: themes as chips, equality groups each asking for its impact. */
export function ChosenTags({
  scope,
  selection,
  onRemove,
  onImpact,
  onDescription,
  onEqualityChoice,
  askEqualityChoice = true,
}: Props) {
  const themes = themeTags(selection);
  const groups = equalityGroups(selection);
  return (
    <>
      {themes.length > 0 && (
        <div className="pxr-chosen">
          <p className="pxr-chosen__heading" id={fieldId(`${scope}tags.themes`)}>
            Tagged with
          </p>
          <ul className="pxr-chips" aria-labelledby={fieldId(`${scope}tags.themes`)}>
            {themes.map((tag) => (
              <li key={tag.key} className="pxr-chip">
                {tag.label}
                <RemoveButton scope={scope} tag={tag} onRemove={onRemove} />
              </li>
            ))}
          </ul>
        </div>
      )}

      {groups.map((tag) => (
        <div className="pxr-equality-tag" key={tag.key}>
          <div className="pxr-equality-tag__head">
            <span className="pxr-equality-tag__name">
              <span className="nhsuk-u-visually-hidden">Equality group: </span>
              {tag.label}
            </span>
            <RemoveButton scope={scope} tag={tag} onRemove={onRemove} />
          </div>
          <Radios
            field={`${scope}tags.${tag.frameworkId}.${tag.tagId}.impact`}
            legend={
              <>
                Impact<span className="nhsuk-u-visually-hidden"> for {tag.label}</span>
              </>
            }
            hint={`${tag.impact === null ? 'Not saved until you choose the impact. ' : ''}Press the letter shown: P, N, E or U.`}
            options={impactOptions}
            showKeys
            value={tag.impact}
            onChange={(impact) => onImpact(tag, impact)}
            inline
            small
          />
          {tag.needsDescription && <DescriptionField scope={scope} tag={tag} onDescription={onDescription} />}
        </div>
      ))}

      {groups.length === 0 && askEqualityChoice && (
        <Radios
          field={`${scope}equalityStatus`}
          legend="Equality groups"
          hint="If it is about a group that may be under-served, add the group with “Add a tag”. Otherwise say whether none applies."
          options={choiceOptions}
          value={selection.equalityChoice}
          onChange={onEqualityChoice}
          inline
          small
        />
      )}
    </>
  );
}

function RemoveButton({
  scope,
  tag,
  onRemove,
}: {
  scope: string;
  tag: ChosenTag;
  onRemove: (tag: ChosenTag) => void;
}) {
  return (
    <button
      type="button"
      id={removeButtonId(scope, tag)}
      className="pxr-chip__remove"
      onClick={() => onRemove(tag)}
    >
      <span aria-hidden="true">×</span>
      <span className="nhsuk-u-visually-hidden">Remove {tag.label}</span>
    </button>
  );
}

function DescriptionField({
  scope,
  tag,
  onDescription,
}: {
  scope: string;
  tag: ChosenTag;
  onDescription: (tag: ChosenTag, description: string) => void;
}) {
  const id = fieldId(`${scope}tags.${tag.frameworkId}.${tag.tagId}.description`);
  const missing = tag.description.trim() === '';
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        Describe the group
      </label>
      <div className="nhsuk-hint" id={`${id}-hint`}>
        A few words, for example “young carers”. {missing ? 'Not saved until you describe it.' : ''}
      </div>
      <input
        className="nhsuk-input nhsuk-input--width-20"
        id={id}
        type="text"
        maxLength={DESCRIPTION_MAX}
        value={tag.description}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onDescription(tag, event.target.value)}
        onKeyDown={(event) => {
          // Enter in a one-line box would finish the whole observation; here it does nothing.
          if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) event.preventDefault();
        }}
      />
    </div>
  );
}
