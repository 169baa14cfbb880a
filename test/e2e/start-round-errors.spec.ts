import { expect, test } from './fixtures';

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

test('an impossible date is caught before anything is sent', async ({ app: page }) => {
  await page.getByRole('link', { name: 'Start a round' }).click();
  await page.getByLabel('Site').fill('Chelsea');
  await page.getByLabel('Name of team member 1').fill('Ann Example');
  await page.getByLabel('Time').fill('');
  await page.getByRole('button', { name: 'Start round' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /real date and time/ })).toBeVisible();
  await page.getByRole('alert').getByRole('link').click();
  await expect(page.getByLabel('Date')).toBeFocused();
});
