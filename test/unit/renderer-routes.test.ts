import { describe, expect, it } from 'vitest';
import { localInputsToIso, plural } from '../../renderer/src/lib/format';
import { tokenFromHash } from '../../renderer/src/lib/http-api';
import { hrefFor, parseRoute, routeKey } from '../../renderer/src/lib/routes';
import { optionForKey, shortcutLetters } from '../../renderer/src/lib/type-ahead';

const ROUND_ID = '0b7e7c1e-5d1a-4c4e-9a57-6a3f4bfae001';

describe('hash routes', () => {
  it('reads the three pages and round ids, and writes them back', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/rounds/new')).toEqual({ name: 'start-round' });
    expect(parseRoute(`#/rounds/${ROUND_ID}`)).toEqual({ name: 'round', roundId: ROUND_ID });
    expect(hrefFor({ name: 'round', roundId: ROUND_ID })).toBe(`#/rounds/${ROUND_ID}`);
  });

  it('reads an observation to focus in a round, and the search and insights queries', () => {
    const observationId = '0b7e7c1e-5d1a-4c4e-9a57-6a3f4bfae0ff';
    const route = { name: 'round', roundId: ROUND_ID, observationId } as const;
    expect(hrefFor(route)).toBe(`#/rounds/${ROUND_ID}?observation=${observationId}`);
    expect(parseRoute(hrefFor(route))).toEqual(route);
    expect(parseRoute(`#/rounds/${ROUND_ID}?observation=<b>`)).toEqual({ name: 'round', roundId: ROUND_ID });
    expect(parseRoute('#/search')).toEqual({ name: 'search', query: '' });
    expect(parseRoute('#/search?q=interpreter+waited&page=2')).toEqual({
      name: 'search',
      query: 'q=interpreter+waited&page=2',
    });
    expect(hrefFor({ name: 'search', query: 'q=a' })).toBe('#/search?q=a');
    expect(parseRoute('#/insights?from=2025-10-01')).toEqual({ name: 'insights', query: 'from=2025-10-01' });
    expect(routeKey({ name: 'search', query: 'q=a' })).toBe(routeKey({ name: 'search', query: 'q=b' }));
  });

  it('reads the recovery key page, under settings', () => {
    expect(parseRoute('#/settings/recovery-key')).toEqual({ name: 'recovery-key' });
    expect(hrefFor({ name: 'recovery-key' })).toBe('#/settings/recovery-key');
  });

  it('reads the actions board, the new action form and an action', () => {
    expect(parseRoute('#/actions?status=open')).toEqual({ name: 'actions', query: 'status=open' });
    expect(parseRoute('#/actions/new')).toEqual({ name: 'new-action' });
    expect(hrefFor({ name: 'new-action' })).toBe('#/actions/new');
    expect(parseRoute(`#/actions/${ROUND_ID}`)).toEqual({ name: 'action', actionId: ROUND_ID });
  });

  it('reads and writes the four PEIG bundle pages', () => {
    for (const name of ['bundle-send', 'bundle-import', 'bundle-log', 'collection-key'] as const) {
      expect(parseRoute(hrefFor({ name }))).toEqual({ name });
    }
    expect(hrefFor({ name: 'bundle-import' })).toBe('#/bundles/import');
  });

  it('ignores in-page anchors such as the skip link, and reports unknown pages', () => {
    expect(parseRoute('#maincontent')).toBeNull();
    expect(parseRoute('#/nowhere')).toEqual({ name: 'not-found', hash: '/nowhere' });
  });

  it('takes the browser host token only from a #token= hash', () => {
    expect(tokenFromHash('#token=abc123_-')).toBe('abc123_-');
    expect(tokenFromHash('#/')).toBeNull();
    expect(tokenFromHash('#token=<script>')).toBeNull();
  });
});

describe('dates for the contract', () => {
  it('sends the local date and time with its offset and rejects impossible dates', () => {
    const iso = localInputsToIso('2025-11-26', '09:30');
    expect(iso).toMatch(/^2025-11-26T09:30:00[+-]\d{2}:\d{2}$/);
    expect(localInputsToIso('2025-02-31', '09:30')).toBeNull();
    expect(localInputsToIso('2025-11-26', '')).toBeNull();
  });
});

describe('counts in words', () => {
  it('writes numbers past 999 with commas, and one of a thing without an s', () => {
    expect(plural(1, 'observation', 'observations')).toBe('1 observation');
    expect(plural(0, 'observation', 'observations')).toBe('0 observations');
    expect(plural(1254, 'observation', 'observations')).toBe('1,254 observations');
  });
});

describe('letter choice in radio groups', () => {
  const sources = [
    { value: 'patient', label: 'Patient' },
    { value: 'carer_family', label: 'Carer or family' },
    { value: 'staff', label: 'Staff' },
    { value: 'volunteer', label: 'Volunteer' },
    { value: 'visitor', label: 'Visitor' },
    { value: 'not_applicable', label: 'Not applicable' },
  ];

  it('gives every option its own letter, the first free one of its words, then of its letters', () => {
    const letters = shortcutLetters(sources);
    expect([...letters.values()]).toEqual(['p', 'c', 's', 'v', 'i', 'n']);
    expect(new Set(letters.values()).size).toBe(sources.length);
    const sentiment = shortcutLetters([
      { value: 'positive', label: 'Positive' },
      { value: 'negative', label: 'Negative' },
      { value: 'neutral', label: 'Neutral' },
      { value: 'mixed', label: 'Mixed' },
    ]);
    expect([...sentiment.values()]).toEqual(['p', 'n', 'e', 'm']);
  });

  it('picks the option of the letter pressed, in either case, and nothing for other keys', () => {
    const letters = shortcutLetters(sources);
    expect(optionForKey(letters, 'v')).toBe('volunteer');
    expect(optionForKey(letters, 'I')).toBe('visitor');
    expect(optionForKey(letters, 'x')).toBeNull();
    expect(optionForKey(letters, 'Enter')).toBeNull();
  });
});
