// The same flow as the browser spec, in the desktop app: start a round, add two areas and
// capture three observations with the keyboard alone, then reload and restart; nothing is lost.
import { expect, test, type Page } from '@playwright/test';
import { ELECTRON_SKIP_REASON, electronBinary, launchApp, prepareNativeModule } from './electron-app';

test.skip(!electronBinary.present, ELECTRON_SKIP_REASON);

test.beforeAll(() => {
  test.setTimeout(10 * 60_000);
  prepareNativeModule();
});

const AREAS = ['Ward 3', 'Outpatients'];
const OBSERVATIONS = [
  'Clean and calm at the entrance; a volunteer greeted us.',
  '“The nurses explain everything before they do it.”',
  'Hand gel dispenser by the lift was empty.',
];

async function expectRoundIntact(page: Page): Promise<void> {
  const areas = page.getByRole('region', { name: 'Areas visited' });
  for (const area of AREAS) await expect(areas.getByText(area, { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Observations (${OBSERVATIONS.length})` })).toBeVisible();
  for (const text of OBSERVATIONS) await expect(page.getByText(text)).toBeVisible();
}

test('a round captured with the keyboard survives a reload and a restart', async () => {
  const dataFolder = test.info().outputPath('data');
  let app = await launchApp(dataFolder);
  try {
    let page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();

    await page.getByRole('link', { name: 'Start a round' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Start a round' })).toBeVisible();
    await page.getByLabel('Site').focus();
    await page.keyboard.type('Chelsea');
    await page.getByLabel('Name of team member 1').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Ann Example');
    await page.getByRole('button', { name: 'Start round' }).focus();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/#\/rounds\/[0-9a-f-]+$/);
    const roundUrl = page.url();
    const areaName = page.locator('#field-area-name');
    for (const area of AREAS) {
      await areaName.focus();
      await page.keyboard.type(area);
      await page.keyboard.press('Enter');
      await expect(
        page.getByRole('region', { name: 'Areas visited' }).getByText(area, { exact: true }),
      ).toBeVisible();
    }

    const text = page.getByLabel('What did you see or hear?');
    for (const [index, observation] of OBSERVATIONS.entries()) {
      await text.focus();
      await page.keyboard.type(observation);
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect(page.getByRole('heading', { name: `Observations (${index + 1})` })).toBeVisible();
    }

    await page.reload();
    await expectRoundIntact(page);

    // A restart proves the wrapped key and the encrypted database reopen, not just the page.
    await app.close();
    app = await launchApp(dataFolder);
    page = await app.firstWindow();
    await page.goto(roundUrl);
    await expectRoundIntact(page);
  } finally {
    await app.close();
  }
});
