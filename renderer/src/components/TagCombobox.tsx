import { useEffect, useState, type KeyboardEvent } from 'react';
import { customTagName, filterTagOptions, hasTagNamed, type TagOption } from '../lib/tag-options';
import { ErrorMessage } from './ErrorMessage';

type Item = { kind: 'tag'; option: TagOption } | { kind: 'create'; name: string };

type Props = {
  /** The input's id (and the stem of the list's ids). */
  id: string;
  options: readonly TagOption[];
  chosen: ReadonlySet<string>;
  onChoose: (option: TagOption) => void;
  /** Makes a tag of the person's own; resolves to a message when it could not be made. */
  onCreate: (name: string) => Promise<string | null>;
  announce: (message: string) => void;
  /** Read after the label where several pickers share a page, e.g. " to the observation from 09:41". */
  labelContext?: string;
};

/** How long typing must pause before the number of matches is read out. */
const COUNT_ANNOUNCE_DELAY_MS = 600;

type CountProps = {
  open: boolean;
  query: string;
  matches: number;
  items: readonly Item[];
  announce: (message: string) => void;
};

/** Once typing pauses, reads out how many tags match, or what Enter would add when none does. */
function useCountAnnouncement({ open, query, matches, items, announce }: CountProps) {
  useEffect(() => {
    if (!open) return undefined;
    const timer = setTimeout(() => {
      const create = items.find((item) => item.kind === 'create');
      if (matches > 0) {
        announce(
          `${matches} ${matches === 1 ? 'tag matches' : 'tags match'}. Use the up and down arrows to choose one.`,
        );
      } else if (create !== undefined) {
        announce(`No tags match. Press Enter to add “${create.name}” as a tag of your own.`);
      } else {
        announce('No tags match.');
      }
    }, COUNT_ANNOUNCE_DELAY_MS);
    return () => clearTimeout(timer);
    // Only a new query or opening the list is worth announcing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, open]);
}

/**
 * A type-ahead tag picker in the ARIA 1.2 combobox pattern (an input that controls a listbox):
 * typing narrows the list and highlights the first match, the arrow keys move, Enter adds,
 * Escape closes (or, when closed, clears). Focus never leaves the input, so a person can add
 * one tag after another without reaching for the mouse.
 */
export function TagCombobox({ id, options, chosen, onChoose, onCreate, announce, labelContext }: Props) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const listId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const matches = filterTagOptions(options, query, chosen);
  const newName = customTagName(query);
  const items: Item[] = matches.map((option) => ({ kind: 'tag', option }));
  if (newName !== null && !hasTagNamed(options, newName)) items.push({ kind: 'create', name: newName });
  const activeItem = open ? items[active] : undefined;

  useCountAnnouncement({ open, query, matches: matches.length, items, announce });

  useEffect(() => {
    if (activeItem !== undefined)
      document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // optionId is derived from `id`, which never changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, activeItem]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = async (item: Item) => {
    if (busy) return;
    setError(undefined);
    if (item.kind === 'tag') {
      onChoose(item.option);
      setQuery('');
      close();
      return;
    }
    setBusy(true);
    const problem = await onCreate(item.name);
    setBusy(false);
    if (problem !== null) {
      setError(problem);
      return;
    }
    setQuery('');
    close();
  };

  const move = (step: number) => {
    if (items.length === 0) return;
    if (!open) {
      setOpen(true);
      setActive(step > 0 ? 0 : items.length - 1);
      return;
    }
    setActive((current) => (current + step + items.length) % items.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.ctrlKey || event.metaKey) return; // Ctrl+Enter finishes the observation (the form's key)
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        break;
      case 'Enter':
        // Never the form's Enter: that would finish the observation half-tagged.
        event.preventDefault();
        if (activeItem !== undefined) void choose(activeItem);
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          close();
        } else if (query !== '') {
          event.preventDefault();
          setQuery('');
        }
        break;
      default:
        break;
    }
  };

  return (
    <div className={`nhsuk-form-group pxr-combobox${error !== undefined ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label nhsuk-label--s" htmlFor={id}>
        Add a tag
        {labelContext !== undefined && <span className="nhsuk-u-visually-hidden">{labelContext}</span>}
      </label>
      <div className="nhsuk-hint" id={hintId}>
        Type part of a theme, value or group, or press the down arrow to see them all. Press Enter to add the
        highlighted one.
      </div>
      <ErrorMessage id={errorId} message={error} />
      <input
        className={`nhsuk-input${error !== undefined ? ' nhsuk-input--error' : ''}`}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open && items.length > 0}
        aria-controls={listId}
        aria-activedescendant={activeItem !== undefined ? optionId(active) : undefined}
        aria-describedby={error !== undefined ? `${hintId} ${errorId}` : hintId}
        value={query}
        aria-busy={busy}
        onChange={(event) => {
          setQuery(event.target.value);
          setError(undefined);
          setOpen(true);
          setActive(event.target.value.trim() === '' ? -1 : 0);
        }}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      {/* Always in the page (empty when closed), so aria-controls always names an element. */}
      <div
        className="pxr-combobox__listbox"
        id={listId}
        role="listbox"
        aria-label="Tags"
        hidden={!open || items.length === 0}
        // Keeps focus in the input, where the keyboard works, when an option or the scroll bar
        // is clicked.
        onMouseDown={(event) => event.preventDefault()}
      >
        {open && <Options items={items} active={active} optionId={optionId} onPick={choose} />}
      </div>
      {open && query.trim() !== '' && items.length === 0 && (
        <p className="pxr-combobox__empty">No tags match “{query.trim()}”.</p>
      )}
    </div>
  );
}

type OptionsProps = {
  items: readonly Item[];
  active: number;
  optionId: (index: number) => string;
  onPick: (item: Item) => Promise<void>;
};

/** The options, under the name of their framework. */
function Options({ items, active, optionId, onPick }: OptionsProps) {
  const groups: { name: string; entries: { item: Item; index: number }[] }[] = [];
  items.forEach((item, index) => {
    const name = item.kind === 'tag' ? item.option.frameworkName : 'A tag of your own';
    const last = groups.at(-1);
    if (last?.name === name) last.entries.push({ item, index });
    else groups.push({ name, entries: [{ item, index }] });
  });
  return groups.map((group) => (
    <div role="group" aria-label={group.name} key={group.name}>
      <div className="pxr-combobox__group" aria-hidden="true">
        {group.name}
      </div>
      {group.entries.map(({ item, index }) => (
        <div
          key={item.kind === 'tag' ? item.option.key : 'create'}
          id={optionId(index)}
          role="option"
          aria-selected={index === active}
          className={`pxr-combobox__option${index === active ? ' pxr-combobox__option--active' : ''}`}
          onClick={() => void onPick(item)}
        >
          {item.kind === 'tag' ? (
            <>
              <span className="pxr-combobox__label">{item.option.label}</span>
              {item.option.detail !== null && (
                <span className="pxr-combobox__detail">{item.option.detail}</span>
              )}
            </>
          ) : (
            <span className="pxr-combobox__label">Add your own tag “{item.name}”</span>
          )}
        </div>
      ))}
    </div>
  ));
}
