import { describe, expect, it } from 'vitest';
import glossaryData from '../../resources/glossary/plain-language-glossary.json';
import { GLOSSARY, parseGlossary } from './glossary';

const plainFor = (term: string) => GLOSSARY.entries.find((e) => e.term === term)?.plain;

describe('the plain-language glossary', () => {
  it('is versioned and has at least 150 entries', () => {
    expect(GLOSSARY.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(GLOSSARY.entries.length).toBeGreaterThanOrEqual(150);
    expect(GLOSSARY.entries.some((e) => e.kind === 'abbreviation')).toBe(true);
    expect(GLOSSARY.entries.some((e) => e.kind === 'jargon')).toBe(true);
  });

  it('covers the NHS, cancer-care and committee terms people meet on rounds', () => {
    expect(plainFor('MDT')).toContain('team of specialists');
    expect(plainFor('prognosis')).toBe('likely outcome');
    expect(plainFor('PALS')).toBe('Patient Advice and Liaison Service');
    expect(plainFor('oncology')).toBe('cancer care');
    for (const term of [
      'PEIG',
      'CQC',
      'FFT',
      'NED',
      'chemo',
      'metastatic',
      'palliative',
      'triage',
      'discharge',
      'obs',
      'NBM',
      'TTO',
      'SACT',
    ]) {
      expect(plainFor(term), term).toBeTruthy();
    }
  });

  it('rejects an entry without a plain alternative, naming where it is', () => {
    const broken = structuredClone(glossaryData);
    broken.entries[3] = { term: 'MDT', kind: 'abbreviation', plain: '' };
    expect(() => parseGlossary(broken)).toThrow(/entries\[3\]\.plain|entries\.3\.plain/);
  });

  it('rejects an unknown kind, a duplicate term, a bad version and a short list', () => {
    const badKind = structuredClone(glossaryData);
    const first = badKind.entries[0];
    if (first) first.kind = 'acronym';
    expect(() => parseGlossary(badKind)).toThrow(/kind/);

    const duplicate = structuredClone(glossaryData);
    duplicate.entries.push({ term: 'Prognosis', kind: 'jargon', plain: 'likely outcome' });
    expect(() => parseGlossary(duplicate)).toThrow(/listed twice/);

    expect(() => parseGlossary({ ...glossaryData, version: 'latest' })).toThrow(/version/);
    expect(() => parseGlossary({ ...glossaryData, entries: glossaryData.entries.slice(0, 10) })).toThrow(
      /entries/,
    );
    expect(() => parseGlossary(null)).toThrow(/not valid/);
  });
});
