// An observation gets the same personal-details and plain-language check as a story.
import { expect, expectNoAxeViolations, test } from './fixtures';
import { addArea, openObservation, observationsHeading, startRound, textBox } from './helpers';

test('an observation can be checked for personal details and jargon, and a finding redacted or kept', async ({
  app: page,
}) => {
  await startRound(page);
  await addArea(page, 'Ward 3');
  await textBox(page).fill('Mrs Patel in bay 4 said the MDT never explained her TTO.');
  await textBox(page).press('Control+Enter');
  await expect(observationsHeading(page, 1)).toBeVisible();

  const item = await openObservation(page);
  const toggle = item.getByRole('button', { name: /^Check personal details and jargon/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const finding = (words: string) => item.locator('.pxr-finding').filter({ hasText: `“${words}”` });
  await expect(finding('Mrs Patel')).toContainText('in the observation');
  await expect(finding('bay 4')).toBeVisible();
  await expect(item.getByText(/“MDT”: try/)).toBeVisible();
  await expectNoAxeViolations(page, 'an observation with its check open');

  await item.getByRole('button', { name: 'Redact “bay 4”' }).click();
  await expect(item.locator('.pxr-observation__text')).toHaveText(/\[bed number removed\]/);
  await expect(item.locator('.pxr-observation__text')).not.toContainText('bay 4');

  await item.getByRole('button', { name: 'Keep “Mrs Patel”' }).click();
  await item.getByLabel('Why can “Mrs Patel” stay in?').fill('She asked for her name to be passed on');
  await item.getByRole('button', { name: 'Keep it' }).click();
  await expect(item.getByText('No personal details are waiting for a decision.')).toBeVisible();

  await page.reload();
  await expect((await openObservation(page)).locator('.pxr-observation__text')).not.toContainText('bay 4');
});
