import { useEffect, useMemo, useState } from 'react';
import type { ActionDetailDto } from '../../../../ipc/contract';
import { api } from '../../api-client';
import { TagCombobox } from '../../components/TagCombobox';
import type { SaveStatus } from '../../lib/save-schedule';
import { fieldId } from '../../lib/field-ids';
import { LatestValueSaver } from '../../lib/latest-saver';
import { setItemTags } from '../../lib/set-item-tags';
import { withCustomTag } from '../../lib/round-state';
import { customTagOption, tagOptions, type Catalogue, type TagOption } from '../../lib/tag-options';
import {
  addTag,
  neighbourOf,
  removeTag,
  selectionFromObservation,
  toSetTagsRequest,
  updateTag,
  type ChosenTag,
  type TagSelection,
  type TagsRequest,
} from '../../lib/tag-selection';
import { focusWhenReady, useAnnouncer } from '../../lib/use-announcer';
import { useLoad } from '../../lib/use-load';
import { ChosenTags, impactFieldId, removeButtonId } from '../../components/ChosenTags';
import { metaStatusText } from '../../components/SaveStatusLine';

type Props = {
  action: ActionDetailDto;
  /** Must be stable: the saver keeps the first one. */
  onSaved: (action: ActionDetailDto) => void;
};

/** A pause this long in typing a group's description saves it. */
const DESCRIPTION_DEBOUNCE_MS = 500;
const SCOPE = 'action.';

/**
 * The action's themes and equality groups, with the same picker as observations. They start as
 * those of what the action answers, and each change is saved as it is made.
 */
export function ActionTagEditor({ action, onSaved }: Props) {
  const [loaded] = useLoad(() => api['tagging:frameworks']({}), []);
  const [added, setAdded] = useState<readonly { id: string; label: string }[]>([]);
  const catalogue = useMemo(
    () => (loaded.state === 'ready' ? added.reduce(withCustomTag, loaded.value) : null),
    [loaded, added],
  );
  return (
    <section aria-labelledby="action-tags-heading" className="pxr-section">
      <h2 className="nhsuk-heading-m" id="action-tags-heading">
        Themes and equality tags
      </h2>
      <p className="nhsuk-body">
        They came with what the action was raised from; change them if the action is about something else.
      </p>
      {loaded.state === 'loading' && <p aria-live="polite">Loading the tags…</p>}
      {loaded.state === 'failed' && <p className="nhsuk-body">The list of tags could not be loaded.</p>}
      {catalogue !== null && (
        <Editor
          action={action}
          catalogue={catalogue}
          onCustomTag={(tag) => setAdded((current) => [...current, tag])}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}

function Editor({
  action,
  catalogue,
  onCustomTag,
  onSaved,
}: Props & { catalogue: Catalogue; onCustomTag: (tag: { id: string; label: string }) => void }) {
  const options = useMemo(() => tagOptions(catalogue), [catalogue]);
  const equalityId = catalogue.frameworks.find((f) => f.kind === 'equality')?.id ?? 'equality-groups';
  const [selection, setSelection] = useState<TagSelection>(() =>
    selectionFromObservation(
      { tags: action.tags, equalityStatus: action.tags.length > 0 ? 'recorded' : 'not_recorded' },
      options,
      equalityId,
    ),
  );
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [saver] = useState(
    () =>
      new LatestValueSaver<TagsRequest, ActionDetailDto>({
        save: (request) => setItemTags('action', request),
        onSaved,
        onStatus: setStatus,
      }),
  );
  const [lastSent, setLastSent] = useState(() => JSON.stringify(toSetTagsRequest(action.id, selection)));
  const [message, announce] = useAnnouncer();
  const chosen = useMemo(() => new Set(selection.tags.map((t) => t.key)), [selection]);
  const comboboxId = fieldId(`${SCOPE}tags`);

  // Leaving the page saves what is waiting at once.
  useEffect(() => () => void saver.flush(), [saver]);

  const change = (next: TagSelection, { typing = false } = {}) => {
    setSelection(next);
    const request = toSetTagsRequest(action.id, next);
    const json = JSON.stringify(request);
    // An equality group still waiting for its impact changes nothing stored.
    if (json === lastSent) return;
    setLastSent(json);
    saver.set(request, typing ? { debounceMs: DESCRIPTION_DEBOUNCE_MS } : {});
  };

  const choose = (option: TagOption) => {
    change(addTag(selection, option));
    if (option.equality) {
      announce(`Added ${option.label}. Choose the impact for it.`);
      focusWhenReady(impactFieldId(SCOPE, option));
    } else {
      announce(`Added ${option.label}. ${selection.tags.length + 1} tags chosen.`);
    }
  };

  const create = async (name: string): Promise<string | null> => {
    const result = await api['tagging:create-custom-tag']({ label: name });
    if (!result.ok) return result.error.message;
    onCustomTag(result.value);
    choose(customTagOption(catalogue, result.value));
    return null;
  };

  const remove = (tag: ChosenTag) => {
    const neighbour = neighbourOf(selection, tag);
    change(removeTag(selection, tag.key));
    announce(`Removed ${tag.label}.`);
    focusWhenReady(neighbour !== undefined ? removeButtonId(SCOPE, neighbour) : comboboxId);
  };

  return (
    <div className="pxr-tagging">
      <TagCombobox
        id={comboboxId}
        options={options}
        chosen={chosen}
        onChoose={choose}
        onCreate={create}
        announce={announce}
        labelContext=" to the action"
      />
      {selection.tags.length === 0 && <p className="nhsuk-body">No tags yet.</p>}
      <ChosenTags
        scope={SCOPE}
        selection={selection}
        onRemove={remove}
        onImpact={(tag, impact) => change(updateTag(selection, tag.key, { impact }))}
        onDescription={(tag, description) =>
          change(updateTag(selection, tag.key, { description }), { typing: true })
        }
        onEqualityChoice={() => undefined}
        askEqualityChoice={false}
      />
      <p className="nhsuk-body-s pxr-save-status" role="status" aria-atomic="true">
        {metaStatusText(status)}
      </p>
      <div className="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">
        {message}
      </div>
    </div>
  );
}
