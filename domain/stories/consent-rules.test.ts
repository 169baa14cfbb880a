import { describe, expect, it } from 'vitest';
import {
  addMonths,
  consentStateOf,
  isExportAllowed,
  londonDate,
  type ExportableStory,
} from './consent-rules';

describe('dates in London', () => {
  it('reads the calendar date in London, not UTC, across both clock changes', () => {
    expect(londonDate(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16'); // BST
    expect(londonDate(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15'); // GMT
    expect(londonDate(new Date('2026-03-28T23:59:59Z'))).toBe('2026-03-28'); // the night BST starts
  });

  it('adds calendar months, ending on the last day of a shorter month', () => {
    expect(addMonths('2026-03-01', 24)).toBe('2028-03-01');
    expect(addMonths('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });
});

describe('consent state', () => {
  it('is valid through the review date and expired the day after; withdrawal outranks both', () => {
    const consent = { reviewOn: '2028-03-01' };
    expect(consentStateOf('approved', consent, '2028-03-01')).toBe('valid');
    expect(consentStateOf('approved', consent, '2028-03-02')).toBe('expired');
    expect(consentStateOf('draft', null, '2028-03-02')).toBe('none');
    expect(consentStateOf('withdrawn', consent, '2026-01-01')).toBe('withdrawn');
  });
});

describe('isExportAllowed', () => {
  const now = new Date('2026-06-15T10:00:00Z');
  const story = (over: Partial<ExportableStory> = {}): ExportableStory => ({
    status: 'approved',
    consent: { scopes: ['peig', 'trust_internal'], identity: 'anonymised', reviewOn: '2028-03-01' },
    ...over,
  });

  it('allows a consented scope, anonymised', () => {
    expect(isExportAllowed(story(), 'trust_internal', { identity: 'anonymised', now })).toEqual({
      allowed: true,
    });
  });

  it.each([
    ['a scope not consented', story(), 'public', 'anonymised', /did not agree to public use/],
    ['named output of an anonymised consent', story(), 'peig', 'named', /anonymised/],
    ['a story not yet approved', story({ status: 'read_back' }), 'peig', 'anonymised', /approved/],
    ['a withdrawn story', story({ status: 'withdrawn' }), 'peig', 'anonymised', /withdrawn/],
    ['a story without consent', story({ consent: null }), 'peig', 'anonymised', /no consent/],
    [
      'expired consent',
      story({ consent: { scopes: ['peig'], identity: 'named', reviewOn: '2026-06-14' } }),
      'peig',
      'anonymised',
      /review/,
    ],
  ] as const)('refuses %s', (_case, s, scope, identity, reason) => {
    expect(isExportAllowed(s, scope, { identity, now })).toEqual({
      allowed: false,
      reason: expect.stringMatching(reason),
    });
  });
});
