import { describe, expect, it } from 'vitest';
import {
  applyPlainWords,
  plainWords,
  plainWordsKey,
  replaceTerm,
  termOfPlainWordsKey,
} from './plain-replace';

describe('the one-key fix for jargon', () => {
  it('uses a description’s plain words without the aside that names the jargon again', () => {
    expect(plainWords('team of specialists (multidisciplinary team)')).toBe('team of specialists');
    expect(plainWords('next of kin')).toBe('next of kin');
    expect(plainWords('Care Quality Commission (the health and care regulator)')).toBe(
      'Care Quality Commission (the health and care regulator)',
    );
  });

  it('replaces every whole use of the term, with a capital where it starts a sentence', () => {
    expect(
      replaceTerm('The MDT met. MDT members agreed; no MDTs or MDTX.', 'MDT', 'team of specialists'),
    ).toBe('The team of specialists met. Team of specialists members agreed; no MDTs or MDTX.');
    expect(replaceTerm('Ask the NOK first.', 'NOK', 'next of kin')).toBe('Ask the next of kin first.');
    expect(replaceTerm('TTO was late', 'TTO', 'medicines to take home')).toBe(
      'Medicines to take home was late',
    );
  });

  it('matches abbreviations as written, and words in lower case in any case', () => {
    expect(replaceTerm('the mdt met', 'MDT', 'team of specialists')).toBe('the mdt met');
    expect(replaceTerm('Oncology and oncology', 'oncology', 'cancer care')).toBe(
      'Cancer care and cancer care',
    );
  });
});

describe('plain words chosen at review, applied on the way out', () => {
  it('replaces each chosen term in order, and leaves personal-data decisions and other keys alone', () => {
    const decisions = [
      { findingKey: plainWordsKey('MDT'), decision: 'plain_words', reason: 'team of specialists' },
      { findingKey: 'phone#1#07700 900123', decision: 'redacted', reason: null },
      { findingKey: plainWordsKey('TTO'), decision: 'plain_words', reason: 'medicines to take home' },
    ];
    expect(applyPlainWords('The MDT never explained her TTO.', decisions)).toBe(
      'The team of specialists never explained her medicines to take home.',
    );
  });

  it('keys a replacement by the term as written, which only a plain-words key gives back', () => {
    expect(termOfPlainWordsKey(plainWordsKey('MDTs'))).toBe('MDTs');
    expect(termOfPlainWordsKey('name#1#sarah jones')).toBeNull();
  });
});
