import { describe, expect, it } from 'vitest';
import { firstWords } from '../../domain/first-words';
import { observationName } from '../../renderer/src/lib/format';

describe('naming an observation for headings and screen readers', () => {
  it('gives two observations from the same minute different names, by their first words', () => {
    const at = '2026-11-12T17:04:10.000Z';
    const a = observationName({ capturedAt: at, text: 'The bay was noisy all night and nobody came.' });
    const b = observationName({ capturedAt: at, text: 'Staff explained every step of the scan.' });
    expect(a).toBe('17:04, “The bay was noisy all night…”');
    expect(b).toBe('17:04, “Staff explained every step of the…”');
    expect(a).not.toBe(b);
  });

  it('keeps short texts whole and names an empty one', () => {
    expect(firstWords('  Clean and calm ')).toBe('Clean and calm');
    expect(firstWords('')).toBe('no text');
  });
});
