// Precision on real feedback: the comments of data/patient-feedback that the scan flagged before
// its false alarms were cut, each finding labelled by hand (fixtures/real-comments-flags.json).
// Re-scanned with today's rules, a finding is a true alarm when it overlaps a finding labelled
// personal; one that overlaps none (a new finding nobody labelled) counts as a false alarm.

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import labelled from './fixtures/real-comments-flags.json';
import { FINDING_KINDS } from './finding';
import { scanPersonalData } from './scan-personal-data';

const Labels = z.object({
  scanned: z.number().int().positive(),
  flagged: z.number().int().positive(),
  comments: z.array(
    z.object({
      source: z.string(),
      text: z.string(),
      findings: z.array(
        z.object({
          kind: z.enum(FINDING_KINDS),
          text: z.string(),
          start: z.number().int(),
          end: z.number().int(),
          personal: z.boolean(),
        }),
      ),
    }),
  ),
});
const labels = Labels.parse(labelled);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function rescan() {
  let truePositives = 0;
  let falseAlarms = 0;
  let personalFound = 0;
  const alarms: string[] = [];
  for (const comment of labels.comments) {
    const findings = scanPersonalData(comment.text);
    const personal = comment.findings.filter((f) => f.personal);
    for (const finding of findings) {
      if (personal.some((p) => overlaps(p, finding))) truePositives += 1;
      else {
        falseAlarms += 1;
        alarms.push(`${finding.kind} "${finding.text}"`);
      }
    }
    personalFound += personal.filter((p) => findings.some((f) => overlaps(p, f))).length;
  }
  return { truePositives, falseAlarms, personalFound, alarms };
}

describe('personal-data findings on real patient feedback', () => {
  it('were labelled where they were found', () => {
    for (const comment of labels.comments) {
      expect(comment.findings.length).toBeGreaterThan(0);
      for (const f of comment.findings) expect(comment.text.slice(f.start, f.end)).toBe(f.text);
    }
    expect(labels.comments).toHaveLength(labels.flagged);
  });

  it('are personal data at least 9 times in 10, and still find the personal data labelled', () => {
    const labelledFindings = labels.comments.flatMap((c) => c.findings);
    const personal = labelledFindings.filter((f) => f.personal).length;
    const before = personal / labelledFindings.length;
    const { truePositives, falseAlarms, personalFound, alarms } = rescan();
    const precision = truePositives / (truePositives + falseAlarms);
    console.log(
      `Precision on ${labels.comments.length} flagged real comments: ${before.toFixed(3)} when labelled, ` +
        `${precision.toFixed(3)} now (${falseAlarms} false alarms: ${alarms.join(', ')}); ` +
        `${personalFound} of ${personal} labelled personal findings still found.`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(personalFound / personal).toBeGreaterThanOrEqual(0.99);
  });
});
