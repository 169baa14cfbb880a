import { describe, expect, it } from 'vitest';
import { docxPart, paragraphTexts } from '../fixtures/docx-parts';
import { generatedPeriodInput } from '../fixtures/sample-documents';
import type { PeriodReportModel } from './period-report-model';
import { activitySentences, buildPeriodReportDocx } from './build-period-report';
import { summarisePeriod } from './summarise-period';

const KEY = 'd'.repeat(64);

function model(): PeriodReportModel {
  const base = summarisePeriod(generatedPeriodInput(KEY, 300));
  return {
    ...base,
    equality: {
      threshold: 5,
      taggedObservations: 40,
      groups: [
        { group: 'Age', observations: 31 },
        { group: 'Disability', observations: 4 },
        { group: 'Carers', observations: 1 },
        { group: 'Sex', observations: 5 },
        { group: 'Coastal communities', observations: 0 },
      ],
      neverHeardFrom: ['Coastal communities'],
    },
  };
}

/** The text of each table row, cells joined with " | ". */
function rows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)]
      .map((cell) => paragraphTexts(cell[0]).join(' '))
      .join(' | '),
  );
}

describe('the PEIG period report', () => {
  const between = 'Between 1 October 2026 and 31 December 2026, the visiting teams';
  it.each([
    [0, `${between} held no rounds. No patient stories were approved. No actions were raised.`],
    [
      1,
      `${between} held 1 round in 1 area and recorded 1 observation, in the person’s own words. 1 patient story was approved. 1 action was raised; 1 is done and was fed back to the people who raised it.`,
    ],
    [
      2,
      `${between} held 2 rounds in 2 areas and recorded 2 observations, both in people’s own words. 2 patient stories were approved. 2 actions were raised; 2 are done, both fed back to the people who raised them.`,
    ],
    [
      1254,
      `${between} held 1,254 rounds in 1,254 areas and recorded 1,254 observations, all in people’s own words. 1,254 patient stories were approved. 1,254 actions were raised; 1,254 are done, all fed back to the people who raised them.`,
    ],
  ])('words the summary right for %i of everything', async (n, sentence) => {
    const base = model();
    const counted: PeriodReportModel = {
      ...base,
      from: '2026-10-01',
      to: '2026-12-31',
      periodLabel: '1 October 2026 to 31 December 2026',
      totals: { rounds: n, areas: n, observations: n, quotes: n, stories: n },
      storiesLeftOut: [],
      actions: {
        ...base.actions,
        counts: { raised: n, open: 0, in_progress: 0, done: 0, fed_back: n, overdue: 0 },
      },
    };
    expect(activitySentences(counted)).toBe(sentence);
    const text = paragraphTexts(docxPart(await buildPeriodReportDocx(counted), 'word/document.xml'));
    expect(text).toContain(sentence);
    for (const wrong of [
      /\b1 (rounds|areas|observations|actions|are)\b/,
      /\bIn 1 October/,
      /\b0 \w+s were\b/,
    ])
      expect(text.join('\n')).not.toMatch(wrong);
  });

  it('says which approved stories were left out of the report, and why', () => {
    const base = { ...model(), totals: { ...model().totals, stories: 0 } };
    expect(
      activitySentences({ ...base, storiesLeftOut: [{ reason: 'consent_not_peig', count: 1 }] }),
    ).toContain(
      '1 patient story was approved. 1 approved story is not included: its consent does not cover PEIG.',
    );
    expect(
      activitySentences({ ...base, storiesLeftOut: [{ reason: 'consent_review_passed', count: 2 }] }),
    ).toContain(
      '2 patient stories were approved. 2 approved stories are not included: their consent is past its review date.',
    );
  });

  it('shows equality counts of 1 to 4 as “fewer than 5”, and zero as none', async () => {
    const xml = docxPart(await buildPeriodReportDocx(model()), 'word/document.xml');
    const table = rows(xml);
    expect(table).toEqual(
      expect.arrayContaining([
        'Age | 31',
        'Disability | fewer than 5',
        'Carers | fewer than 5',
        'Sex | 5',
        'Coastal communities | None',
      ]),
    );
    expect(paragraphTexts(xml)).toContain('Coastal communities');
  });

  it('draws each chart as labelled bars under a scale, suppressed figures in words with no bar', async () => {
    const xml = docxPart(await buildPeriodReportDocx(model()), 'word/document.xml');
    const table = rows(xml);
    // The equality chart: scale 0 to 40 in the header, each group by name, its figure beside it.
    expect(table).toContain('Equality group | 0\t10\t20\t30\t40 | Observations');
    expect(table).toContain('Age |  | 31');
    expect(table).toContain('Disability | not drawn: too few to show | fewer than 5');
    expect(table).toContain('Coastal communities |  | None');
    const descriptions = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(descriptions).toContain('Bar for Age: 31, on a scale of 0 to 40.');
    // No picture stands for a suppressed figure, so none can give it away.
    expect(descriptions.filter((d) => /Disability|Carers|Coastal/.test(d))).toEqual([]);
    const text = paragraphTexts(xml);
    expect(text).toContain('Figure 2: Observations tagged with each equality group');
    expect(text.join(' ')).not.toMatch(/same order as the rows|hatched/i);
  });

  it('prints the summary, the themes table, quotes, stories and the actions', async () => {
    const m = model();
    const xml = docxPart(await buildPeriodReportDocx(m), 'word/document.xml');
    const text = paragraphTexts(xml);
    expect(
      text.find((t) => t.startsWith('Between 1 October 2025 and 31 December 2025, the visiting teams held')),
    ).toBeDefined();
    expect(rows(xml)).toContain(
      [
        m.themesBySentiment[0]?.theme,
        ...Object.values(m.themesBySentiment[0]?.counts ?? {}),
        Object.values(m.themesBySentiment[0]?.counts ?? {}).reduce((a, b) => a + b, 0),
      ].join(' | '),
    );
    for (const q of m.notableQuotes) expect(text).toContain(`“${q.text}”`);
    expect(text).toContain('Waiting to go home');
    expect(rows(xml)).toContain(`Overdue | ${m.actions.counts.overdue}`);
  });

  it('words a one-day period, no equality tags at all and no group heard from without odd sentences', async () => {
    const base = model();
    const quiet: PeriodReportModel = {
      ...base,
      from: '2026-12-08',
      to: '2026-12-08',
      equality: {
        ...base.equality,
        taggedObservations: 0,
        groups: base.equality.groups.map((g) => ({ ...g, observations: 0 })),
        neverHeardFrom: base.equality.groups.map((g) => g.group),
      },
    };
    expect(activitySentences(quiet)).toMatch(/^On 8 December 2026, the visiting teams held /);
    const text = paragraphTexts(docxPart(await buildPeriodReportDocx(quiet), 'word/document.xml')).join('\n');
    expect(text).toContain('No observation was tagged with an equality group.');
    expect(text).toContain('We did not hear from any of the 5 equality groups we track');
    expect(text).not.toMatch(/were \(0%\)|8 December 2026 (to|and) 8 December 2026|5 of the 5/);
  });
});
