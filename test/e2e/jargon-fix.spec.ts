// Jargon found by the plain-language check in an observation is fixed with one key while the
// round is open; once the round is completed its words are fixed, and at review the same key puts
// the plain words in what is signed and exported instead.
import { expect, expectNoAxeViolations, test } from './fixtures';
import type { Page } from '@playwright/test';
import { addArea, observationsHeading, openObservation, startRound, textBox } from './helpers';

/** A new round with one observation in Ward 3 that uses two terms of jargon. */
async function roundWithJargon(page: Page): Promise<void> {
  await startRound(page);
  await addArea(page, 'Ward 3');
  await textBox(page).fill('The MDT never explained her TTO.');
  await textBox(page).press('Control+Enter');
  await expect(observationsHeading(page, 1)).toBeVisible();
}

test('an observation’s jargon is replaced with its plain words by one key while the round is open, and not after it is completed', async ({
  app: page,
}) => {
  await roundWithJargon(page);

  const item = await openObservation(page);
  await item.getByRole('button', { name: /^Check personal details and jargon/ }).click();
  const replaceMdt = item.getByRole('button', { name: 'Replace MDT with ‘team of specialists’' });
  await replaceMdt.focus();
  await page.keyboard.press('Enter');
  await expect(item.getByText('“MDT” was replaced with “team of specialists”.')).toBeFocused();
  await expect(item.getByText('The team of specialists never explained her TTO.')).toBeVisible();
  await expect(replaceMdt).toHaveCount(0);
  await expect(item.getByRole('button', { name: 'Replace TTO with ‘medicines to take home’' })).toBeVisible();
  await expectNoAxeViolations(page, 'an observation after a jargon fix');

  await page.getByRole('button', { name: 'Complete round' }).click();
  await page.getByRole('button', { name: 'Yes, complete the round' }).click();
  await expect(page.getByText(/This round was completed on/)).toBeVisible();
  const done = await openObservation(page);
  const toggle = done.getByRole('button', { name: /^Check personal details and jargon/ });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await expect(done.getByText(/“TTO”: try/)).toBeVisible();
  await expect(done.getByRole('button', { name: /^Replace TTO/ })).toHaveCount(0);
});

test('at review, one key puts the plain words in what is signed, says so where the focus lands, and is gone once signed off', async ({
  app: page,
}) => {
  await roundWithJargon(page);
  await page.getByRole('button', { name: 'Complete round' }).click();
  await page.getByRole('button', { name: 'Yes, complete the round' }).click();
  await page.getByRole('link', { name: 'Review and sign off' }).click();

  const plain = page.getByRole('region', { name: 'Plain language check' });
  const replaceMdt = plain.getByRole('button', { name: /^Replace MDT with ‘team of specialists’ in / });
  await expectNoAxeViolations(page, 'the review with jargon to replace');
  await replaceMdt.focus();
  await page.keyboard.press('Enter');
  const chosen = plain.getByText(/^“MDT” will read “team of specialists” in what is signed and exported/);
  await expect(chosen).toBeFocused();
  await expect(chosen).toContainText('The record itself keeps “MDT”.');
  await expect(replaceMdt).toHaveCount(0);
  await expect(
    plain.getByRole('button', { name: /^Replace TTO with ‘medicines to take home’/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the review after a jargon fix');

  // The record keeps what was written; the reload shows the choice is kept.
  await page.reload();
  await expect(plain.getByText(/^“MDT” will read “team of specialists”/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Personal details check' })).toContainText(
    'nothing is waiting for a decision',
  );

  // The round page's own check says so too, beside the words the record keeps.
  await page.getByRole('link', { name: 'Back to the round' }).click();
  const item = await openObservation(page);
  await expect(item.locator('.pxr-observation__text')).toHaveText('The MDT never explained her TTO.');
  await item.getByRole('button', { name: /^Check personal details and jargon/ }).click();
  await expect(
    item.getByText(/^“MDT” will read “team of specialists” in what is signed and exported/),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the round page saying which words will be replaced');
  await page.getByRole('link', { name: 'Review and sign off' }).click();

  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByLabel('Your role').fill('Governor');
  await page.getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Signed off' })).toBeFocused();
  await expect(plain.getByText(/^“MDT” will read “team of specialists”/)).toBeVisible();
  await expect(plain.getByRole('button', { name: /^Replace/ })).toHaveCount(0);
});
