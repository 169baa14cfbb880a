import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_OBSERVATIONS } from '../../domain/exports/fixtures/sample-round';
import { sampleExports } from '../../domain/exports/fixtures/sample-exports';
import { sampleIdentity } from '../../domain/exports/fixtures/sample-identity';
import { createSignedExport } from '../../domain/exports/signed-export';
import type { PeriodReportModel } from '../../domain/exports/period-report/period-report-model';
import type { PosterModel } from '../../domain/exports/poster/poster-model';
import { verifySignedDocx } from '../../domain/signing/verify-export';
import { convertToPdf, hasCommand, pdfPageCount, pdfPageFill, pdfText } from '../../scripts/libreoffice-pdf';
import type { RequestOf } from '../../ipc/contract';
import { ROUND_TEXTS, signedOffRound, signedOffStory } from '../helpers/sign-off-fixtures';
import { doneActionWithEvidence, todaysExportRequests } from '../helpers/export-fixtures';
import { approvedStoryForTrainingOnly } from '../helpers/story-fixtures';
import { createTestContext, type TestContext } from '../helpers/test-context';

// Every export kind opened by LibreOffice (Debian's libreoffice-writer-nogui; CI installs it)
// and read back from the PDF it makes: the document renders, its headings, observations and
// sign-off are there, and LibreOffice opening a signed file leaves it valid.

const identity = sampleIdentity();
const samples = sampleExports(identity.keyId);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const has = (text: string | undefined, phrase: string) =>
  expect(text ?? '').toContain(phrase.replace(/-/g, ''));
let dir = '';
const texts = new Map<string, string>();
const pages = new Map<string, number>();
const fills = new Map<string, number[]>();
/** No page but the last is more than 40% blank. */
const noGaps = (fill: readonly number[] | undefined) =>
  expect((fill ?? []).slice(0, -1).filter((f) => f < 0.6)).toEqual([]);
const originals = new Map<string, { path: string; copy: string; hash: string }>();

describe.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))('exports opened by LibreOffice', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'px-rounds-lo-'));
    mkdirSync(join(dir, 'signed'));
    mkdirSync(join(dir, 'copies'));
    for (const { name, request } of samples) {
      const signed = await createSignedExport(request, { identity, appVersion: '0.1.0' });
      const path = join(dir, 'signed', `${name}.docx`);
      const copy = join(dir, 'copies', `${name}.docx`);
      writeFileSync(path, signed.bytes);
      copyFileSync(path, copy);
      originals.set(name, { path, copy, hash: sha256(signed.bytes) });
    }
    // LibreOffice converts the copies; the signed originals are never handed to it.
    const pdfs = await convertToPdf(
      samples.map((s) => join(dir, 'copies', `${s.name}.docx`)),
      join(dir, 'pdf'),
    );
    for (const [i, pdf] of pdfs.entries()) {
      const name = samples[i]?.name ?? '';
      // pdftotext joins a word broken at a hyphen ("px-" + "rounds" → "pxrounds"), so hyphens are
      // compared nowhere: removed from the text here and from each expected phrase in `has`.
      texts.set(name, (await pdfText(pdf)).replace(/-/g, ''));
      pages.set(name, await pdfPageCount(pdf));
      fills.set(name, await pdfPageFill(pdf));
    }
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(samples.map((s) => s.name))('%s keeps its signature after LibreOffice opened it', (name) => {
    const file = originals.get(name);
    if (!file) throw new Error(`no ${name}`);
    for (const path of [file.path, file.copy]) {
      const bytes = readFileSync(path);
      expect(sha256(bytes)).toBe(file.hash);
      expect(verifySignedDocx(bytes, [])).toMatchObject({ valid: true, problems: [] });
    }
  });

  it.each(['poster-portrait', 'poster-landscape'])(
    '%s is marked for public display and prints no signer or command line',
    (name) => {
      const text = texts.get(name) ?? '';
      has(text, 'OFFICIAL');
      expect(text).not.toContain('SENSITIVE');
      expect(text).not.toMatch(/npx|px ?rounds verify|Signed by/);
    },
  );

  it.each(samples.map((s) => s.name).filter((name) => !name.startsWith('poster')))(
    '%s prints the marking, the signer, how to verify and page numbers',
    (name) => {
      const text = texts.get(name) ?? '';
      has(text, 'OFFICIAL-SENSITIVE');
      has(
        text,
        'Signed by Helen Adeyemi (Non-Executive Director). Verify with PX Rounds or: npx px-rounds verify FILE',
      );
      has(text, `Page 1 of ${pages.get(name)}`);
    },
  );

  it('round summary: headings, every observation and the sign-off', () => {
    const text = texts.get('round-summary') ?? '';
    for (const heading of [
      'Patient experience round: Oak Ward, Day Unit and Outpatients',
      'At a glance',
      'What we saw and heard',
      'Listen and learn (3)',
      'Actions raised',
      'Sign-off',
    ]) {
      has(text, heading);
    }
    for (const o of SAMPLE_OBSERVATIONS) has(text, o.text);
    has(text, 'Signed by: Helen Adeyemi (Non-Executive Director)');
    has(text, 'Signed on: 14 November 2025 at 10:32 (UK time)');
  });

  it('story: headings, the narrative and the sign-off, with no name for an anonymised storyteller', () => {
    const text = texts.get('story') ?? '';
    for (const heading of [
      'Waiting to go home',
      'The story',
      'In their own words',
      'What we can learn',
      'Consent',
      'Sign-off',
    ]) {
      has(text, heading);
    }
    has(text, 'I came in for three days and stayed for nine.');
    has(text, 'Told by: A patient (anonymised)');
    has(text, 'Signed by: Helen Adeyemi (Non-Executive Director)');
  });

  it('period report: headings, charts’ tables, quotes and the sign-off', () => {
    const text = texts.get('period-report') ?? '';
    const model = samples.find((s) => s.name === 'period-report')?.request.model as PeriodReportModel;
    for (const heading of [
      'Summary',
      'Rounds and areas visited',
      'Themes and sentiment',
      'Equality: who we heard from',
      'Groups we did not hear from',
      'In their own words',
      'Patient stories',
      'Actions: you said, we did',
      'Sign-off',
    ]) {
      has(text, heading);
    }
    has(text, 'Figure 1: Observations by theme and sentiment');
    // Each chart stands alone: its scale, each category by name and its figure, suppressed
    // figures in words; and no page is left mostly blank before a chart.
    has(text, 'Equality group 0 20 40 60 80 Observations Age 52 Disability 33');
    has(text, 'not drawn: too few to show fewer than 5');
    expect(text).not.toMatch(/same order as the rows|hatched/i);
    noGaps(fills.get('period-report'));
    has(text, 'Table 3: observations tagged with each equality group');
    for (const quote of model.notableQuotes) has(text, quote.text);
    has(text, 'Signed by: Helen Adeyemi (Non-Executive Director)');
  });

  it.each(['poster-portrait', 'poster-landscape'])('%s: every item on one page, and the signer', (name) => {
    const text = texts.get(name) ?? '';
    const model = samples.find((s) => s.name === name)?.request.model as PosterModel;
    has(text, 'You said, we did');
    for (const item of model.items) {
      has(text, item.youSaid);
      has(text, item.weDid);
    }
    expect(pages.get(name)).toBe(1);
  });
});

// The same, for documents made the way the app makes them: from a real database, through the
// export channels, signed with the user's own key.
describe.skipIf(!hasCommand('soffice') || !hasCommand('pdftotext'))(
  'exports made by the app, opened by LibreOffice',
  () => {
    let ctx: TestContext;
    const made = new Map<string, string>();
    const appTexts = new Map<string, string>();
    const appPages = new Map<string, number>();
    const appFills = new Map<string, number[]>();

    beforeAll(async () => {
      ctx = createTestContext();
      const round = await signedOffRound(ctx);
      const { story } = await signedOffStory(ctx);
      await approvedStoryForTrainingOnly(ctx);
      await doneActionWithEvidence(ctx, round.areas['Oak Ward']!);
      const asked = todaysExportRequests(round.roundId);
      const requests: [string, RequestOf<'exports:start'>][] = [
        ['round_summary', asked.roundSummary],
        [
          'story',
          { documentType: 'story', storyId: story.id, audience: 'peig', personalDataConfirmed: true },
        ],
        ['period_report', asked.periodReport],
        ['poster-portrait', asked.poster],
        ['poster-landscape', { ...asked.poster, orientation: 'landscape' }],
      ];
      for (const [name, request] of requests) {
        const started = await ctx.call('exports:start', request);
        const job = await ctx.exportJobs.settled(started.jobId);
        if (!job.result) throw new Error(`${name}: ${JSON.stringify(job.error)}`);
        made.set(name, job.result.path);
      }
      const outDir = mkdtempSync(join(tmpdir(), 'px-rounds-lo-app-'));
      const copies = requests.map(([name]) => {
        const copy = join(outDir, `${name}.docx`);
        copyFileSync(made.get(name) ?? '', copy);
        return copy;
      });
      const pdfs = await convertToPdf(copies, join(outDir, 'pdf'));
      for (const [i, pdf] of pdfs.entries()) {
        const name = requests[i]?.[0] ?? '';
        appTexts.set(name, (await pdfText(pdf)).replace(/-/g, ''));
        appPages.set(name, await pdfPageCount(pdf));
        appFills.set(name, await pdfPageFill(pdf));
      }
      rmSync(outDir, { recursive: true, force: true });
    }, 240_000);
    afterAll(() => ctx.dispose());

    it.each(['round_summary', 'story', 'period_report', 'poster-portrait', 'poster-landscape'])(
      '%s is still valid after LibreOffice opened a copy, and names the signer',
      (name) => {
        expect(verifySignedDocx(readFileSync(made.get(name) ?? ''), [])).toMatchObject({ valid: true });
        if (!name.startsWith('poster'))
          has(appTexts.get(name), 'Signed by Helen Adeyemi (Non-Executive Director)');
      },
    );

    it('round summary: headings, the observations as cleared, and the sign-off', () => {
      const text = appTexts.get('round_summary');
      for (const heading of [
        'Patient experience round: Oak Ward and Day Unit',
        'At a glance',
        'What we saw and heard',
        'Sign-off',
      ]) {
        has(text, heading);
      }
      for (const words of [ROUND_TEXTS.calm, ROUND_TEXTS.quote, ROUND_TEXTS.praise]) has(text, words);
      expect(text).not.toContain('07700 900123');
      has(text, 'Personal detail kept: “Nurse Sarah Jones” (a name), because: Staff member named for praise');
      has(text, 'The team made 4 observations in 2 areas');
      expect(text).not.toMatch(/\b1 (observations|areas|actions|are)\b/);
      has(text, 'Signed by: Helen Adeyemi (Non-Executive Director)');
    });

    it('story: headings, the narrative and the sign-off', () => {
      const text = appTexts.get('story');
      for (const heading of ['Waiting for results', 'The story', 'What we can learn', 'Consent', 'Sign-off'])
        has(text, heading);
      has(text, 'Nobody told me when the scan results would come.');
      has(text, 'Told by: A patient (anonymised)');
      has(text, 'Signed by: Helen Adeyemi (Non-Executive Director)');
    });

    it('period report: headings, the signed-off round’s quote, the story and the sign-off', () => {
      const text = appTexts.get('period_report');
      for (const heading of [
        'Summary',
        'Themes and sentiment',
        'In their own words',
        'Patient stories',
        'Sign-off',
      ]) {
        has(text, heading);
      }
      has(text, ROUND_TEXTS.quote);
      has(text, 'Waiting for results');
      has(text, 'the visiting teams held 1 round in 2 areas and recorded 4 observations');
      has(
        text,
        '2 patient stories were approved. 1 approved story is not included: its consent does not cover PEIG.',
      );
      expect(text).not.toMatch(/\b1 (rounds|areas|are)\b|No patient stories were approved/);
      has(text, 'Signed by: Helen Adeyemi (Non-Executive Director)');
    });

    it.each(['poster-portrait', 'poster-landscape'])(
      '%s: what was done, on one page, marked for public display',
      (name) => {
        const text = appTexts.get(name) ?? '';
        has(text, 'You said, we did');
        has(text, 'The door to the bay sticks and wakes patients at night.');
        has(text, 'We fixed the door so it closes quietly.');
        expect(text).not.toContain('Estates will fix the door.');
        expect(text).not.toMatch(/SENSITIVE|npx|Signed by/);
        expect(appPages.get(name)).toBe(1);
      },
    );
  },
);
