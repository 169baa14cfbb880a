// A clinical lead partner writes up a patient story: the personal-details guard finds an NHS
// number, a postcode and a name; two are redacted and one kept with a reason; consent and the
// read-back are recorded; the story is approved, then consent is withdrawn and the story leaves
// the approved list.
import { expect, expectNoAxeViolations, test } from './fixtures';
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
}) => {
  // The whole journey of a story in one test, with four axe scans: more than the default minute.
  test.slow();
  await writeStory(page);

  // The findings show, in the list and marked in the preview of the saved story.
  const panel = findings(page);
  await expect(finding(panel, '999 000 0018')).toBeVisible();
  await expect(finding(panel, 'SW3 6JJ')).toBeVisible();
  await expect(finding(panel, 'Mrs Patel')).toBeVisible();
  await expect(panel.locator('mark')).toHaveCount(3);
  await expectNoAxeViolations(page, 'the story editor with findings');

  // Redact two in one step each; the text itself changes.
  await panel.getByRole('button', { name: 'Redact “999 000 0018”' }).click();
  await expect(narrativeBox(page)).toHaveValue(/\[NHS number removed\]/);
  await panel.getByRole('button', { name: 'Redact “SW3 6JJ”' }).click();
  await expect(narrativeBox(page)).toHaveValue(/\[postcode removed\]/);
  await expect(narrativeBox(page)).not.toHaveValue(/999 000 0018|SW3 6JJ/);

  // Keep one, with a reason.
  await panel.getByRole('button', { name: 'Keep “Mrs Patel”' }).click();
  await panel.getByLabel('Why can “Mrs Patel” stay in?').fill('Mrs Patel asked to be named');
  await panel.getByRole('button', { name: 'Keep it' }).click();
  await expect(panel.getByText('No personal details are waiting for a decision.')).toBeVisible();
  await expect(panel.getByText('Mrs Patel asked to be named')).toBeVisible();

  // The plain-language check explains the jargon.
  const plain = page.getByRole('region', { name: 'Plain language check' });
  await expect(plain.getByText(/“MDT”: try/)).toBeVisible();

  // Approval is refused, and says why, until consent is recorded.
  await page.getByRole('button', { name: 'Approve story' }).click();
  await expect(page.getByRole('link', { name: /Record the storyteller’s consent/ })).toBeVisible();

  // Consent with a date in the future, then a review date before the consent date: clear errors.
  const consent = page.getByRole('form', { name: 'Record consent' });
  await consent.getByLabel('Date consent was given').fill('2099-01-01');
  await consent.getByLabel('Verbally').check();
  await consent.getByLabel(/Patient Experience and Inclusion Group/).check();
  await consent.getByLabel('Named', { exact: true }).check();
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByRole('link', { name: /cannot be in the future/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the consent form with errors');

  await consent.getByLabel('Date consent was given').fill('2025-01-10');
  await consent.getByLabel('Review date').fill('2024-12-01');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByRole('link', { name: /review date must be after/ })).toBeVisible();
  await expect(consent.getByLabel('Review date')).toHaveAttribute('aria-describedby', /error/);

  await consent.getByLabel('Review date').fill('2027-01-10');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByText('Consent recorded.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Consent' }).getByText('10 January 2027')).toBeVisible();

  // Read back, then approve.
  const readBack = page.getByRole('form', { name: 'Record the read-back' });
  await readBack.getByLabel('By phone').check();
  await readBack.getByRole('button', { name: 'Record read-back' }).click();
  await expect(page.getByText('Read-back recorded.')).toBeVisible();
  await page.getByRole('button', { name: 'Approve story' }).click();
  await expect(page.getByText('Story approved.')).toBeVisible();

  await page.goto(`${new URL(page.url()).origin}/#/stories?status=approved`);
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
  await page.getByRole('link', { name: TITLE }).click();

  // Withdraw: a confirmation step, then where it went before.
  await page.getByRole('button', { name: 'Withdraw consent' }).click();
  await page.getByRole('button', { name: 'Yes, withdraw consent' }).click();
  await expect(page.getByText(/Consent was withdrawn/)).toBeVisible();
  await expect(
    page.getByText('The story was never exported, so there is nobody else to tell.'),
  ).toBeVisible();

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
