import { describe, expect, it } from 'vitest';
import { checkPlainLanguage } from './check-plain-language';

const terms = (text: string) => checkPlainLanguage(text).findings.map((f) => [f.text, f.explained]);
const unknown = (text: string) => checkPlainLanguage(text).unexplainedAbbreviations.map((u) => u.term);

describe('checkPlainLanguage finds glossary terms', () => {
  it('flags abbreviations and jargon with their plain alternatives and exact offsets', () => {
    const text = 'The MDT said my prognosis was good; PALS rang.';
    const { findings } = checkPlainLanguage(text);
    expect(findings.map((f) => [f.term, f.kind, f.plain])).toEqual([
      ['MDT', 'abbreviation', 'team of specialists (multidisciplinary team)'],
      ['prognosis', 'jargon', 'likely outcome'],
      ['PALS', 'abbreviation', 'Patient Advice and Liaison Service'],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('matches jargon in any case and abbreviations only as written, with plurals', () => {
    expect(terms('Chemo and CHEMO; the MDTs met; the NED and the ned.')).toEqual([
      ['Chemo', false],
      ['CHEMO', false],
      ['MDTs', false],
      ['NED', false],
    ]);
  });

  it('matches jargon with the endings -s, -es, -d and -ed', () => {
    expect(terms('I was discharged after they triaged me; two biopsies.').map(([t]) => t)).toEqual([
      'discharged',
      'triaged',
    ]);
  });

  it('prefers the longest term and accepts hyphens or spaces inside it', () => {
    expect(terms('Palliative care, co-production and co production, nil by mouth.')).toEqual([
      ['Palliative care', false],
      ['co-production', false],
      ['co production', false],
      ['nil by mouth', false],
    ]);
  });

  it('reads Roman numerals after "stage" as numbers, not abbreviations', () => {
    expect(terms('Stage IV bowel cancer; IV fluids.')).toEqual([['IV', false]]);
  });
});

describe('an abbreviation or term counts as explained', () => {
  it('when followed by its meaning in brackets, and from then on', () => {
    expect(terms('The MDT met. The MDT (team of specialists) agreed. The MDT wrote to me.')).toEqual([
      ['MDT', false],
      ['MDT', true],
      ['MDT', true],
    ]);
  });

  it('when it stands in brackets after the words it shortens', () => {
    expect(
      terms('The multi-disciplinary team (MDT) met, then the MDT wrote.').filter(([t]) => t === 'MDT'),
    ).toEqual([
      ['MDT', true],
      ['MDT', true],
    ]);
    expect(terms('My prognosis (likely outcome) is good.')).toEqual([['prognosis', true]]);
  });

  it('not when the brackets hold only more capitals or nothing useful', () => {
    expect(terms('The MDT (CNS) met. The MDT () met.')).toEqual([
      ['MDT', false],
      ['CNS', false],
      ['MDT', false],
    ]);
  });
});

describe('unknown abbreviations', () => {
  it('flags capitals that are not in the glossary unless explained', () => {
    expect(
      unknown('The QRT and XYZ teams met, as did the Rapid Review Board (RRB) and the RRB again.'),
    ).toEqual(['QRT', 'XYZ']);
  });

  it('leaves alone well-known abbreviations, shouting, headings, codes and single letters', () => {
    expect(
      unknown('My GP and the NHS were OK. It was VERY POOR SERVICE. I rang. Route A1 and W1A 1AA. A&E.'),
    ).toEqual([]);
    expect(unknown('It was NOT good.')).toEqual([]);
  });

  it('reports each unexplained use with its offsets', () => {
    const text = 'ABC then ABCs.';
    const found = checkPlainLanguage(text).unexplainedAbbreviations;
    expect(found.map((u) => [u.term, text.slice(u.start, u.end), u.reason])).toEqual([
      ['ABC', 'ABC', 'unexplained abbreviation'],
      ['ABC', 'ABCs', 'unexplained abbreviation'],
    ]);
  });
});

describe('checkPlainLanguage on awkward input', () => {
  it('handles emoji, right-to-left text and Word punctuation with correct offsets', () => {
    const text = '😀 المريض MDT 👍🏽 “prognosis” — שלום A&E’s chemo‑day';
    const { findings, readability } = checkPlainLanguage(text);
    expect(findings.map((f) => f.text)).toEqual(['MDT', 'prognosis', 'chemo']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(readability.words).toBeGreaterThan(0);
  });

  it('returns an empty report for empty text', () => {
    const report = checkPlainLanguage('');
    expect(report.findings).toEqual([]);
    expect(report.unexplainedAbbreviations).toEqual([]);
    expect(report.readability.words).toBe(0);
  });

  it('checks 1 MB of text quickly', () => {
    const text = 'The MDT explained my prognosis (likely outcome) in plain words. We waited 3 hours. '.repeat(
      12_500,
    );
    const started = performance.now();
    const report = checkPlainLanguage(text);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(report.findings.length).toBe(25_000);
  });
});
