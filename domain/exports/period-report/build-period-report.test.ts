import { describe, expect, it } from 'vitest';
import { docxPart, paragraphTexts } from '../fixtures/docx-parts';
import { generatedPeriodInput } from '../fixtures/sample-documents';
import type { PeriodReportModel } from './period-report-model';
import { buildPeriodReportDocx } from './build-period-report';
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

  it('describes each chart in its alt text without giving away suppressed figures', async () => {
    const xml = docxPart(await buildPeriodReportDocx(model()), 'word/document.xml');
    const descriptions = [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1] ?? '');
    expect(descriptions).toHaveLength(3);
    expect(descriptions[1]).toContain('Hatched bars stand for fewer than 5 observations');
    expect(descriptions[1]).not.toMatch(/Disability|Carers/);
    for (const d of descriptions) expect(d).toMatch(/Every figure is in Table \d, which follows the chart\./);
  });

  it('prints the summary, the themes table, quotes, stories and the actions', async () => {
    const m = model();
    const xml = docxPart(await buildPeriodReportDocx(m), 'word/document.xml');
    const text = paragraphTexts(xml);
    expect(
      text.find((t) => t.startsWith('In October to December 2025 the visiting teams held')),
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
});
