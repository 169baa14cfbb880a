import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, projectRoot, test } from './fixtures';
import { addArea, observationList, observationsHeading, startRound, textBox } from './helpers';

// The README's picture of the round page. Written only on request, so a normal test run never
// changes a tracked file: PXR_UPDATE_SCREENSHOTS=1 npx playwright test round-screenshot
test('the round page, as the README shows it', async ({ app: page }) => {
  await startRound(page, { site: 'Chelsea', lead: 'Ann Example' });
  await addArea(page, 'Outpatients');
  await page.getByLabel('Quote').check();
  await textBox(page).fill('“The volunteers at the front desk made me feel welcome straight away.”');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 1)).toBeVisible();
  await addArea(page, 'Ward 3');
  await page.getByLabel('Environment').check();
  await page.getByLabel('Not applicable').check();
  await textBox(page).fill(
    'Calm and clean. Hand gel at every bay; the noticeboard shows this week’s staffing.',
  );
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 2)).toBeVisible();
  await page.getByLabel('Heard').check();
  await page.getByLabel('Carer or family').check();
  await textBox(page).fill('A daughter said the nurses always explain what happens next');
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();

  if (process.env.PXR_UPDATE_SCREENSHOTS === '1') {
    await mkdir(join(projectRoot, 'docs'), { recursive: true });
    // From the header down to the newest observation; no mouse hover left on a control.
    await page.mouse.move(0, 0);
    await page.evaluate('window.scrollTo(0, 0)'); // so the box below is in page coordinates
    const newest = await observationList(page).first().boundingBox();
    await page.screenshot({
      path: join(projectRoot, 'docs', 'screenshot-round.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: Math.ceil((newest?.y ?? 2000) + (newest?.height ?? 0) + 24) },
    });
  }
});
