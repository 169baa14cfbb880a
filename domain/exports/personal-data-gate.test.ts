import { describe, expect, it } from 'vitest';
import { findingKey } from '../personal-data/clearance';
import { scanPersonalData } from '../personal-data/scan-personal-data';
import { clearTextsForExport, PersonalDataRefusal } from './personal-data-gate';

const TEXT = 'Call her daughter on 07700 900123 about the move from bay 3.';

describe('clearTextsForExport', () => {
  const findings = scanPersonalData(TEXT);

  it('refuses while any finding has no decision, naming where it is', () => {
    expect(findings.length).toBeGreaterThanOrEqual(2);
    const attempt = () =>
      clearTextsForExport([{ where: 'Observation 3 (Oak Ward)', text: TEXT, decisions: [] }]);
    expect(attempt).toThrow(PersonalDataRefusal);
    expect(attempt).toThrow(/Observation 3 \(Oak Ward\): "07700 900123" \(no decision\)/);
  });

  it('refuses a finding kept without a reason', () => {
    const decisions = findings.map((f) => ({
      findingKey: findingKey(f),
      decision: 'kept' as const,
      reason: ' ',
    }));
    try {
      clearTextsForExport([{ where: 'Story', text: TEXT, decisions }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PersonalDataRefusal);
      expect(
        (error as PersonalDataRefusal).unresolved.every((u) => u.problem === 'kept without a reason'),
      ).toBe(true);
    }
  });

  it('returns the text with redactions applied once every finding is decided', () => {
    const decisions = findings.map((f) =>
      f.kind === 'phone'
        ? { findingKey: findingKey(f), decision: 'redacted' as const }
        : {
            findingKey: findingKey(f),
            decision: 'kept' as const,
            reason: 'bay numbers are not shown to the public',
          },
    );
    const [cleared] = clearTextsForExport([{ where: 'Story', text: TEXT, decisions }]);
    expect(cleared).not.toContain('07700 900123');
    expect(cleared).toContain('bay 3');
  });
});
