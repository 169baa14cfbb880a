import { describe, expect, it } from 'vitest';
import {
  describeDetails,
  detailsAsTyped,
  maskParts,
  personalDetailsIn,
  WHOLE_SCAN_LIMIT,
} from '../../renderer/src/lib/personal-mask';

// 999 000 0018: the never-issued 999 range, with a valid Modulus 11 check digit.
const TEXT = 'Her NHS number is 999 000 0018, she lives near SW3 6JJ and her email is jo@example.com.';

describe('personal details caught as they are typed and hidden in lists', () => {
  it('finds NHS numbers, postcodes, phone numbers, emails and dates of birth, and leaves names to the review', () => {
    const found = personalDetailsIn(`${TEXT} Call 020 7946 0018. Born 3 March 1951. Mrs Patel was kind.`);
    expect(found.map((f) => f.words)).toEqual([
      'NHS number',
      'postcode',
      'email address',
      'phone number',
      'date of birth',
    ]);
    expect(personalDetailsIn('The nurses were kind and the ward was calm.')).toEqual([]);
  });

  it('names what was found in a sentence, once a kind', () => {
    expect(describeDetails(personalDetailsIn(TEXT))).toBe('an NHS number, a postcode and an email address');
    expect(describeDetails(personalDetailsIn('SW3 6JJ or SW1A 1AA'))).toBe('a postcode');
  });

  it('masks each detail as one part, even where a search match splits it, and keeps the rest', () => {
    const parts = [
      { text: 'Her NHS number is 999 000 ', match: false },
      { text: '0018', match: true },
      { text: ', she waited', match: false },
    ];
    const masked = maskParts(parts);
    expect(masked.masked).toBe(1);
    expect(masked.parts).toEqual([
      { kind: 'text', text: 'Her NHS number is ', match: false },
      { kind: 'masked', words: 'NHS number' },
      { kind: 'text', text: ', she waited', match: false },
    ]);
  });

  it('leaves text with nothing personal as it was', () => {
    const parts = [
      { text: 'The ward was ', match: false },
      { text: 'calm', match: true },
    ];
    expect(maskParts(parts)).toEqual({ parts: parts.map((p) => ({ kind: 'text', ...p })), masked: 0 });
  });
});

describe('personal details in a long story as it is typed', () => {
  const long = 'She waited four hours in clinic and nobody told her why. '.repeat(1_000);

  it('checks only around the edit once the text is long, so a pause in typing stays quick', () => {
    expect(long.length).toBeGreaterThan(WHOLE_SCAN_LIMIT);
    const typed = `${long.slice(0, 30_000)}Her postcode is SW3 6JJ. ${long.slice(30_000)}`;
    const found = detailsAsTyped(long, typed);
    expect(found.map((f) => [f.words, typed.slice(f.start, f.end)])).toEqual([['postcode', 'SW3 6JJ']]);
    // A detail far from the edit was noted when it was typed, not again at every key.
    const later = `${typed.slice(0, 50_000)}kind ${typed.slice(50_000)}`;
    expect(detailsAsTyped(typed, later)).toEqual([]);
  });

  it('checks the whole text while it is short', () => {
    expect(detailsAsTyped('', TEXT).map((f) => f.words)).toEqual(['NHS number', 'postcode', 'email address']);
  });
});
