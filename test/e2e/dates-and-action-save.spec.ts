// Dates are typed as day, month and year (the GOV.UK date input), and the error says what is wrong
// with them; the action page has one way to save; Enter on its status radios with nothing chosen
// does not submit.
import { expect, expectNoAxeViolations, test } from './fixtures';
import { dateGroup, expectDate } from './date-helpers';

test('a due date is typed in day, month and year boxes; 31012027 is 31 January 2027; a missing year or an unreal date is named', async ({
  app: page,
}) => {
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await page.getByRole('link', { name: 'New action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New action' })).toBeFocused();
  await page.getByLabel('What was said').fill('Nobody could find the day unit');
  await page.getByLabel('What we will do').fill('Put up signs to the day unit');

  const due = dateGroup(page, 'Due date (optional)');
  await expect(due.getByLabel('Day')).toHaveAttribute('inputmode', 'numeric');

  // The year is left out: the summary and the field both say so, and the link lands in the boxes.
  await due.getByLabel('Day').fill('31');
  await due.getByLabel('Month').fill('1');
  await page.getByRole('button', { name: 'Raise the action' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Due date must include a year' })).toBeVisible();
  await expect(due.locator('.nhsuk-error-message')).toHaveText('Error: Due date must include a year');
  await expect(due.getByLabel('Year')).toHaveClass(/nhsuk-input--error/);
  await expect(due.getByLabel('Day')).not.toHaveClass(/nhsuk-input--error/);
  await expectNoAxeViolations(page, 'the new action form with a date error');
  await summary.getByRole('link', { name: 'Due date must include a year' }).click();
  await expect(due.getByLabel('Day')).toBeFocused();

  // 31 February is not a date.
  await due.getByLabel('Month').fill('2');
  await due.getByLabel('Year').fill('2027');
  await page.getByRole('button', { name: 'Raise the action' }).click();
  await expect(summary.getByRole('link', { name: 'Due date must be a real date' })).toBeVisible();
  await expect(page).toHaveURL(/#\/actions\/new$/);

  // Typed as one run of digits into the day box, as the walk did, it is 31 January 2027.
  await due.getByLabel('Day').fill('31012027');
  await expectDate(page, 'Due date (optional)', '2027-01-31');
  await page.getByRole('button', { name: 'Raise the action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Put up signs to the day unit/ })).toBeFocused();
  await expect(page.locator('.nhsuk-body-l')).toContainText('Due 31 January 2027');
  await expectNoAxeViolations(page, 'the action page');
});

test('the action page saves one way, as fields are typed; a half-typed due date says what is missing and is not saved', async ({
  app: page,
}) => {
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await page.getByRole('link', { name: 'New action' }).click();
  await page.getByLabel('What was said').fill('The water jug was out of reach');
  await page.getByLabel('What we will do').fill('Check jugs are within reach at every round');
  await page.getByRole('button', { name: 'Raise the action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Check jugs/ })).toBeFocused();

  // One way to save: there is no button that saves the same fields a second way.
  await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0);

  const due = dateGroup(page, 'Due date');
  await due.getByLabel('Day').fill('12');
  await due.getByLabel('Month').fill('3');
  await page.getByLabel('What we did').focus();
  await expect(due.locator('.nhsuk-error-message')).toHaveText('Error: Due date must include a year');
  await expect(page.locator('.nhsuk-body-l')).not.toContainText('Due');
  await expectNoAxeViolations(page, 'the action page with a half-typed due date');

  await due.getByLabel('Year').fill('2031');
  await expect(due.locator('.nhsuk-error-message')).toHaveCount(0);
  await expect(page.locator('.nhsuk-body-l')).toContainText('Due 12 March 2031');
  await page.reload();
  await expectDate(page, 'Due date', '2031-03-12');
});

test('Enter on the status radios with nothing chosen does not submit; Space chooses and the button changes it', async ({
  app: page,
}) => {
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await page.getByRole('link', { name: 'New action' }).click();
  await page.getByLabel('What was said').fill('Call bells went unanswered at night');
  await page.getByLabel('What we will do').fill('Review night staffing on the ward');
  await page.getByLabel('Owner’s name (optional)').fill('Sam Patel');
  await page.getByRole('button', { name: 'Raise the action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Review night staffing/ })).toBeFocused();

  const first = page.getByRole('group', { name: 'What happens next?' }).getByRole('radio').first();
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.nhsuk-error-summary')).toHaveCount(0);
  await expect(first).toBeFocused();
  await expect(first).not.toBeChecked();

  await page.keyboard.press('Space');
  await expect(first).toBeChecked();
  await page.getByRole('button', { name: 'Change status' }).press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'The status has been changed.' })).toBeVisible();
  await expectNoAxeViolations(page, 'the action page after a status change');
});
