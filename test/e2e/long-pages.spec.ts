// Long lists stay quick to show and short to read: the rounds list draws the newest 25 and adds
// more on request, with the keyboard carrying on from the first one added.
import { callHost, expect, expectNoAxeViolations, test } from './fixtures';

test('the rounds list shows the newest 25, and "Show more" adds the rest with focus on the first added', async ({
  app: page,
  host,
}) => {
  for (let i = 0; i < 30; i += 1) {
    const startsAt = new Date(Date.UTC(2026, 0, 1 + i, 9, 0)).toISOString();
    await callHost(host, 'rounds:create', { startsAt, site: `Site ${i + 1}`, templateId: null, team: [] });
  }
  await page.reload();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(26); // the header row and 25 rounds
  await expect(page.getByText('Showing the newest 25 of 30 rounds.')).toBeVisible();
  // Newest first: the round on 30 January heads the list.
  await expect(rows.nth(1)).toContainText('Site 30');
  await expectNoAxeViolations(page, 'home, with more rounds than it shows');

  const more = page.getByRole('button', { name: 'Show 5 more rounds' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(31);
  await expect(more).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Round at Site 5 on/ })).toBeFocused();
});
