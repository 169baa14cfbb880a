import { describe, expect, it } from 'vitest';
import { scanPersonalData, type Finding } from './scan-personal-data';

const found = (text: string, staffNames: string[] = []) =>
  scanPersonalData(text, { staffNames }).map((f) => [f.kind, f.text]);

describe('scanPersonalData finds each kind of identifier', () => {
  it('finds NHS numbers spaced or not, only when the check digit is right', () => {
    expect(found('NHS number 999 876 5439, also 9991111115 and 999-111-1115.')).toEqual([
      ['nhs_number', '999 876 5439'],
      ['nhs_number', '9991111115'],
      ['nhs_number', '999-111-1115'],
    ]);
    // 999 123 4560 fails the check digit: without context words it is nothing at all.
    expect(found('The code was 999 123 4560.')).toEqual([]);
  });

  it('lets a ten-digit number that fails the check still be a phone number', () => {
    expect(found('Ring 0161 496 0000 or 0123456780.')).toEqual([
      ['phone', '0161 496 0000'],
      ['phone', '0123456780'],
    ]);
  });

  it('finds dates of birth in the common formats next to a birth word', () => {
    const formats = [
      '12/03/1958',
      '12-03-58',
      '12.03.1958',
      '12 March 1958',
      'March 12th 1958',
      '1958-03-12',
      '12th of March, 1958',
    ];
    for (const date of formats) {
      expect(found(`DOB ${date}`), date).toEqual([['date_of_birth', date]]);
      expect(found(`She was born on ${date} in Leeds.`), date).toEqual([['date_of_birth', date]]);
    }
    expect(found('d.o.b. 01/02/1960')).toEqual([['date_of_birth', '01/02/1960']]);
    expect(found('Born in March 1958, she lives alone.')).toEqual([['date_of_birth', 'March 1958']]);
  });

  it('reports other full dates with the lower-priority kind "date", and not partial dates', () => {
    expect(found('I was admitted on 3 April 2024 after being born on 2 May 1950.')).toEqual([
      ['date', '3 April 2024'],
      ['date_of_birth', '2 May 1950'],
    ]);
    expect(found('In March 2024 I came on 12 March, a Tuesday, and again on 3/4.')).toEqual([]);
    expect(found('The 31/02/2020 slot does not exist.')).toEqual([]);
  });

  it('finds UK postcodes in every format, any case, with or without a space', () => {
    for (const code of [
      'SW1A 1AA',
      'M1 1AE',
      'B33 8TH',
      'CR2 6XH',
      'DN55 1PT',
      'W1A 0AX',
      'EC1A 1BB',
      'GIR 0AA',
      'sw1a1aa',
      'ls1 4ap',
    ]) {
      expect(found(`Send it to ${code} please.`), code).toEqual([['postcode', code]]);
    }
    expect(found('Go to the C2 3rd floor lift, or QX1 1AA, or AB1 1CI.')).toEqual([]);
  });

  it('finds UK phone numbers in the ways people write them', () => {
    for (const phone of [
      '07700 900123',
      '07700900123',
      '+44 7700 900123',
      '+447700900123',
      '(020) 7946 0000',
      '+44 (0)20 7946 0000',
      '020-7946-0000',
      '0800 123 4567',
      '0800 123 456',
      '0044 1632 960123',
      '01632 960123',
    ]) {
      expect(found(`Call ${phone} today.`), phone).toEqual([['phone', phone]]);
    }
    expect(found('We waited 45 minutes, 10:30 to 11:15, and rang 111 then 999.')).toEqual([]);
  });

  it('finds email addresses without the sentence punctuation around them', () => {
    expect(found('Write to jo.bloggs+pals@trust.nhs.uk. Or (sam_1@example.org).')).toEqual([
      ['email', 'jo.bloggs+pals@trust.nhs.uk'],
      ['email', 'sam_1@example.org'],
    ]);
    expect(found('Follow @nhs on social media, or email me @ home.')).toEqual([]);
  });

  it('finds hospital numbers by context words and by their letter-and-digits shape', () => {
    expect(found('MRN 1234567 and hospital number RM123456 and H1234567.')).toEqual([
      ['hospital_number', '1234567'],
      ['hospital_number', 'RM123456'],
      ['hospital_number', 'H1234567'],
    ]);
    expect(found('Hosp no: 7654321B. Patient ID (12345678).')).toEqual([
      ['hospital_number', '7654321B'],
      ['hospital_number', '12345678'],
    ]);
    // A mistyped NHS number after "NHS number" still identifies someone.
    expect(found('NHS number: 999 123 4560')).toEqual([['hospital_number', '999 123 4560']]);
  });

  it('finds beds, bays and side rooms, but not wards or counts', () => {
    expect(found('I was in bay B bed 2, then side room 4, then Bed 14A.')).toEqual([
      ['bed_bay', 'bay B bed 2'],
      ['bed_bay', 'side room 4'],
      ['bed_bay', 'Bed 14A'],
    ]);
    expect(found('Ward 5 was fine. We got a bed 20 minutes later. The bed I had was comfy.')).toEqual([]);
  });

  it('finds names by title, known first name, cue words and capitalised pairs', () => {
    expect(found('Dr Patel and Mrs. Jones were kind.')).toEqual([
      ['name', 'Dr Patel'],
      ['name', 'Mrs. Jones'],
    ]);
    expect(found('Margaret was lovely and so was a nurse called Temitope.')).toEqual([
      ['name', 'Margaret'],
      ['name', 'Temitope'],
    ]);
    expect(found('My name is Ada. We then saw Olumide Adeyemi and Maria de Souza.')).toEqual([
      ['name', 'Ada'],
      ['name', 'Olumide Adeyemi'],
      ['name', 'Maria de Souza'],
    ]);
    expect(found('Thanks to Sarah Ward, not to anyone on Elizabeth Ward.')).toEqual([['name', 'Sarah Ward']]);
  });

  it('does not take places, services and roles for names', () => {
    expect(
      found(
        "The Royal Marsden, Maggie's Centre, Oak Ward and the Clinical Nurse Specialist. May I say thanks.",
      ),
    ).toEqual([]);
  });

  it('finds configured staff names where they are written with a capital', () => {
    expect(found('Ask Bisi Okon or ADE; we will ask bisi later.', ['Bisi Okon', 'Ade'])).toEqual([
      ['name', 'Bisi Okon'],
      ['name', 'ADE'],
    ]);
  });
});

describe('scanPersonalData returns usable findings', () => {
  it('gives offsets into the original string, sorted and not overlapping', () => {
    const text = 'Email sarah.jones@nhs.net, Sarah Jones, 07700 900123, SW1A 1AA.';
    const findings = scanPersonalData(text);
    expect(findings.map((f) => f.kind)).toEqual(['email', 'name', 'phone', 'postcode']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    for (let i = 1; i < findings.length; i += 1) {
      expect((findings[i] as Finding).start).toBeGreaterThanOrEqual((findings[i - 1] as Finding).end);
    }
  });

  it('settles overlaps by priority: an email beats the name inside it, an NHS number beats a hospital number', () => {
    expect(found('Sarah.Jones@nhs.net')).toEqual([['email', 'Sarah.Jones@nhs.net']]);
    expect(found('NHS number 999 111 1115')).toEqual([['nhs_number', '999 111 1115']]);
  });

  it('numbers repeated findings so each has its own occurrence', () => {
    const findings = scanPersonalData('Sarah, then sarah? No: Sarah again, and Dr Patel.', {
      staffNames: ['Sarah'],
    });
    expect(findings.map((f) => [f.text, f.occurrence])).toEqual([
      ['Sarah', 0],
      ['Sarah', 1],
      ['Dr Patel', 0],
    ]);
  });

  it('keeps offsets right around emoji, right-to-left text and Word punctuation', () => {
    const text = '😀👍🏽 مرحبا 999 111 1115 שלום — Dr O’Brien’s bay 3 “SW1A 1AA”\u00A0🏥';
    const findings = scanPersonalData(text);
    expect(findings.map((f) => [f.kind, f.text])).toEqual([
      ['nhs_number', '999 111 1115'],
      ['name', 'Dr O’Brien'],
      ['bed_bay', 'bay 3'],
      ['postcode', 'SW1A 1AA'],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(scanPersonalData('')).toEqual([]);
    expect(scanPersonalData(' \n\t ')).toEqual([]);
  });
});

describe('scanPersonalData on hostile and very large input', () => {
  // Each of these defeats a naive pattern: long runs that almost match make a backtracking
  // regex retry from every position. Linear scanning keeps each one to a fraction of a second.
  const megabyte = 1_000_000;
  const hostile: Record<string, string> = {
    'a megabyte of digits': '1'.repeat(megabyte),
    'spaced zeros': '0 '.repeat(megabyte / 2),
    'one long word': 'a'.repeat(megabyte),
    capitals: 'A'.repeat(megabyte),
    'capitalised words': 'Abc '.repeat(megabyte / 4),
    'almost emails': 'a@'.repeat(megabyte / 2),
    'long local parts': `${'x'.repeat(60)}@`.repeat(megabyte / 61),
    'almost dates': '12/'.repeat(megabyte / 3),
    'bed words': 'bed '.repeat(megabyte / 4),
    'context words': 'MRN '.repeat(megabyte / 4),
    'open brackets': '('.repeat(megabyte),
    'emoji and names': '😀 Sarah Jones 🏥 '.repeat(megabyte / 20),
  };
  for (const [name, text] of Object.entries(hostile)) {
    it(`scans ${name} (1 MB) in linear time`, () => {
      const started = performance.now();
      scanPersonalData(text);
      // Generous for a loaded CI machine; a quadratic pattern takes minutes here.
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  }
});
