import { expect, expectNoAxeViolations, test } from './fixtures';
import { addArea, observationList, observationsHeading, startRound } from './helpers';

test('"You said, we did": flag, raise, assign, complete and feed back; the next round revisits what is still open', async ({
  app: page,
}) => {
  // One journey across two rounds with three axe scans: longer than the default minute on a busy machine.
  test.setTimeout(120_000);
  const firstRound = await startRound(page, { site: 'Chelsea' });
  await addArea(page, 'Ward 3');
  await page.keyboard.type('Nobody explained the discharge letter');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.type('No interpreter leaflets at reception');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 2)).toBeVisible();

  // Flag for follow-up, which brings "Raise an action"; raising goes to the new action.
  const letter = observationList(page).filter({ hasText: 'discharge letter' });
  await expect(letter.getByRole('button', { name: /^Raise an action/ })).toHaveCount(0);
  await letter.getByRole('checkbox', { name: /^Needs follow-up/ }).check();
  await expect(letter.getByRole('checkbox', { name: /^Needs follow-up/ })).toBeChecked();
  await letter.getByRole('button', { name: /^Raise an action/ }).click();
  await expect(page).toHaveURL(/#\/actions\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: /New action/ })).toBeFocused();
  await expect(page.getByText('Nobody explained the discharge letter').first()).toBeVisible();

  // Moving on without an owner is refused, in an error summary linked to the owner's field.
  await page.getByLabel('What we will do').fill('Go through the discharge letter with every patient');
  await page.getByRole('radio', { name: 'Start work (in progress)' }).check();
  await page.getByRole('button', { name: 'Change status' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter who owns this action' })).toBeVisible();
  await expectNoAxeViolations(page, 'the action page with an error');
  await summary.getByRole('link', { name: 'Enter who owns this action' }).click();
  await expect(page.getByLabel('Owner’s name')).toBeFocused();

  await page.getByLabel('Owner’s name').fill('Priya Shah');
  await page.getByLabel('Owner’s role').fill('Ward manager');
  await page.getByRole('radio', { name: 'Mark as done' }).check();
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The status has been changed.' })).toBeVisible();
  await expect(page.locator('.nhsuk-body-l .nhsuk-tag', { hasText: 'Done' })).toBeVisible();

  await page.getByRole('radio', { name: 'People have been told (fed back)' }).check();
  await page.getByRole('radio', { name: 'Ward noticeboard' }).check();
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.locator('.nhsuk-body-l .nhsuk-tag', { hasText: 'Fed back' })).toBeVisible();
  await expect(page.getByText(/People were told by ward noticeboard on/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(3);
  await expectNoAxeViolations(page, 'the action page');

  // A second action from the same round stays open.
  await page.goto(firstRound);
  const leaflets = observationList(page).filter({ hasText: 'interpreter leaflets' });
  await leaflets.getByRole('checkbox', { name: /^Needs follow-up/ }).check();
  await leaflets.getByRole('button', { name: /^Raise an action/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /New action/ })).toBeFocused();
  await page.getByLabel('What we will do').fill('Put interpreter leaflets at reception');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Put interpreter leaflets/ })).toBeVisible();

  // The board: counts per status, each action listed by due date.
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Actions/ })).toBeFocused();
  const counts = page.getByRole('region', { name: 'How many actions are at each stage' });
  await expect(counts.getByRole('definition').nth(0)).toHaveText('1');
  await expect(counts.getByRole('definition').nth(3)).toHaveText('1');
  await expect(page.getByRole('heading', { level: 2, name: '2 actions' })).toBeVisible();
  await page.getByLabel('Status').selectOption('open');
  await page.getByRole('button', { name: 'Show actions' }).click();
  await expect(page).toHaveURL(/#\/actions\?status=open$/);
  await expect(page.getByRole('heading', { level: 2, name: '1 action' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Put interpreter leaflets at reception' })).toBeVisible();
  await expectNoAxeViolations(page, 'the actions board');

  // A new round in the same area asks what the team sees of the action still open.
  await page.getByRole('link', { name: 'Rounds', exact: true }).click();
  await startRound(page, { site: 'Chelsea' });
  await addArea(page, 'Ward 3');
  const prompt = page.getByRole('region', { name: 'Open actions in the areas you are visiting' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('link', { name: 'Put interpreter leaflets at reception' })).toBeVisible();
  await expect(prompt.getByText(/discharge letter/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'the round page with the revisit prompt');

  await prompt.getByRole('button', { name: /^Record what you saw/ }).click();
  await expect(prompt.getByText('Choose what you saw')).toBeVisible();
  await prompt.getByRole('radio', { name: 'Still an issue' }).check();
  await prompt.getByLabel('Note (optional)').fill('Still no leaflets in Polish');
  await prompt.getByRole('button', { name: /^Record what you saw/ }).click();
  await expect(prompt.getByText(/Recorded: still an issue/)).toBeVisible();
  await expect(observationsHeading(page, 1)).toBeVisible();
  await page.reload();
  await expect(observationsHeading(page, 1)).toBeVisible();
});
