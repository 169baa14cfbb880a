import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import {
  addArea,
  saveAndHearNext,
  openObservation,
  observationsHeading,
  startRound,
  tabTo,
  textBox,
} from './helpers';

// Every screen and state a person can reach, scanned with axe for WCAG 2.2 AA.
test('every screen passes an axe scan: home, start a round (with errors), round with observations, completed round', async ({
  app: page,
}) => {
  // Eight full axe scans take a while on a two-core machine.
  test.setTimeout(180_000);
  await expect(page.getByText('You have not started any rounds yet.')).toBeVisible();
  await expectNoAxeViolations(page, 'home, no rounds yet');

  await page.getByRole('link', { name: 'Start a round' }).click();
  await expect(page.getByRole('radio', { name: '15 Steps Challenge' })).toBeVisible();
  await expectNoAxeViolations(page, 'start a round');

  await page.getByLabel('Site').fill('');
  await page.getByLabel('Name of team member 1').fill('');
  await page.getByRole('button', { name: 'Add another team member' }).click();
  await page.getByRole('button', { name: 'Start round' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Check what you entered' })).toBeVisible();
  await expectNoAxeViolations(page, 'start a round, with errors shown');

  await page.goto(page.url().replace(/#.*$/, '#/'));
  await startRound(page);
  await expectNoAxeViolations(page, 'round page, no areas yet');
  await addArea(page, 'Ward 3');
  await page.getByLabel('Quote').check();
  await textBox(page).focus();
  await saveAndHearNext(page, 'Everyone introduced themselves');
  await page.keyboard.type('The day room was tidy');
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
  await expect(observationsHeading(page, 2)).toBeVisible();
  await expectNoAxeViolations(page, 'round page with observations');
  await openObservation(page, 'Everyone introduced themselves');
  await expectNoAxeViolations(page, 'round page with an observation unfolded');

  await page
    .getByRole('button', { name: /^Delete observation/ })
    .first()
    .click();
  await expectNoAxeViolations(page, 'round page, confirming a delete');
  await page.getByRole('button', { name: 'No, keep it' }).click();

  await page.getByRole('button', { name: 'Complete round' }).click();
  await expectNoAxeViolations(page, 'round page, confirming completion');
  await page.getByRole('button', { name: 'Yes, complete the round' }).click();
  await expect(textBox(page)).toHaveCount(0);
  await expectNoAxeViolations(page, 'completed round');

  await page.getByRole('link', { name: 'Back to rounds' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page, 'home, with rounds');
});

async function horizontalOverflow(page: Page): Promise<number> {
  const overflow: unknown = await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  return Number(overflow);
}

// 200% zoom of a 1280 pixel wide window lays pages out in 640 CSS pixels; WCAG's reflow
// criterion asks for 320 (400% zoom) without scrolling in two directions.
for (const width of [640, 320]) {
  test(`pages reflow without sideways scrolling at ${width} CSS pixels wide`, async ({ app: page }) => {
    await startRound(page);
    await addArea(page, 'Chemotherapy day unit');
    await page.keyboard.type(
      'A long observation that has to wrap onto several lines when the screen is narrow.',
    );
    await page.keyboard.press('Control+Enter');
    await expect(observationsHeading(page, 1)).toBeVisible();

    await page.setViewportSize({ width, height: 450 });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    // Tags and sentiment of that observation, with the type-ahead list open.
    await openObservation(page);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: /^Tags and sentiment/ }).click();
    await page.getByRole('combobox', { name: 'Add a tag' }).fill('people');
    await expect(page.getByRole('listbox', { name: 'Tags' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: '1 observation found' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Insights', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Who we heard from' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Show as a table' }).click();
    await expect(page.getByRole('table', { name: /^Observations by theme and sentiment/ })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Rounds', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Start a round' })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Start a round' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Start a round' })).toBeVisible();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  });
}

test('focus is always visible: fields and buttons get the NHS yellow focus style', async ({ app: page }) => {
  await startRound(page);
  await addArea(page, 'Ward 3');
  await expect(textBox(page)).toBeFocused();
  await expect(textBox(page)).toHaveCSS('outline-color', 'rgb(255, 235, 59)');
  const button = page.getByRole('button', { name: 'Save and start another' });
  await tabTo(page, button);
  await expect(button).toHaveCSS('background-color', 'rgb(255, 235, 59)');
});
