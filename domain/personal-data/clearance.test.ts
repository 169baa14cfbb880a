import { describe, expect, it } from 'vitest';
import {
  applyDecisions,
  clearanceReport,
  findingKey,
  isClearToLeave,
  rebaseDecisionsAfterRedaction,
  type RedactionDecision,
} from './clearance';
import { redact } from './redact';
import { scanPersonalData } from './scan-personal-data';

const redacted = (findingKey: string): RedactionDecision => ({ findingKey, decision: 'redacted' });
const kept = (findingKey: string, reason?: string): RedactionDecision =>
  reason === undefined ? { findingKey, decision: 'kept' } : { findingKey, decision: 'kept', reason };

describe('findingKey', () => {
  it('is kind, occurrence and normalised text, with no offsets', () => {
    const [first, second] = scanPersonalData('Sarah Jones came. Later Sarah  Jones came back.');
    if (!first || !second) throw new Error('expected two findings');
    expect(findingKey(first)).toBe('name#0#sarah jones');
    expect(findingKey(second)).toBe('name#1#sarah jones');
  });

  it('does not change when other text is edited or redacted', () => {
    const before = 'Dr Patel saw me in bay 3.';
    const keysBefore = scanPersonalData(before).map(findingKey);
    const bay = scanPersonalData(before)[1];
    if (!bay) throw new Error('expected the bay');
    const after = `A long new opening sentence. ${redact(before, bay)}`;
    expect(scanPersonalData(after).map(findingKey)).toEqual([keysBefore[0]]);
  });
});

describe('isClearToLeave', () => {
  const text = 'Dr Patel saw me in bay 3 and rang 07700 900123.';
  const findings = scanPersonalData(text);
  const [nameKey, bayKey, phoneKey] = findings.map(findingKey) as [string, string, string];

  it('is clear with no findings at all', () => {
    expect(isClearToLeave([], [])).toBe(true);
  });

  it('is clear when every finding is redacted or kept with a reason', () => {
    expect(
      isClearToLeave(findings, [
        redacted(nameKey),
        redacted(bayKey),
        kept(phoneKey, 'trust switchboard, public'),
      ]),
    ).toBe(true);
  });

  it('is not clear while any finding is undecided, and says which', () => {
    const report = clearanceReport(findings, [redacted(nameKey), redacted(bayKey)]);
    expect(report.clear).toBe(false);
    expect(report.undecided.map((f) => f.text)).toEqual(['07700 900123']);
  });

  it('is not clear when a finding is kept without a reason or with a blank one', () => {
    expect(isClearToLeave(findings, [redacted(nameKey), redacted(bayKey), kept(phoneKey)])).toBe(false);
    const report = clearanceReport(findings, [redacted(nameKey), redacted(bayKey), kept(phoneKey, '   ')]);
    expect(report.keptWithoutReason.map((f) => f.text)).toEqual(['07700 900123']);
  });

  it('uses the latest decision when a person changes their mind', () => {
    const decisions = [redacted(nameKey), redacted(bayKey), redacted(phoneKey), kept(phoneKey)];
    expect(isClearToLeave(findings, decisions)).toBe(false);
  });

  it('ignores decisions about text that is no longer there', () => {
    expect(isClearToLeave([], [kept('name#0#someone gone', 'old')])).toBe(true);
  });
});

describe('the two ways of redacting keep decisions attached to the right finding', () => {
  const text = 'Sarah helped. Sarah is my sister. Sarah on nights was kind.';

  it('on the way out: applyDecisions redacts in one pass against one scan', () => {
    const findings = scanPersonalData(text);
    const keys = findings.map(findingKey);
    expect(keys).toEqual(['name#0#sarah', 'name#1#sarah', 'name#2#sarah']);
    const decisions = [
      kept(keys[0] as string, 'nurse, praise shared with consent'),
      redacted(keys[1] as string),
      kept(keys[2] as string, 'nurse'),
    ];
    expect(isClearToLeave(findings, decisions)).toBe(true);
    expect(applyDecisions(text, findings, decisions)).toBe(
      'Sarah helped. [name removed] is my sister. Sarah on nights was kind.',
    );
  });

  it('in place: after a redaction, rebasing stops a used-up decision vouching for another Sarah', () => {
    const twoSarahs = 'Sarah helped. Sarah on nights was kind.';
    const [first] = scanPersonalData(twoSarahs);
    if (!first) throw new Error('expected a finding');
    let decisions = [redacted(findingKey(first))];
    const remaining = scanPersonalData(redact(twoSarahs, first));
    // Without rebasing, "name#0#sarah" now names the second Sarah, whom nobody reviewed.
    expect(isClearToLeave(remaining, decisions)).toBe(true);
    decisions = rebaseDecisionsAfterRedaction(decisions, first);
    expect(isClearToLeave(remaining, decisions)).toBe(false);
  });

  it('in place: later decisions move down with their findings', () => {
    const findings = scanPersonalData(text);
    const [first, second, third] = findings;
    if (!first || !second || !third) throw new Error('expected three findings');
    let decisions = [
      redacted(findingKey(first)),
      kept(findingKey(second), 'my sister agreed'),
      redacted(findingKey(third)),
    ];
    let current = redact(text, first);
    decisions = rebaseDecisionsAfterRedaction(decisions, first);
    const [, thirdNow] = scanPersonalData(current);
    if (!thirdNow) throw new Error('expected the third Sarah');
    current = redact(current, thirdNow);
    decisions = rebaseDecisionsAfterRedaction(decisions, thirdNow);
    expect(current).toBe('[name removed] helped. Sarah is my sister. [name removed] on nights was kind.');
    expect(decisions).toEqual([kept('name#0#sarah', 'my sister agreed')]);
    expect(isClearToLeave(scanPersonalData(current), decisions)).toBe(true);
  });
});
