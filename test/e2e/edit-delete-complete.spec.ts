import { expect, test } from './fixtures';
import {
  addArea,
  saveAndHearNext,
  observationList,
  openObservation,
  observationsHeading,
  startRound,
  textBox,
} from './helpers';

test('an observation can be edited in the form and deleted after confirming, until the round is completed', async ({
  app: page,
}) => {
  await startRound(page);
  await addArea(page, 'Ward 3');
  await saveAndHearNext(page, 'Curtains were always drawn for privacy');
  await page.keyboard.type('Call bells answered quickly');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 2)).toBeVisible();

  // Edit loads it into the form; what is typed updates it rather than making a new one.
  const curtains = await openObservation(page, 'Curtains');
  await curtains.getByRole('button', { name: /^Edit/ }).click();
  await expect(page.getByRole('heading', { name: /^Edit observation from \d\d:\d\d$/ })).toBeVisible();
  await expect(textBox(page)).toBeFocused();
  await expect(textBox(page)).toHaveValue('Curtains were always drawn for privacy');
  await page.keyboard.press('End');
  await page.keyboard.type(' and dignity');
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
  await page.getByRole('button', { name: 'Save and start another' }).click();
  await expect(page.getByRole('heading', { name: 'Capture an observation' })).toBeVisible();
  await expect(observationsHeading(page, 2)).toBeVisible();
  await expect(observationList(page).filter({ hasText: 'privacy and dignity' })).toHaveCount(1);

  // Delete asks first; "No, keep it" keeps it.
  const bells = await openObservation(page, 'Call bells');
  await bells.getByRole('button', { name: /^Delete/ }).click();
  await expect(
    bells.locator('p', {
      hasText: /^Delete this observation from \d\d:\d\d, “[^”]+”\? This cannot be undone\.$/,
    }),
  ).toBeFocused();
  await bells.getByRole('button', { name: 'No, keep it' }).click();
  await expect(observationsHeading(page, 2)).toBeVisible();
  await bells.getByRole('button', { name: /^Delete/ }).click();
  await bells.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(observationsHeading(page, 1)).toBeFocused();
  await page.reload();
  await expect(observationsHeading(page, 1)).toBeVisible();

  // Completing asks first, then locks the round: no form, no edit or delete, a notice instead.
  await page.getByRole('button', { name: 'Complete round' }).click();
  await expect(page.getByRole('heading', { name: /Complete this round\?/ })).toBeFocused();
  await page.getByRole('button', { name: 'Yes, complete the round' }).click();
  const notice = page.getByText(/This round was completed on .* It can no longer be changed/);
  await expect(notice).toBeVisible();
  await expect(page.locator('#round-locked')).toBeFocused();
  await expect(page.getByRole('definition').getByText('Completed', { exact: true })).toBeVisible();
  await expect(textBox(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Edit|Delete)/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Complete round' })).toHaveCount(0);

  await page.reload();
  await expect(notice).toBeVisible();
  await expect(textBox(page)).toHaveCount(0);
});
