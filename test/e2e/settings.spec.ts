// The local staff names the personal-details check looks for are set on the Settings page, by
// keyboard, and a name added there is then flagged in a story that mentions it.
import { expect, expectNoAxeViolations, test } from './fixtures';
import { tabTo } from './helpers';
import { goToStoryStep } from './story-steps';

const NARRATIVE = 'The ward was calm and Grace brought her a cup of tea.';

test('a staff name added in Settings is then flagged in a story', async ({ app: page }) => {
  // A story, the settings page and two axe scans: more than the default minute.
  test.slow();
  // A story that mentions Grace: on her own, "Grace" is a word as much as a name, so it is not flagged.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Stories' }).click();
  await page.getByRole('link', { name: 'Write a story' }).click();
  await page.getByLabel('Title').fill('Tea on the ward');
  await page.getByLabel('Carer or family', { exact: true }).check();
  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByRole('button', { name: 'Start writing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Tea on the ward/ })).toBeFocused();
  const storyUrl = page.url().replace(/\?.*$/, '?step=personal-data');
  await page.getByRole('textbox', { name: 'The story', exact: true }).fill(NARRATIVE);
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await goToStoryStep(page, 'Personal details check');
  const findings = page.getByRole('region', { name: 'Personal details check' });
  await expect(findings.getByText('No personal details are waiting for a decision.')).toBeVisible();

  // Settings, from the header, by keyboard.
  const settingsLink = page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' });
  await tabTo(page, settingsLink, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await expect(settingsLink).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText(/it cannot know everyone who works here/)).toBeVisible();
  const names = page.getByRole('textbox', { name: 'Staff names' });
  const namesStatus = page.getByRole('status').filter({ hasText: /in the list/ });
  await expect(names).toHaveValue('');
  await expect(namesStatus).toHaveText(/0 names in the list/);
  await expectNoAxeViolations(page, 'the settings page');

  await tabTo(page, names);
  await page.keyboard.type('Ikenna Obi\n\nGrace\nikenna obi');
  // Saved as typed; the same name twice is kept once.
  await expect(namesStatus).toHaveText(/^Saved at \d\d:\d\d 2 names in the list\.$/);

  // A name too long for the list: a clear error naming its line, and the text stays.
  await page.keyboard.type(`\n${'A'.repeat(101)}`);
  await expect(
    page.getByText('Line 5: A name must be 100 characters or fewer', { exact: false }).first(),
  ).toBeVisible();
  await expect(names).toHaveAttribute('aria-describedby', /error/);
  await expectNoAxeViolations(page, 'the settings page with an error');
  await page.keyboard.press('Backspace');
  await expect(namesStatus).toHaveText(/^Saved at \d\d:\d\d 3 names in the list\.$/);
  await expect(names).not.toHaveAttribute('aria-describedby', /error/);

  // Back in the story, Grace is now flagged as a name on the staff list.
  await page.goto(storyUrl);
  const grace = findings.locator('.pxr-finding').filter({ hasText: '“Grace”' });
  await expect(grace).toBeVisible();
  await expect(grace).toContainText('staff list');

  // And the list is there after a reload.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
  await expect(names).toHaveValue(`Ikenna Obi\nGrace\n${'A'.repeat(100)}`);
});

test('the organisation’s name for exports is set in Settings by keyboard, checked, and kept', async ({
  app: page,
}) => {
  test.slow();
  // The Exports page says which name will head the document, and leads to where it is set.
  const menu = page.getByRole('navigation', { name: 'Menu' });
  await menu.getByRole('link', { name: 'Exports' }).click();
  await expect(
    page.getByText('The document will be headed “NHS Foundation Trust”, a general name'),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Set it in Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  const form = page.getByRole('form', { name: 'Your organisation' });
  await expect(form).toContainText('None has been set yet, so exports say “NHS Foundation Trust”.');
  const name = form.getByRole('textbox', { name: 'Organisation name' });
  await expect(name).toHaveValue('');

  // Saving nothing: an error summary that links to the box.
  const save = form.getByRole('button', { name: 'Save organisation name' });
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'Check what you entered' });
  await expect(summary).toContainText('Enter your organisation’s name');
  await expect(name).toHaveAttribute('aria-describedby', /error/);
  await expectNoAxeViolations(page, 'the settings page with no organisation name');
  await summary.getByRole('link', { name: 'Enter your organisation’s name' }).click();
  await expect(name).toBeFocused();

  await page.keyboard.type('The Royal Marsden  NHS Foundation Trust');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toHaveText(
    'Saved. Exports from now on say “The Royal Marsden NHS Foundation Trust”.',
  );
  await expect(name).toHaveValue('The Royal Marsden NHS Foundation Trust');
  await expect(summary).toHaveCount(0);
  await expectNoAxeViolations(page, 'the settings page with an organisation name');

  await page.reload();
  await expect(name).toHaveValue('The Royal Marsden NHS Foundation Trust');
  await expect(form).toContainText('Exports now say “The Royal Marsden NHS Foundation Trust”.');

  await menu.getByRole('link', { name: 'Exports' }).click();
  await expect(
    page.getByText('The document will be headed “The Royal Marsden NHS Foundation Trust”.'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Change this in Settings' })).toBeVisible();
});
