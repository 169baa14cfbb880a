import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, nhsCheckDigit, nhsNumberDigits } from './nhs-number';

// Every fixture is in the 999 range, which the NHS never issues.
describe('isValidNhsNumber', () => {
  it('accepts numbers whose last digit is the Modulus 11 check digit', () => {
    for (const valid of [
      '9991111115',
      '9998765439',
      '9990123454',
      '9991000003',
      '9997654323',
      '9999999999',
    ]) {
      expect(isValidNhsNumber(valid), valid).toBe(true);
    }
  });

  it('rejects the same numbers with any other last digit', () => {
    for (const valid of ['9991111115', '9998765439', '9990123454']) {
      for (let d = 0; d <= 9; d += 1) {
        const altered = `${valid.slice(0, 9)}${d}`;
        if (altered !== valid) expect(isValidNhsNumber(altered), altered).toBe(false);
      }
    }
  });

  it('maps a remainder of 0 (check 11) to a check digit of 0', () => {
    // 9·10 + 9·9 + 9·8 + 2·7 + 2·6 + 2·5 + 2·4 + 2·3 + 2·2 = 297 = 27 × 11.
    expect(nhsCheckDigit('999222222')).toBe(0);
    expect(isValidNhsNumber('9992222220')).toBe(true);
  });

  it('rejects every number whose first nine digits call for a check digit of 10', () => {
    // 9·10 + 9·9 + 9·8 + 1·7 + 2·6 + 3·5 + 4·4 + 5·3 + 6·2 = 320; 320 mod 11 = 1; 11 − 1 = 10.
    expect(nhsCheckDigit('999123456')).toBeNull();
    for (let d = 0; d <= 9; d += 1) expect(isValidNhsNumber(`999123456${d}`)).toBe(false);
  });

  it('accepts the spaced and hyphenated 3-3-4 forms', () => {
    expect(isValidNhsNumber('999 111 1115')).toBe(true);
    expect(isValidNhsNumber('999-111-1115')).toBe(true);
    expect(isValidNhsNumber('999\u00A0111\u00A01115')).toBe(true);
    expect(isValidNhsNumber(' 999 876 5439 ')).toBe(true);
  });

  it('rejects other groupings, mixed separators, wrong lengths and non-digits', () => {
    for (const invalid of [
      '9991 111 115',
      '999 111-1115',
      '999  111 1115',
      '999111111',
      '99911111155',
      '99911111l5',
      '',
      'NHS',
    ]) {
      expect(isValidNhsNumber(invalid), invalid).toBe(false);
    }
  });

  it('reads the digits out of a written number', () => {
    expect(nhsNumberDigits('999 111 1115')).toBe('9991111115');
    expect(nhsNumberDigits('999.111.1115')).toBeNull();
  });
});
