// A clinical lead partner writes up a patient story: the personal-details guard finds an NHS
// number, a postcode and a name; two are redacted and one kept with a reason; a key quote is
// marked; the story is tagged and its sentiment confirmed; consent and the read-back are
// recorded; the story is approved, then consent is withdrawn and the story leaves the approved
// list.
import { callHost, expect, expectNoAxeViolations, test, type BrowserHost } from './fixtures';
import { dateGroup, expectDate, fillDate } from './date-helpers';
import { tabTo } from './helpers';
import { seedStoryExport } from './seed-export';
import { goToStoryStep } from './story-steps';
import type { Locator, Page } from '@playwright/test';

// 999 000 0018: the never-issued 999 range, with a valid Modulus 11 check digit (8).
const NARRATIVE =
  'Mrs Patel told us she waited four hours in clinic. Her NHS number is 999 000 0018 and she lives near SW3 6JJ. The MDT explained her prognosis kindly.';
const TITLE = 'A long wait in outpatients';

const narrativeBox = (page: Page) => page.getByRole('textbox', { name: 'The story', exact: true });
/** A finding as listed: its kind, where it is, and its words in quotation marks. */
const finding = (panel: Locator, words: string) =>
  panel.locator('.pxr-finding__what').filter({ hasText: `“${words}”` });
const findings = (page: Page) => page.getByRole('region', { name: 'Personal details check' });
const tagsRegion = (page: Page) => page.getByRole('region', { name: 'Tags and sentiment' });

type StoredStory = {
  narrative: string;
  quotes: { text: string }[];
  tags: { tagId: string; impact: string | null }[];
  sentimentSuggested: string | null;
  sentimentConfirmed: string | null;
};

/** The story as the database holds it, read without the page's help. */
async function storedStory(host: BrowserHost, page: Page): Promise<StoredStory> {
  const id = /\/stories\/([0-9a-f-]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
  const reply = (await callHost(host, 'stories:get', { id })) as { ok: boolean; value: StoredStory };
  expect(reply.ok).toBe(true);
  return reply.value;
}

/** Selects `words` in the narrative box, as a person would by dragging over them. */
async function selectInNarrative(page: Page, words: string): Promise<void> {
  await narrativeBox(page).evaluate((element, target) => {
    // The page's textarea; these Node-side sources do not load the DOM types.
    const box = element as unknown as {
      value: string;
      focus: () => void;
      setSelectionRange: (start: number, end: number) => void;
    };
    const start = box.value.indexOf(target);
    box.focus();
    box.setSelectionRange(start, start + target.length);
  }, words);
}

async function writeStory(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Stories' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Patient stories' })).toBeFocused();
  await expectNoAxeViolations(page, 'the story list');
  await page.getByRole('link', { name: 'Write a story' }).click();
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('Patient', { exact: true }).check();
  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByRole('button', { name: 'Start writing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(TITLE) })).toBeFocused();
  await narrativeBox(page).fill(NARRATIVE);
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
}

test('a story is checked for personal details, consented, read back, approved and withdrawn', async ({
  app: page,
  host,
}) => {
  // The whole journey of a story in one test, with eight axe scans: about two minutes on a
  // shared machine, so twice the slow allowance.
  test.setTimeout(6 * 60_000);
  await writeStory(page);

  // A key quote: select the words in the story, then mark them.
  await selectInNarrative(page, ' waited four hours in clinic');
  await page.getByRole('button', { name: 'Mark as quote' }).click();
  const storyText = page.getByRole('region', { name: 'The story', exact: true });
  await expect(storyText.getByRole('heading', { name: 'Key quotes (1)' })).toBeVisible();
  await expect(storyText.locator('blockquote')).toHaveText(['“waited four hours in clinic”']);
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await expect
    .poll(async () => (await storedStory(host, page)).quotes.map((q) => q.text))
    .toEqual(['waited four hours in clinic']);

  // The findings show, in the list and marked in the preview of the saved story.
  await goToStoryStep(page, 'Personal details check');
  const panel = findings(page);
  await expect(finding(panel, '999 000 0018')).toBeVisible();
  await expect(finding(panel, 'SW3 6JJ')).toBeVisible();
  await expect(finding(panel, 'Mrs Patel')).toBeVisible();
  await expect(panel.locator('mark')).toHaveCount(3);
  await expectNoAxeViolations(page, 'the story editor with findings');

  // Redact two in one step each; the text itself changes.
  await panel.getByRole('button', { name: 'Redact “999 000 0018”' }).click();
  await expect.poll(async () => (await storedStory(host, page)).narrative).toMatch(/\[NHS number removed\]/);
  await panel.getByRole('button', { name: 'Redact “SW3 6JJ”' }).click();
  await expect.poll(async () => (await storedStory(host, page)).narrative).toMatch(/\[postcode removed\]/);
  await expect
    .poll(async () => (await storedStory(host, page)).narrative)
    .not.toMatch(/999 000 0018|SW3 6JJ/);

  // Keep one, with a reason.
  await panel.getByRole('button', { name: 'Keep “Mrs Patel”' }).click();
  await panel.getByLabel('Why can “Mrs Patel” stay in?').fill('Mrs Patel asked to be named');
  await panel.getByRole('button', { name: 'Keep it' }).click();
  await expect(panel.getByText('No personal details are waiting for a decision.')).toBeVisible();
  await expect(panel.getByText('Mrs Patel asked to be named')).toBeVisible();

  // The plain-language check explains the jargon.
  await goToStoryStep(page, 'Plain language check');
  const plain = page.getByRole('region', { name: 'Plain language check' });
  await expect(plain.getByText(/“MDT”: try/)).toBeVisible();
  // The key quote came before the redactions, so it still holds its words.
  await goToStoryStep(page, 'The story');
  await expect(narrativeBox(page)).not.toHaveValue(/999 000 0018|SW3 6JJ/);
  await expect(storyText.locator('blockquote')).toHaveText(['“waited four hours in clinic”']);
  await goToStoryStep(page, 'Tags and sentiment');

  // Tags and sentiment, with the same tagger as observations, from the keyboard.
  const tagging = tagsRegion(page);
  const suggestion = (name: RegExp) => tagging.getByRole('button', { name });
  await expect(suggestion(/^Suggested: Listen and learn — from “told”/)).toBeVisible();
  await expect(suggestion(/^Suggested: Access — from “waited”/)).toBeVisible();
  await expect(tagging.getByText('Suggested sentiment: Negative')).toBeVisible();
  await expect(tagging.locator('mark.pxr-driver--negative')).toHaveText([
    'told',
    'waited',
    'four',
    'hours',
    'clinic',
  ]);
  await expect(tagging.locator('mark.pxr-driver--positive')).toHaveCount(0);
  // One key accepts a suggestion.
  await tabTo(page, suggestion(/^Suggested: Access/));
  await page.keyboard.press('Enter');
  await expect(suggestion(/^Suggested: Access/)).toHaveCount(0);
  await expect(tagging.getByRole('list', { name: 'Tagged with' }).getByRole('listitem')).toHaveText([
    /^Access/,
  ]);
  // An equality group through the type-ahead, with its impact.
  const picker = tagging.getByRole('combobox', { name: 'Add a tag' });
  await tabTo(page, picker);
  await page.keyboard.type('carers');
  await expect(tagging.getByRole('listbox')).toBeVisible();
  await expectNoAxeViolations(page, 'the story tagger with the picker open');
  await page.keyboard.press('Enter');
  const carers = tagging.getByRole('group', { name: 'Impact for Carers' });
  await expect(carers.getByRole('radio', { name: 'Positive' })).toBeFocused();
  await page.keyboard.press('n');
  await expect(carers.getByRole('radio', { name: 'Negative' })).toBeChecked();
  // Override the suggested sentiment.
  const sentiment = tagging.getByRole('group', { name: 'Confirm or change the sentiment' });
  await tabTo(page, sentiment.getByRole('radio', { name: 'Positive' }));
  await page.keyboard.press('Space');
  await expect(sentiment.getByRole('radio', { name: 'Positive' })).toBeChecked();
  await expect(tagging.getByRole('status')).toHaveText(/^Saved at \d\d:\d\d$/);
  await expectNoAxeViolations(page, 'the story with tags and sentiment');
  const tagged = await storedStory(host, page);
  expect(tagged.tags.map((t) => [t.tagId, t.impact]).sort()).toEqual([
    ['access', null],
    ['carers', 'negative'],
  ]);
  expect([tagged.sentimentSuggested, tagged.sentimentConfirmed]).toEqual(['negative', 'positive']);

  // Approval is refused, and says why, until consent is recorded; the error links to that step.
  await goToStoryStep(page, 'Approve');
  await page.getByRole('button', { name: 'Approve story' }).click();
  await page.getByRole('link', { name: /Record the storyteller’s consent/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Consent' })).toBeFocused();

  // Consent with a date in the future, then a review date before the consent date: clear errors.
  const consent = page.getByRole('form', { name: 'Record consent' });
  await fillDate(consent, 'Date consent was given', '2099-01-01');
  await consent.getByLabel('Verbally').check();
  await consent.getByLabel(/Patient Experience and Inclusion Group/).check();
  await consent.getByLabel('Named', { exact: true }).check();
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByRole('link', { name: /cannot be in the future/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the consent form with errors');

  await fillDate(consent, 'Date consent was given', '2025-01-10');
  await fillDate(consent, 'Review date', '2024-12-01');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByRole('link', { name: /review date must be after/ })).toBeVisible();
  await expect(dateGroup(consent, 'Review date')).toHaveAttribute('aria-describedby', /error/);

  await fillDate(consent, 'Review date', '2027-01-10');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByText('Consent recorded.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Consent' }).getByText('10 January 2027')).toBeVisible();

  // Read back, then approve.
  await goToStoryStep(page, 'Read back');
  const readBack = page.getByRole('form', { name: 'Record the read-back' });
  await readBack.getByLabel('By phone').check();
  await readBack.getByRole('button', { name: 'Record read-back' }).click();
  await expect(page.getByText('Read-back recorded.')).toBeVisible();
  await goToStoryStep(page, 'Approve');
  await page.getByRole('button', { name: 'Approve story' }).click();
  await expect(page.getByText('Story approved.')).toBeVisible();

  // The story goes out once, to PEIG, as the export feature records it.
  const storyId = /\/stories\/([0-9a-f-]+)/.exec(new URL(page.url()).hash)?.[1] ?? '';
  seedStoryExport(host, { storyId, fileName: 'A long wait - PEIG.docx', scope: 'peig', identity: 'named' });

  await page.goto(`${new URL(page.url()).origin}/#/stories?status=approved`);
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
  await page.getByRole('link', { name: TITLE }).click();

  // Withdraw: a confirmation step, then where it went before, so PEIG can be told.
  await goToStoryStep(page, 'Withdraw consent');
  await page.getByRole('button', { name: 'Withdraw consent' }).click();
  await expectNoAxeViolations(page, 'the withdrawal confirmation');
  await page.getByRole('button', { name: 'Yes, withdraw consent' }).click();
  await expect(page.getByText(/Consent was withdrawn/)).toBeVisible();
  const withdrawn = page.getByRole('region', { name: 'Withdraw consent' });
  await expect(withdrawn.getByText(/It was exported before in these files\. Let PEIG know/)).toBeVisible();
  await expect(withdrawn.getByRole('listitem')).toHaveText([
    /^A long wait - PEIG\.docx, .* \(Patient Experience and Inclusion Group \(PEIG\) only, named\)$/,
  ]);
  // Nothing about it can be changed any more, its tags included.
  await goToStoryStep(page, 'Tags and sentiment');
  await expect(tagsRegion(page).getByRole('combobox', { name: 'Add a tag' })).toBeDisabled();
  await goToStoryStep(page, 'The story');
  await expect(narrativeBox(page)).toHaveAttribute('readonly', '');
  await expectNoAxeViolations(page, 'the withdrawn story');

  await page.goto(`${new URL(page.url()).origin}/#/stories?status=approved`);
  await expect(page.getByRole('heading', { level: 1, name: 'Patient stories' })).toBeVisible();
  await expect(page.getByText('There are no stories to show here.')).toBeVisible();
  await expect(page.getByRole('link', { name: TITLE })).toHaveCount(0);
  await expectNoAxeViolations(page, 'the approved story list');
});

test('the narrative survives a reload before it was saved', async ({ app: page }) => {
  await writeStory(page);
  await narrativeBox(page).fill(`${NARRATIVE}\n\nA second paragraph.`);
  await page.reload();
  await expect(narrativeBox(page)).toHaveValue(/\n\nA second paragraph\.$/);
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
});

test('an expired consent is flagged on the story list and stops approval until renewed', async ({
  app: page,
}) => {
  await writeStory(page);
  // Given in 2020, so its review date (24 months on, filled in for the person) has passed.
  await goToStoryStep(page, 'Consent');
  const consent = page.getByRole('form', { name: 'Record consent' });
  await fillDate(consent, 'Date consent was given', '2020-01-10');
  await expectDate(consent, 'Review date', '2022-01-10');
  await consent.getByLabel('In writing').check();
  await consent.getByLabel('Staff training').check();
  await consent.getByLabel('Anonymised').check();
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByText('Consent recorded.')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Consent' }).getByText('Expired (review was due)'),
  ).toBeVisible();

  await goToStoryStep(page, 'Approve');
  await page.getByRole('button', { name: 'Approve story' }).click();
  await expect(page.getByRole('link', { name: /consent was due for review/ })).toBeVisible();

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Stories' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: TITLE }) });
  await expect(row.getByRole('cell').nth(3)).toHaveText(/Consent expired on 10 January 2022/);
  await expectNoAxeViolations(page, 'the story list with an expired consent');
});

test('text pasted from Word keeps its paragraphs as plain text; emoji and right-to-left text survive a reload', async ({
  app: page,
  context,
}) => {
  await writeStory(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // What Word puts on the clipboard: formatted HTML, and the same words as plain text with
  // Windows line ends.
  const html =
    '<html><body><p class="MsoNormal"><b>She waited</b> four hours.</p><p class="MsoNormal"><i>Nobody</i> told her why.</p></body></html>';
  const text = 'She waited four hours.\r\n\r\nNobody told her why.';
  // A string, as it runs in the page, whose clipboard types these Node-side sources do not load.
  await page.evaluate(`navigator.clipboard.write([
    new ClipboardItem({
      'text/html': new Blob([${JSON.stringify(html)}], { type: 'text/html' }),
      'text/plain': new Blob([${JSON.stringify(text)}], { type: 'text/plain' }),
    }),
  ])`);
  await narrativeBox(page).fill('');
  await narrativeBox(page).focus();
  await page.keyboard.press('Control+V');
  await expect(narrativeBox(page)).toHaveValue('She waited four hours.\n\nNobody told her why.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();

  const mixed = 'قالت إنها انتظرت أربع ساعات 😞\n\nהאחות הייתה נהדרת 👩🏽‍⚕️ and the tea was warm ☕';
  await narrativeBox(page).fill(mixed);
  await expect(page.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();
  await page.reload();
  await expect(narrativeBox(page)).toHaveValue(mixed);
});

test('a narrative over 1 MB gets a clear error and nothing typed is lost, even after a reload', async ({
  app: page,
}) => {
  test.slow();
  await writeStory(page);
  const paragraph = 'She waited four hours in clinic and nobody told her why. '.repeat(100);
  const tooLong = `${paragraph}\n\n`.repeat(Math.ceil((1024 * 1024 + 1) / (paragraph.length + 2)));
  await narrativeBox(page).fill(tooLong);
  await expect(
    page.getByText(/The narrative must be 1 MB or less; this one is 1\.0 MB/).first(),
  ).toBeVisible();
  await expect(narrativeBox(page)).toHaveAttribute('aria-describedby', /error/);

  // The words stay in the box and in the local copy, unsaved, until the story is shortened.
  await page.reload();
  await expect(narrativeBox(page)).toHaveValue(tooLong);
  // Cut to a fifth, which still holds some 35,000 words: a long story, but within the limit.
  const shortened = tooLong.slice(0, 200_000);
  await narrativeBox(page).fill(shortened);
  await expect(page.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();
  await page.reload();
  await expect(narrativeBox(page)).toHaveValue(shortened);
});
