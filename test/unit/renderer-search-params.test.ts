import { describe, expect, it } from 'vitest';
import {
  EMPTY_SEARCH,
  PAGE_SIZE,
  parseSearchQuery,
  searchQuery,
  toSearchRequest,
} from '../../renderer/src/lib/search-params';

const AREA = '0b7e7c1e-5d1a-4c4e-9a57-6a3f4bfae0a1';

describe('the search form in the address', () => {
  it('writes only what was filled in, and reads it back the same', () => {
    const form = {
      ...EMPTY_SEARCH,
      text: 'interpreter',
      from: '2025-10-01',
      areaId: AREA,
      group: 'equality-groups/carers',
      sentiment: 'negative' as const,
      page: 2,
    };
    const query = searchQuery(form);
    expect(query).toBe(
      `q=interpreter&from=2025-10-01&area=${AREA}&group=equality-groups%2Fcarers&sentiment=negative&page=2`,
    );
    expect(parseSearchQuery(query)).toEqual(form);
    expect(searchQuery(EMPTY_SEARCH)).toBe('');
  });

  it('drops what a hand-edited address could not mean', () => {
    expect(parseSearchQuery('area=ward-3&sentiment=angry&theme=..%2Fx&page=-4&whose=theirs')).toEqual(
      EMPTY_SEARCH,
    );
  });

  it('keeps whose rounds in the address, and sends it', () => {
    const key = 'ab'.repeat(32);
    for (const whose of ['mine', key]) {
      const form = { ...EMPTY_SEARCH, whose };
      expect(searchQuery(form)).toBe(`whose=${whose}`);
      expect(parseSearchQuery(searchQuery(form))).toEqual(form);
      expect(toSearchRequest(form)).toMatchObject({ ok: true, request: { whose } });
    }
  });
});

describe('the request a search becomes', () => {
  it('sends whole London days, the "to" day included, and the page as an offset', () => {
    const result = toSearchRequest({ ...EMPTY_SEARCH, from: '2025-10-01', to: '2025-10-31', page: 3 });
    expect(result).toEqual({
      ok: true,
      request: {
        text: '',
        from: '2025-10-01T00:00:00+01:00',
        to: '2025-11-01T00:00:00+00:00',
        site: null,
        areaId: null,
        roundId: null,
        tag: null,
        sentiment: null,
        whose: 'everyone',
        limit: PAGE_SIZE,
        offset: 2 * PAGE_SIZE,
      },
    });
  });

  it('sends a theme or an equality group as the tag filter', () => {
    const theme = toSearchRequest({ ...EMPTY_SEARCH, theme: 'trust-key-themes/access' });
    expect(theme).toMatchObject({
      ok: true,
      request: { tag: { frameworkId: 'trust-key-themes', tagId: 'access' } },
    });
    const group = toSearchRequest({ ...EMPTY_SEARCH, group: 'equality-groups/carers', to: '2025-12-31' });
    expect(group).toMatchObject({
      ok: true,
      request: {
        tag: { frameworkId: 'equality-groups', tagId: 'carers' },
        from: null,
        to: '2026-01-01T00:00:00+00:00',
      },
    });
  });

  it('explains impossible dates, dates in the wrong order and two tags at once, by field', () => {
    const result = toSearchRequest({
      ...EMPTY_SEARCH,
      from: '2025-02-30',
      theme: 'trust-key-themes/access',
      group: 'equality-groups/carers',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['from', 'group']);
    const backwards = toSearchRequest({ ...EMPTY_SEARCH, from: '2025-10-02', to: '2025-10-01' });
    expect(!backwards.ok && backwards.errors).toEqual([
      { field: 'to', message: 'The “To” date must be the same as or after the “From” date' },
    ]);
  });
});
