import { describe, expect, it } from 'vitest';
import { EQUALITY_IMPACTS as IMPACT_IDS } from '../../ipc/vocabulary';
import {
  EQUALITY_GROUPS,
  EQUALITY_IMPACTS,
  FIFTEEN_STEPS_DOMAINS,
  findTag,
  parseEqualityGroups,
  parseEqualityImpacts,
  parseFramework,
  TAG_FRAMEWORKS,
  TRUST_KEY_THEMES,
  TRUST_PROMISES,
  TRUST_VALUES,
} from './frameworks';

const ids = (framework: { items: readonly { id: string }[] }) => framework.items.map((item) => item.id);

// These ids are stored in the database with every tag. Renaming one orphans every tag already
// recorded with it, so this list changes only by adding to it (with a new version number).
describe('framework ids (stored in the database: never change them)', () => {
  it('has the five trust key themes', () => {
    expect(ids(TRUST_KEY_THEMES)).toEqual([
      'leading-voice',
      'access',
      'effectiveness',
      'listen-and-learn',
      'confidence-and-trust',
    ]);
  });

  it('has the four trust promises', () => {
    expect(ids(TRUST_PROMISES)).toEqual([
      'listen-hear-learn-act',
      'communicate-clearly',
      'act-on-feedback',
      'leading-voice-and-innovative-feedback',
    ]);
  });

  it('has the four trust values', () => {
    expect(ids(TRUST_VALUES)).toEqual(['kind', 'empowered', 'responsible', 'inclusive']);
  });

  it('has the four 15 Steps Challenge domains', () => {
    expect(ids(FIFTEEN_STEPS_DOMAINS)).toEqual([
      'welcoming',
      'safe',
      'caring-and-involving',
      'well-organised-and-calm',
    ]);
  });

  it('has the equality groups', () => {
    expect(ids(EQUALITY_GROUPS)).toEqual([
      'age',
      'disability',
      'gender-reassignment',
      'marriage-and-civil-partnership',
      'pregnancy-and-maternity',
      'race',
      'religion-or-belief',
      'sex',
      'sexual-orientation',
      'most-deprived-20-percent',
      'ethnic-minority-communities',
      'learning-disability-and-autism',
      'multiple-long-term-conditions',
      'coastal-communities',
      'inclusion-health-groups',
      'homelessness',
      'drug-and-alcohol-dependence',
      'vulnerable-migrants',
      'gypsy-roma-traveller',
      'sex-workers',
      'justice-system-contact',
      'modern-slavery-victims',
      'carers',
      'limited-english',
      'sensory-loss',
      'other',
    ]);
  });

  it('has the four equality impacts', () => {
    expect(ids(EQUALITY_IMPACTS)).toEqual([...IMPACT_IDS]);
    expect(IMPACT_IDS).toEqual(['positive', 'negative', 'neutral', 'unclear']);
  });
});

describe('equality groups', () => {
  const inCategory = (category: string) => EQUALITY_GROUPS.items.filter((g) => g.category === category);

  it('has the nine Equality Act 2010 protected characteristics', () => {
    expect(inCategory('protected-characteristic')).toHaveLength(9);
  });

  it('has the six Core20PLUS5 groups, with the seven inclusion health groups under their parent', () => {
    expect(inCategory('core20plus5')).toHaveLength(6);
    const subGroups = inCategory('inclusion-health');
    expect(subGroups).toHaveLength(7);
    expect(subGroups.every((g) => g.parentId === 'inclusion-health-groups')).toBe(true);
  });

  it('adds carers, limited English and sensory loss, and an "other" that needs describing', () => {
    expect(inCategory('trust-addition').map((g) => g.id)).toEqual([
      'carers',
      'limited-english',
      'sensory-loss',
    ]);
    expect(EQUALITY_GROUPS.items.filter((g) => g.needsDescription).map((g) => g.id)).toEqual(['other']);
  });
});

describe('loading framework data', () => {
  const valid = {
    id: 'trust-values',
    version: 1,
    name: 'Trust values',
    source: 'x',
    items: [{ id: 'kind', label: 'Kind' }],
  };

  it('finds tags by framework and id', () => {
    expect(findTag('equality-groups', 'limited-english')?.label).toBe('People who do not speak English well');
    expect(findTag('trust-key-themes', 'access')?.description).toBe('Simplicity and efficiency');
    expect(findTag('equality-groups', 'no-such-group')).toBeUndefined();
    expect(findTag('equality-impacts', 'positive')).toBeUndefined();
    expect(TAG_FRAMEWORKS.map((f) => f.id)).not.toContain('equality-impacts');
  });

  it('accepts a well-formed framework', () => {
    expect(parseFramework(valid, 'trust-values').items).toEqual([{ id: 'kind', label: 'Kind' }]);
  });

  it.each([
    [
      'an id that is not kebab-case',
      { ...valid, items: [{ id: 'Kind Hearted', label: 'Kind' }] },
      /kebab-case/,
    ],
    [
      'a duplicate id',
      {
        ...valid,
        items: [
          { id: 'kind', label: 'A' },
          { id: 'kind', label: 'B' },
        ],
      },
      /duplicate item id 'kind'/,
    ],
    ['an empty label', { ...valid, items: [{ id: 'kind', label: ' ' }] }, /label/],
    ['a misspelt field', { ...valid, items: [{ id: 'kind', label: 'Kind', desc: 'typo' }] }, /desc/],
    ['no items', { ...valid, items: [] }, /items/],
    ['a version that is not a whole number', { ...valid, version: 1.5 }, /version/],
    ['the wrong framework id', { ...valid, id: 'trust-promises' }, /expected 'trust-values'/],
  ])('rejects %s, naming the file', (_, raw, message) => {
    expect(() => parseFramework(raw, 'trust-values')).toThrow(/resources\/frameworks\/trust-values\.json/);
    expect(() => parseFramework(raw, 'trust-values')).toThrow(message);
  });

  it('rejects a sub-group whose parent is missing or is itself a sub-group', () => {
    const group = (id: string, parentId?: string) => ({ id, label: id, category: 'core20plus5', parentId });
    const base = { id: 'equality-groups', version: 1, name: 'n', source: 's' };
    expect(() => parseEqualityGroups({ ...base, items: [group('a', 'missing')] })).toThrow(
      /parentId 'missing'/,
    );
    expect(() =>
      parseEqualityGroups({ ...base, items: [group('a'), group('b', 'a'), group('c', 'b')] }),
    ).toThrow(/parentId 'b'/);
  });

  it('rejects equality impacts other than exactly positive, negative, neutral and unclear', () => {
    const base = { id: 'equality-impacts', version: 1, name: 'n', source: 's' };
    const items = IMPACT_IDS.map((id) => ({ id, label: id }));
    expect(parseEqualityImpacts({ ...base, items }).items).toHaveLength(4);
    expect(() => parseEqualityImpacts({ ...base, items: items.slice(1) })).toThrow(/exactly/);
    expect(() =>
      parseEqualityImpacts({ ...base, items: [...items, { id: 'mild', label: 'Mild' }] }),
    ).toThrow();
  });
});
