import { describe, expect, it } from 'vitest';
import { FRAMEWORK_IDS, TAG_FRAMEWORKS } from '../../domain/tagging/frameworks';
import {
  customTagName,
  customTagOption,
  filterTagOptions,
  hasTagNamed,
  tagOptions,
  type Catalogue,
} from '../../renderer/src/lib/tag-options';
import {
  addTag,
  neighbourOf,
  removeTag,
  selectionFromObservation,
  setEqualityChoice,
  toSetTagsRequest,
  updateTag,
} from '../../renderer/src/lib/tag-selection';

// The catalogue as `tagging:frameworks` sends it: the shipped frameworks plus one tag of the user's.
const catalogue: Catalogue = {
  frameworks: [
    ...TAG_FRAMEWORKS.map((framework) => ({
      id: framework.id,
      name: framework.name,
      kind: framework.id === FRAMEWORK_IDS.equalityGroups ? ('equality' as const) : ('theme' as const),
      items: framework.items.map((item) => ({
        id: item.id,
        label: item.label,
        description: item.description ?? null,
        category: 'category' in item && typeof item.category === 'string' ? item.category : null,
        parentId: 'parentId' in item && typeof item.parentId === 'string' ? item.parentId : null,
        needsDescription: 'needsDescription' in item && item.needsDescription === true,
      })),
    })),
    {
      id: 'custom',
      name: 'Your own tags',
      kind: 'custom' as const,
      items: [
        {
          id: 'c1',
          label: 'Food',
          description: null,
          category: null,
          parentId: null,
          needsDescription: false,
        },
      ],
    },
  ],
  impacts: [],
};
const options = tagOptions(catalogue);
const labels = (query: string, chosen: string[] = []) =>
  filterTagOptions(options, query, new Set(chosen)).map((o) => o.label);
const option = (label: string) => {
  const found = options.find((o) => o.label === label);
  if (found === undefined) throw new Error(`no option ${label}`);
  return found;
};

describe('type-ahead over every framework', () => {
  it('offers all tags before anything is typed, frameworks in their order, leaving out chosen ones', () => {
    const all = labels('');
    expect(all[0]).toBe('Give patients a leading voice');
    expect(all).toContain('Food');
    expect(all).toContain('Carers');
    expect(labels('', ['trust-key-themes/access'])).not.toContain('Access');
  });

  it('matches the start of any word, ignoring case and punctuation', () => {
    expect(labels('eng')).toEqual([
      'We will act upon your feedback, involvement and engagement',
      'People who do not speak English well',
    ]);
    expect(labels('ENGLISH well')).toEqual(['People who do not speak English well']);
    expect(labels('homeless')).toEqual(['People experiencing homelessness']);
    expect(labels('xyz')).toEqual([]);
  });

  it('puts names that start with what was typed first, then other matches', () => {
    const car = labels('car');
    expect(car.slice(0, 2)).toEqual(['Caring and involving', 'Carers']);
    // "values" matches the framework's name, so it lists the trust values.
    expect(labels('values')).toEqual(['Kind', 'Empowered', 'Responsible', 'Inclusive']);
  });

  it('describes sub-groups by their parent, and marks equality groups and "Other (describe)"', () => {
    expect(option('Sex workers').detail).toBe('One of the inclusion health groups');
    expect(option('Access').detail).toBe('Simplicity and efficiency');
    expect(option('Carers').equality).toBe(true);
    expect(option('Access').equality).toBe(false);
    expect(option('Other (describe)').needsDescription).toBe(true);
  });

  it('offers "Add your own tag" only for a new, usable name', () => {
    expect(hasTagNamed(options, ' food ')).toBe(true);
    expect(hasTagNamed(options, 'Car park')).toBe(false);
    expect(customTagName('  Car   park ')).toBe('Car park');
    expect(customTagName('   ')).toBeNull();
    expect(customTagName('x'.repeat(61))).toBeNull();
  });
});

describe('the chosen tags and what is saved', () => {
  const ID = '00000000-0000-4000-8000-000000000001';
  const empty = selectionFromObservation(
    { tags: [], equalityStatus: 'not_recorded' },
    options,
    'equality-groups',
  );

  it('sends an equality group only once its impact (and for "Other" a description) is chosen', () => {
    let selection = addTag(addTag(empty, option('Access')), option('Carers'));
    expect(toSetTagsRequest(ID, selection)).toEqual({
      id: ID,
      tags: [{ frameworkId: 'trust-key-themes', tagId: 'access', impact: null, description: null }],
      equalityStatus: 'not_recorded',
    });
    selection = updateTag(selection, 'equality-groups/carers', { impact: 'negative' });
    expect(toSetTagsRequest(ID, selection).equalityStatus).toBe('recorded');
    selection = addTag(selection, option('Other (describe)'));
    selection = updateTag(selection, 'equality-groups/other', { impact: 'unclear' });
    expect(toSetTagsRequest(ID, selection).tags).toHaveLength(2);
    selection = updateTag(selection, 'equality-groups/other', { description: ' Young carers ' });
    expect(toSetTagsRequest(ID, selection).tags.at(-1)).toEqual({
      frameworkId: 'equality-groups',
      tagId: 'other',
      impact: 'unclear',
      description: 'Young carers',
    });
  });

  it('keeps "none applies" as an explicit answer, cleared by choosing a group', () => {
    const none = setEqualityChoice(empty, 'none_applies');
    expect(toSetTagsRequest(ID, none).equalityStatus).toBe('none_applies');
    const withGroup = addTag(none, option('Carers'));
    expect(withGroup.equalityChoice).toBe('not_recorded');
    expect(removeTag(withGroup, 'equality-groups/carers').tags).toEqual([]);
  });

  it('reads back what was stored, labels and impacts included', () => {
    const selection = selectionFromObservation(
      {
        tags: [
          {
            frameworkId: 'equality-groups',
            tagId: 'other',
            label: 'Other (describe)',
            impact: 'positive',
            description: 'Students',
          },
        ],
        equalityStatus: 'recorded',
      },
      options,
      'equality-groups',
    );
    expect(selection.tags[0]).toMatchObject({
      equality: true,
      needsDescription: true,
      impact: 'positive',
      description: 'Students',
    });
    expect(toSetTagsRequest(ID, selection).equalityStatus).toBe('recorded');
  });
});

describe('making and removing tags', () => {
  const empty = selectionFromObservation(
    { tags: [], equalityStatus: 'not_recorded' },
    options,
    'equality-groups',
  );

  it('offers a tag just made as an option of the own-tags framework, as the catalogue would', () => {
    expect(customTagOption(catalogue, { id: 'c1', label: 'Food' })).toEqual(option('Food'));
  });

  it('moves on to the next tag in the same list when one is removed, or else the one before', () => {
    const selection = [option('Access'), option('Carers'), option('Food'), option('Sex workers')].reduce(
      addTag,
      empty,
    );
    const tag = (label: string) => selection.tags.find((t) => t.label === label)!;
    expect(neighbourOf(selection, tag('Access'))?.label).toBe('Food');
    expect(neighbourOf(selection, tag('Food'))?.label).toBe('Access');
    expect(neighbourOf(selection, tag('Carers'))?.label).toBe('Sex workers');
    expect(neighbourOf(selection, tag('Sex workers'))?.label).toBe('Carers');
    const alone = addTag(empty, option('Carers'));
    expect(neighbourOf(alone, alone.tags[0]!)).toBeUndefined();
  });
});
