import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, StaleFindingError, redact, redactAll } from './redact';
import { scanPersonalData } from './scan-personal-data';

describe('redact', () => {
  it('replaces a finding with the plain placeholder for its kind', () => {
    const text = 'Dr Patel saw me in bay 3 and rang 07700 900123.';
    const [name, bay, phone] = scanPersonalData(text);
    if (!name || !bay || !phone) throw new Error('expected three findings');
    expect(redact(text, name)).toBe('[name removed] saw me in bay 3 and rang 07700 900123.');
    expect(redact(text, bay)).toBe('Dr Patel saw me in [bed number removed] and rang 07700 900123.');
    expect(redact(text, phone)).toBe('Dr Patel saw me in bay 3 and rang [phone number removed].');
  });

  it('has a placeholder for every kind, each saying what was removed', () => {
    // Written as the words a reader sees, so a change to any of them is a deliberate one.
    const said = Object.fromEntries(
      [
        ['name', 'name'],
        ['nhs_number', 'NHS number'],
        ['postcode', 'postcode'],
        ['phone', 'phone number'],
        ['email', 'email'],
        ['date_of_birth', 'date of birth'],
        ['hospital_number', 'hospital number'],
        ['bed_bay', 'bed number'],
        ['date', 'date'],
      ].map(([kind, what]) => [kind, `[${what} removed]`]),
    );
    expect(PLACEHOLDERS).toEqual(said);
  });

  it('refuses a finding from an older version of the text instead of cutting the wrong words', () => {
    const [finding] = scanPersonalData('Call 07700 900123 now.');
    if (!finding) throw new Error('expected a finding');
    expect(() => redact('Please call 07700 900123 now.', finding)).toThrow(StaleFindingError);
  });
});

describe('redactAll', () => {
  it('redacts every finding at once, whatever order they are given in', () => {
    const text = 'Sarah Jones (NHS 999 111 1115) lives at SW1A 1AA; email sj@example.org.';
    const findings = scanPersonalData(text);
    expect(redactAll(text, [...findings].reverse())).toBe(
      '[name removed] (NHS [NHS number removed]) lives at [postcode removed]; email [email removed].',
    );
  });

  it('leaves text with nothing to redact unchanged, and removes a finding listed twice once', () => {
    expect(redactAll('Nothing here.', [])).toBe('Nothing here.');
    const text = 'Bed 4 please.';
    const [bed] = scanPersonalData(text);
    if (!bed) throw new Error('expected a finding');
    expect(redactAll(text, [bed, bed])).toBe('[bed number removed] please.');
  });

  it('leaves nothing the scanner would find again', () => {
    const text = 'Mrs Okafor, DOB 01/02/1950, MRN 1234567, bed 12, tel 020 7946 0000, a@b.co.uk, SE1 7EH.';
    const redacted = redactAll(text, scanPersonalData(text));
    expect(scanPersonalData(redacted)).toEqual([]);
  });
});
