import { describe, expect, it } from 'vitest';
import { docxPart, paragraphTexts } from '../fixtures/docx-parts';
import { samplePoster } from '../fixtures/sample-documents';
import { buildPosterDocx, PlainLanguageRefusal, unplainTerms } from './build-poster';
import type { PosterModel } from './poster-model';

const KEY = 'e'.repeat(64);
const poster = samplePoster(KEY, 'portrait');

describe('the “You said, we did” poster', () => {
  it('puts each thing people said beside what was done about it', async () => {
    const xml = docxPart(await buildPosterDocx(poster), 'word/document.xml');
    const text = paragraphTexts(xml);
    expect(text.slice(0, 3)).toEqual([
      'Riverside Cancer Centre NHS Foundation Trust',
      'You said, we did',
      'Oak Ward, October to December 2025',
    ]);
    expect(text).toEqual(
      expect.arrayContaining(['You said', 'We did', ...poster.items.flatMap((i) => [i.youSaid, i.weDid])]),
    );
    expect(text).toContain(poster.closing);
  });

  it('refuses jargon and unexplained abbreviations, listing each with a plainer word', async () => {
    const jargon: PosterModel = {
      ...poster,
      items: [
        { youSaid: 'Your discharge was delayed.', weDid: 'The MDT now plans discharge on day one.' },
        { youSaid: 'The QRT never came.', weDid: 'We fixed it.' },
      ],
    };
    const attempt = buildPosterDocx(jargon);
    await expect(attempt).rejects.toBeInstanceOf(PlainLanguageRefusal);
    await expect(attempt).rejects.toThrow(
      'The poster uses words that many readers will not know. Replace them, or explain each in brackets the first time it appears: "discharge" (try: going home from hospital); "MDT" (try: team of specialists (multidisciplinary team)); "QRT".',
    );
    expect(unplainTerms(jargon).map((t) => t.term)).toEqual(['discharge', 'MDT', 'QRT']);
  });

  it('accepts a term explained in brackets the first time it appears', async () => {
    const explained: PosterModel = {
      ...poster,
      items: [
        {
          youSaid: 'The PALS (Patient Advice and Liaison Service) desk was hard to find.',
          weDid: 'PALS now has signs.',
        },
      ],
    };
    expect(unplainTerms(explained)).toEqual([]);
    await expect(buildPosterDocx(explained)).resolves.toBeInstanceOf(Buffer);
  });

  it('takes one to six items', async () => {
    await expect(buildPosterDocx({ ...poster, items: [] })).rejects.toThrow(/between 1 and 6 items/);
    const seven = Array.from({ length: 7 }, () => poster.items[0] as PosterModel['items'][number]);
    await expect(buildPosterDocx({ ...poster, items: seven })).rejects.toThrow(/between 1 and 6 items/);
  });
});
