import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../ipc/contract';
import { convertToPdf, firstPagePng, hasCommand, pdfText } from '../../scripts/libreoffice-pdf';
import { signedOffStory } from '../helpers/sign-off-fixtures';
import {
  doneActionWithEvidence,
  signedOffFifteenStepsRound,
  todaysExportRequests,
} from '../helpers/export-fixtures';
import { approvedStoryForTrainingOnly } from '../helpers/story-fixtures';
import { createTestContext, type TestContext } from '../helpers/test-context';

// The round summary, period report and poster as the app makes them, rendered by LibreOffice to
// PDF and PNG, and read back for what a committee noticed: a 15 Steps round grouped under its
// own headings, sentences right for a count of one, a story left out said so, a poster showing
// what was done under a public marking, and every document declaring UK English.

const tool = (command: string) => hasCommand(command);
const tools = tool('soffice') && tool('pdftotext') && tool('pdftoppm');
/** pdftotext joins a word broken at a hyphen, so hyphens are compared nowhere. */
const flat = (text: string) => text.replace(/-/g, '');
const has = (text: string | undefined, phrase: string) => expect(text ?? '').toContain(flat(phrase));

describe.skipIf(!tools)('the fixed documents, rendered by LibreOffice', () => {
  let ctx: TestContext;
  let dir = '';
  const texts = new Map<string, string>();
  const pdfBytes = new Map<string, string>();
  const pngs = new Map<string, Buffer>();

  beforeAll(async () => {
    ctx = createTestContext();
    // A round on the 15 Steps question set (the fixtures' default), two observations tagged with
    // its headings, one with a trust key theme too.
    const round = await signedOffFifteenStepsRound(ctx);
    await signedOffStory(ctx);
    await approvedStoryForTrainingOnly(ctx);
    await doneActionWithEvidence(ctx, round.areas['Oak Ward']!);

    const asked = todaysExportRequests(round.roundId);
    const requests: [string, RequestOf<'exports:start'>][] = [
      ['round_summary', asked.roundSummary],
      ['period_report', asked.periodReport],
      ['poster', asked.poster],
    ];
    dir = mkdtempSync(join(tmpdir(), 'px-rounds-lo-fixes-'));
    const copies: string[] = [];
    for (const [name, request] of requests) {
      const started = await ctx.call('exports:start', request);
      const job = await ctx.exportJobs.settled(started.jobId);
      if (!job.result) throw new Error(`${name}: ${JSON.stringify(job.error)}`);
      const copy = join(dir, `${name}.docx`);
      copyFileSync(job.result.path, copy);
      copies.push(copy);
    }
    const pdfs = await convertToPdf(copies, join(dir, 'pdf'));
    for (const [i, pdf] of pdfs.entries()) {
      const name = requests[i]?.[0] ?? '';
      texts.set(name, flat(await pdfText(pdf)));
      pdfBytes.set(name, readFileSync(pdf, 'latin1'));
      await firstPagePng(pdf, join(dir, name));
      pngs.set(name, readFileSync(join(dir, `${name}.png`)));
    }
  }, 240_000);
  afterAll(() => {
    ctx.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a 15 Steps round summary groups its observations under the question set’s own headings', () => {
    const text = texts.get('round_summary');
    has(text, 'Questions used: 15 Steps Challenge');
    has(text, 'Well organised and calm (1) The ward was calm');
    has(text, 'Caring and involving (1) “They always tell me what they are doing before they do it.”');
    has(text, 'Also: Listen and learn');
    // Only the two that were not tagged are left without a heading.
    has(text, 'Not linked to a theme (2)');
    // What was kept at review is printed with its reason.
    has(text, 'Personal detail kept: “Nurse Sarah Jones” (a name), because: Staff member named for praise');
  });

  it('the period report counts 15 Steps headings as themes, each chart labelled and scaled', () => {
    const text = texts.get('period_report');
    has(text, 'Most observations were about');
    has(text, 'Theme 0 1 2 3 4 Total');
    has(text, 'Well organised and calm 1');
    has(text, 'Caring and involving 1');
    has(text, 'Well organised and calm 1 0 0 0 0 1');
    expect(text).not.toMatch(/No key theme|same order as the rows|hatched/i);
  });

  it('the period report words counts of one and a one-day period right, and says which story was left out', () => {
    const text = texts.get('period_report');
    has(text, 'Period: ');
    has(
      text,
      'the visiting teams held 1 round in 2 areas and recorded 4 observations, 1 of them in people’s own words.',
    );
    has(
      text,
      '2 patient stories were approved. 1 approved story is not included: its consent does not cover PEIG.',
    );
    has(text, '1 action was raised; 1 is done, not yet fed back to the people who raised it.');
    has(text, 'It covers 1 round recorded on one laptop.');
    has(text, 'No observation was tagged with an equality group.');
    has(text, 'We did not hear from any of the');
    expect(text).not.toMatch(
      /\b1 (rounds|areas|are)\b|No patient stories were approved|\bIn \d{1,2} \w+ \d{4}\b/,
    );
    expect(text).not.toMatch(/were \(0%\)|(\d{4}) (to|and) \d{1,2} \w+ \1/);
  });

  it('the poster shows what was done, marked for public display, with no plan, signer or command', () => {
    const text = texts.get('poster') ?? '';
    expect(text).toMatch(/^\s*OFFICIAL NHS Foundation Trust You said, we did/);
    has(
      text,
      'The door to the bay sticks and wakes patients at night. We fixed the door so it closes quietly.',
    );
    expect(text).not.toMatch(/SENSITIVE|Estates will fix the door|npx|verify|Signed by|Page \d/);
  });

  it('signed documents say how to verify on one line and number the page on the next', () => {
    for (const name of ['round_summary', 'period_report']) {
      has(texts.get(name), 'Verify with PX Rounds or: npx px-rounds verify');
      expect(texts.get(name)).not.toMatch(/· Page \d/);
      has(texts.get(name), 'Page 1 of');
    }
  });

  it.each(['round_summary', 'period_report', 'poster'])(
    '%s declares UK English, and LibreOffice keeps it',
    (name) => {
      expect(pdfBytes.get(name)).toMatch(/\/Lang\s*\(en-GB\)/);
      expect(pdfBytes.get(name)).not.toMatch(/\/Lang\s*\(en-US\)/);
    },
  );

  it.each(['round_summary', 'period_report', 'poster'])(
    '%s renders to a PNG of its first page, A4 upright',
    (name) => {
      const png = pngs.get(name) ?? Buffer.alloc(0);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      // A4 at 60 dots per inch: 496 by 702.
      expect(height / width).toBeCloseTo(297 / 210, 1);
      expect(width).toBeGreaterThan(400);
    },
  );
});
