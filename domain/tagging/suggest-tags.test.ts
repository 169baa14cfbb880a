import { describe, expect, it } from 'vitest';
import { findTag } from './frameworks';
import { createTagSuggester, suggestTags } from './suggest-tags';
import { parseTagKeywords, TAG_KEYWORD_RULES } from './tag-keywords';

const tagsOf = (text: string) => suggestTags(text).map((s) => `${s.frameworkId}/${s.tagId}`);

describe('suggestTags', () => {
  it.each([
    ['We asked for an interpreter three times.', ['equality-groups/limited-english', 'equality-groups/race']],
    [
      'Mum does not speak English and there was no leaflet in Urdu.',
      ['equality-groups/limited-english', 'trust-key-themes/listen-and-learn'],
    ],
    [
      'The lift was broken so wheelchair users could not get up.',
      ['trust-key-themes/access', 'equality-groups/disability'],
    ],
    [
      'There is no hearing loop on reception for deaf patients.',
      ['equality-groups/disability', 'equality-groups/sensory-loss'],
    ],
    [
      'He is blind and nobody read the menu to him.',
      ['equality-groups/disability', 'equality-groups/sensory-loss'],
    ],
    [
      'Our son is autistic and has a learning disability.',
      ['equality-groups/disability', 'equality-groups/learning-disability-and-autism'],
    ],
    ['Her husband is her full-time carer.', ['equality-groups/carers']],
    ['He has been homeless since the spring.', ['equality-groups/homelessness']],
    ['She is pregnant and worried about the scan.', ['equality-groups/pregnancy-and-maternity']],
    [
      'Is there a prayer room, and is the food halal? The chaplain helped.',
      ['equality-groups/religion-or-belief'],
    ],
    ['Parking took forty minutes and the appointment letters came late.', ['trust-key-themes/access']],
    [
      'Nobody explained the results and the information leaflet was out of date.',
      ['trust-key-themes/listen-and-learn', 'trust-key-themes/effectiveness'],
    ],
    ['She felt safe and her privacy was respected.', ['trust-key-themes/confidence-and-trust']],
    ['They involved me in every decision about my care.', ['trust-key-themes/leading-voice']],
  ])('suggests for "%s"', (text, expected) => {
    expect(tagsOf(text)).toEqual(expected);
  });

  it('suggests nothing for text about none of it', () => {
    for (const text of [
      '',
      'The weather was sunny and we had a cup of tea.',
      'The ward has twenty beds and four bays.',
      'Race for Life posters are up in the corridor.',
      'The flowers in the garden were in bloom.',
      'Nurse Priya was on shift with two students.',
    ]) {
      expect(suggestTags(text)).toEqual([]);
    }
  });

  it('matches whole words only, ignoring case', () => {
    expect(tagsOf('TRANSPORT')).toEqual(['trust-key-themes/access']);
    expect(tagsOf('The deafening noise')).toEqual([]);
    expect(tagsOf('A BSL interpreter was booked')).toEqual([
      'equality-groups/disability',
      'equality-groups/sensory-loss',
      'equality-groups/limited-english',
      'equality-groups/race',
    ]);
  });

  it('matches plurals, possessives and hyphenated spellings', () => {
    expect(tagsOf('Carers need somewhere to sleep')).toEqual(['equality-groups/carers']);
    expect(tagsOf("the carer's room")).toEqual(['equality-groups/carers']);
    expect(tagsOf('people with learning disabilities')).toContain(
      'equality-groups/learning-disability-and-autism',
    );
    expect(tagsOf('she is hard-of-hearing')).toEqual([
      'equality-groups/disability',
      'equality-groups/sensory-loss',
    ]);
  });

  it('suggests each tag once, explained by its first mention, with offsets into the text', () => {
    const text = 'My wife, my carer, came with me; my Wife asked about parking.';
    const suggestions = suggestTags(text);
    expect(suggestions.map((s) => s.tagId)).toEqual(['carers', 'access']);
    expect(suggestions[0]?.reason).toEqual({ phrase: 'wife', start: 3, end: 7 });
    for (const { reason } of suggestions) expect(text.slice(reason.start, reason.end)).toBe(reason.phrase);
  });

  it('explains a suggestion with the longest phrase at its place', () => {
    const [suggestion] = suggestTags('No prayer room at all');
    expect(suggestion?.reason.phrase).toBe('prayer room');
  });
});

describe('the tag keyword table', () => {
  it('refers only to tags that exist', () => {
    for (const rule of TAG_KEYWORD_RULES) {
      for (const tag of rule.tags)
        expect(findTag(tag.frameworkId, tag.tagId), `${tag.frameworkId}/${tag.tagId}`).toBeDefined();
    }
  });

  const table = (rules: unknown) => ({ id: 'tag-keywords', version: 1, name: 'n', source: 's', rules });

  it('rejects a reference to a tag or framework that does not exist', () => {
    expect(() =>
      parseTagKeywords(table([{ tags: ['equality-groups/left-handed'], phrases: ['x'] }])),
    ).toThrow(/has no tag 'left-handed'/);
    expect(() => parseTagKeywords(table([{ tags: ['feelings/sad'], phrases: ['x'] }]))).toThrow(
      /no framework 'feelings'/,
    );
    expect(() => parseTagKeywords(table([{ tags: ['carers'], phrases: ['x'] }]))).toThrow(
      /framework-id\/tag-id/,
    );
  });

  it('rejects phrases that could never match and repeated phrases', () => {
    const carers = ['equality-groups/carers'];
    expect(() => parseTagKeywords(table([{ tags: carers, phrases: ['Carer'] }]))).toThrow(/lower-case/);
    expect(() => parseTagKeywords(table([{ tags: carers, phrases: ['young-carer'] }]))).toThrow(/lower-case/);
    expect(() => parseTagKeywords(table([{ tags: carers, phrases: ['carer', 'carer'] }]))).toThrow(
      /already suggests/,
    );
  });

  it('can drive a suggester built from another table', () => {
    const suggest = createTagSuggester(
      parseTagKeywords(table([{ tags: ['trust-values/kind'], phrases: ['cup of tea'] }])),
    );
    expect(suggest('She made me a Cup of Tea.')).toEqual([
      { frameworkId: 'trust-values', tagId: 'kind', reason: { phrase: 'Cup of Tea', start: 14, end: 24 } },
    ]);
  });
});
