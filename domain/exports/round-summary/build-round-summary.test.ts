import { describe, expect, it } from 'vitest';
import { docxPart, paragraphTexts } from '../fixtures/docx-parts';
import { SAMPLE_OBSERVATIONS, sampleRoundSummary } from '../fixtures/sample-round';
import { buildRoundSummaryDocx, glanceSentence } from './build-round-summary';

const KEY = 'a'.repeat(64);

async function documentOf(model = sampleRoundSummary(KEY)) {
  const xml = docxPart(await buildRoundSummaryDocx(model), 'word/document.xml');
  return { xml, text: paragraphTexts(xml) };
}

describe('the round summary', () => {
  it('lists the date, site, areas and the visiting team with their roles', async () => {
    const { text } = await documentOf();
    expect(text).toContain('Date: 12 November 2025, 10:00 to 12:15');
    expect(text).toContain('Areas visited: Oak Ward, Day Unit and Outpatients');
    expect(text).toContain(
      'Visiting team: Helen Adeyemi (Non-Executive Director), Tom Whitfield (Governor) and Priya Nair (Staff escort)',
    );
  });

  it('groups observations under their main theme, largest first (ties as first seen), each observation once', async () => {
    const { text } = await documentOf();
    const headings = text.filter((t) => /^[A-Z].* \(\d+\)$/.test(t));
    expect(headings).toEqual([
      'Listen and learn (3)',
      'Confidence and trust (2)',
      'Give patients a leading voice (2)',
      'Effectiveness (1)',
      'Access (1)',
    ]);
    for (const o of SAMPLE_OBSERVATIONS) {
      const printed = o.kind === 'quote' ? `“${o.text}”` : o.text;
      expect(text.filter((t) => t === printed)).toHaveLength(1);
    }
    const listen = text.indexOf('Listen and learn (3)');
    expect(text.indexOf(SAMPLE_OBSERVATIONS[2]?.text ?? '')).toBeGreaterThan(listen);
    expect(text.indexOf(SAMPLE_OBSERVATIONS[2]?.text ?? '')).toBeLessThan(
      text.indexOf('Confidence and trust (2)'),
    );
  });

  it('shows sentiment, equality tags and other themes beside each observation', async () => {
    const { text } = await documentOf();
    expect(text).toContain(
      'Heard, from a carer or family member, Oak Ward, 10:25  ·  Sentiment: negative  ·  Equality: Carers (negative impact)  ·  Also: Access',
    );
  });

  it('sets quotes apart in a bordered inset with who said them, by type, never by name', async () => {
    const { xml } = await documentOf();
    const quote = SAMPLE_OBSERVATIONS.find((o) => o.kind === 'quote');
    const paragraph = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].find((p) =>
      p[0].includes(quote?.text ?? '-'),
    )?.[0];
    expect(paragraph).toMatch(/<w:pBdr><w:left w:val="single" w:color="005EB8"/);
    expect(paragraphTexts(xml)).toContain('— patient, Oak Ward, 10:20');
  });

  it('summarises the round and lists the actions raised in a table', async () => {
    const { text } = await documentOf();
    expect(text).toContain(
      'The team made 9 observations in 3 areas: 4 positive, 2 mixed and 3 negative. 3 are in people’s own words, and 3 actions were raised.',
    );
    expect(text).toContain(
      'Add the hearing loop to the daily safety check and show staff how to switch it on.',
    );
    expect(text).toContain('28 Nov 2025');
  });

  it.each([
    [0, 'The team made no observations in no areas, and no actions were raised.'],
    [
      1,
      'The team made 1 observation in 1 area: 1 positive. It is in the person’s own words, and 1 action was raised.',
    ],
    [
      2,
      'The team made 2 observations in 2 areas: 2 positive. Both are in people’s own words, and 2 actions were raised.',
    ],
    [
      1254,
      'The team made 1,254 observations in 1,254 areas: 1,254 positive. All are in people’s own words, and 1,254 actions were raised.',
    ],
  ])('words the summary right for %i of everything', async (n, sentence) => {
    const sample = sampleRoundSummary(KEY);
    const observation = { ...(sample.observations[0] as (typeof sample.observations)[number]) };
    const areas = Array.from({ length: n }, (_, i) => `Area ${i + 1}`);
    const { text } = await documentOf({
      ...sample,
      areasVisited: areas,
      observations: areas.map((area) => ({ ...observation, area, kind: 'quote', sentiment: 'positive' })),
      actions: Array.from({ length: n }, () => sample.actions[0]!),
    });
    expect(text).toContain(sentence.replace(' in no areas', ''));
  });

  it('words a mix of quotes right', () => {
    const counts = { observations: 2, areas: 1, bySentiment: [], actions: 0 };
    expect(glanceSentence({ ...counts, quotes: 0 })).toBe(
      'The team made 2 observations in 1 area. None are in people’s own words, and no actions were raised.',
    );
    expect(glanceSentence({ ...counts, observations: 3, quotes: 1 })).toContain('1 is in people’s own words');
    expect(glanceSentence({ ...counts, observations: 1, quotes: 0 })).toContain('It is not a direct quote');
  });

  it('says so when nothing was observed or raised', async () => {
    const { text } = await documentOf({ ...sampleRoundSummary(KEY), observations: [], actions: [] });
    expect(text).toContain('No observations were recorded on this round.');
    expect(text).toContain('No actions were raised on this round.');
  });

  it('ends with the sign-off: attestation, signer, time and key fingerprint', async () => {
    const { text } = await documentOf();
    const at = text.indexOf('Sign-off');
    expect(text.slice(at)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^I confirm that this is a fair and accurate record/),
        'Signed by: Helen Adeyemi (Non-Executive Director)',
        'Signed on: 14 November 2025 at 10:32 (UK time)',
        `Key fingerprint: ${'AAAA '.repeat(15)}AAAA`,
      ]),
    );
  });
});
