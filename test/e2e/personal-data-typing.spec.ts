// Personal data is caught while typing (a note under the field within a second) and hidden in
// lists and search results until "Show" is pressed, not only at review.
import { expect, expectNoAxeViolations, test } from './fixtures';
import { addArea, observationList, observationsHeading, startRound, tabTo, textBox } from './helpers';

const WITHIN_A_SECOND = { timeout: 1_000 };

test('an NHS number typed in an observation is noted under the field within a second, and hidden in search results until shown', async ({
  app: page,
}) => {
  await startRound(page, { site: 'Sutton' });
  await addArea(page, 'Ward 5');
  const note = page.locator('#field-text-personal');
  await page.keyboard.type('Mr Jones gave his NHS number 999 000 0018 and said the call bell was slow');
  await expect(note).toContainText('an NHS number', WITHIN_A_SECOND);
  await expect(note).toContainText('“999 000 0018”');
  // Read out with the field, and scanned by axe as the page stands.
  const describedBy = await textBox(page).getAttribute('aria-describedby');
  expect(describedBy).toMatch(/-personal/);
  await expectNoAxeViolations(page, 'the capture form with a personal-data note');
  await page.keyboard.press('Control+Enter');
  // The next observation starts empty, and so does its note.
  await expect(note).toBeEmpty();

  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await page.getByLabel('Words to look for').fill('bell');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const result = page.locator('.pxr-result').first();
  await expect(result).toContainText('[NHS number hidden]');
  await expect(result).not.toContainText('999 000 0018');
  await expectNoAxeViolations(page, 'search results with a detail hidden');
  const show = result.getByRole('button', {
    name: /^Show the personal details in the observation from Ward 5/,
  });
  await show.press('Enter');
  await expect(result).toContainText('999 000 0018');
  await expect(result.getByRole('button', { name: /^Hide/ })).toHaveAttribute('aria-pressed', 'true');
});

test('a postcode typed in a story or an action is noted under the field, and the actions board hides it until shown', async ({
  app: page,
}) => {
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Stories' }).click();
  await page.getByRole('link', { name: 'Write a story' }).click();
  await page.getByLabel('Title').fill('Finding the unit');
  await page.getByLabel('Patient', { exact: true }).check();
  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByRole('button', { name: 'Start writing' }).click();
  const story = page.getByRole('textbox', { name: 'The story', exact: true });
  await story.fill('She lives near SW3 6JJ and you can email her at jo@example.com.');
  const storyNote = page.locator('#field-narrative-personal');
  await expect(storyNote).toContainText('a postcode and an email address', WITHIN_A_SECOND);
  await expect(story).toHaveAttribute('aria-describedby', /field-narrative-personal/);
  await expectNoAxeViolations(page, 'the story text with a personal-data note');
  await story.fill('She found the unit easily.');
  await expect(storyNote).toBeEmpty(WITHIN_A_SECOND);

  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await page.getByRole('link', { name: 'New action' }).click();
  await page.getByLabel('What was said').fill('A visitor from SW3 6JJ could not find parking');
  await expect(page.locator('#field-said-personal')).toContainText('a postcode', WITHIN_A_SECOND);
  await page.getByLabel('What we will do').fill('Put up parking signs');
  await expect(page.locator('#field-willDo-personal')).toBeEmpty();
  await page.getByRole('button', { name: 'Raise the action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Put up parking signs/ })).toBeFocused();

  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'Put up parking signs' });
  await expect(row).toContainText('You said: A visitor from [postcode hidden] could not find parking');
  await expectNoAxeViolations(page, 'the actions board with a detail hidden');
  await row.getByRole('button', { name: /^Show the personal details/ }).click();
  await expect(row).toContainText('A visitor from SW3 6JJ could not find parking');
});

test('an observation’s NHS number is hidden in the round’s folded list until Show is pressed by keyboard', async ({
  app: page,
}) => {
  await startRound(page, { site: 'Sutton' });
  await addArea(page, 'Ward 5');
  await page.keyboard.type('Mr Jones gave his NHS number 999 000 0018 and said the call bell was slow');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 1)).toBeVisible();

  const line = observationList(page).first();
  await expect(line).toContainText('Mr Jones gave his NHS number [NHS number hidden] and said the call bell');
  await expect(line).not.toContainText('999 000 0018');
  // The line's button is named by its words as they are shown, so a screen reader hears no more.
  const fold = line.getByRole('button', { name: /\[NHS number hidden\] and said the call bell was slow$/ });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expectNoAxeViolations(page, 'the round page with a detail hidden in its list');

  const show = line.getByRole('button', {
    name: /^Show the personal details in the observation from \d\d:\d\d, Ward 5/,
  });
  await tabTo(page, show, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(line).toContainText('his NHS number 999 000 0018 and said');
  const hide = line.getByRole('button', { name: /^Hide the personal details/ });
  await expect(hide).toHaveAttribute('aria-pressed', 'true');
  await expect(hide).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(line).not.toContainText('999 000 0018');
  await expectNoAxeViolations(page, 'the round page after showing and hiding a detail');
});
