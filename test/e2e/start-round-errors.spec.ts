import { dateGroup, expectDate } from './date-helpers';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { openStartRoundByKeyboard, tabTo } from './helpers';

test('a round without a site shows an error summary whose link takes you to the field', async ({
  app: page,
}) => {
  await page.getByRole('link', { name: 'Start a round' }).click();
  await page.getByLabel('Name of team member 1').fill('Ann Example');
  await page.getByLabel('Site').fill('   ');
  await page.getByRole('button', { name: 'Start round' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Check what you entered' });
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(/^Error: Start a round/);
  await expect(page.getByText('Error: Enter the site')).toBeVisible(); // the message by the field
  const link = summary.getByRole('link', { name: 'Enter the site' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Site')).toBeFocused();
  await expect(page).toHaveURL(/#\/rounds\/new$/); // the link did not change the page
});

test('a team member without a name is pointed out in the error summary', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Start a round' }).click();
  await page.getByLabel('Site').fill('Chelsea');
  await page.getByLabel('Name of team member 1').fill('');
  await page.getByRole('button', { name: 'Start round' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Check what you entered' });
  await expect(summary.getByRole('link')).toHaveText(/name/i);
  await summary.getByRole('link').click();
  await expect(page.getByLabel('Name of team member 1')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Start a round' })).toBeVisible();
});

test('a start time left empty is caught before anything is sent, and its link lands on the time', async ({
  app: page,
}) => {
  await page.getByRole('link', { name: 'Start a round' }).click();
  await page.getByLabel('Site').fill('Chelsea');
  await page.getByLabel('Name of team member 1').fill('Ann Example');
  await page.getByLabel('Start time').fill('');
  await page.getByRole('button', { name: 'Start round' }).click();
  const link = page.getByRole('alert').getByRole('link', { name: 'Enter the start time, for example 09:30' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByLabel('Start time')).toBeFocused();
  await expect(page).toHaveURL(/#\/rounds\/new$/);
});

test('the date of the round is three boxes set to today; a year taken out is named in the summary and by the boxes, by keyboard alone', async ({
  app: page,
}) => {
  await openStartRoundByKeyboard(page);
  const today = await page.evaluate(() => {
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });
  const date = dateGroup(page, 'Date of the round');
  await expect(date.getByRole('textbox')).toHaveCount(3);
  await expect(date.getByLabel('Day')).toHaveAttribute('inputmode', 'numeric');
  await expectDate(page, 'Date of the round', today);

  // The year is taken out, by keyboard: the boxes come before the site, so Shift+Tab reaches them.
  await tabTo(page, date.getByLabel('Year'), { backwards: true });
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await tabTo(page, page.getByRole('button', { name: 'Start round' }));
  await page.keyboard.press('Enter');

  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Start a round/);
  const link = summary.getByRole('link', { name: 'Date of the round must include a year' });
  await expect(link).toBeVisible();
  await expect(date.locator('.nhsuk-error-message')).toHaveText(
    'Error: Date of the round must include a year',
  );
  await expect(date.getByLabel('Year')).toHaveClass(/nhsuk-input--error/);
  await expect(date.getByLabel('Day')).not.toHaveClass(/nhsuk-input--error/);
  await expect(page).toHaveURL(/#\/rounds\/new$/);
  await expectNoAxeViolations(page, 'start a round with a date error');

  // The summary's link lands in the boxes; the year typed back starts the round.
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(date.getByLabel('Day')).toBeFocused();
  await tabTo(page, date.getByLabel('Year'));
  await page.keyboard.type(today.slice(0, 4));
  await tabTo(page, page.getByRole('button', { name: 'Start round' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Sutton/ })).toBeFocused();
});
