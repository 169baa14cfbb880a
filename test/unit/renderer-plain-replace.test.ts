import { describe, expect, it } from 'vitest';
import { plainWords, replaceTerm } from '../../renderer/src/lib/plain-replace';

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
