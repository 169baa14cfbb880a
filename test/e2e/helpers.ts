// Steps the specs share, written as a person would do them.
import { expect, type Locator, type Page } from '@playwright/test';

/** Presses Tab (or Shift+Tab) until the element has focus: how a keyboard user gets there. */
export async function tabTo(
  page: Page,
  target: Locator,
  options: { backwards?: boolean } = {},
): Promise<void> {
  const key = options.backwards === true ? 'Shift+Tab' : 'Tab';
  for (let presses = 0; presses < 80; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`Could not reach ${target.toString()} with ${key}`);
}

/** Opens "Start a round" and fills the site and the first team member, with the keyboard alone. */
export async function openStartRoundByKeyboard(page: Page): Promise<void> {
  await tabTo(page, page.getByRole('link', { name: 'Start a round' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Start a round' })).toBeFocused();
  await tabTo(page, page.getByLabel('Site'));
  await page.keyboard.type('Sutton');
  await tabTo(page, page.getByLabel('Name of team member 1'));
  await page.keyboard.type('Ann Example');
}

export const textBox = (page: Page) => page.getByLabel('What did you see or hear?');
export const areaInput = (page: Page) =>
  page.getByLabel(/Which area are you visiting first\?|Add the next area/);
export const observationsHeading = (page: Page, count: number) =>
  page.getByRole('heading', { level: 2, name: `Observations (${count})` });
/** The observations themselves, not the lists of tags inside them. */
export const observationList = (page: Page) =>
  page.getByRole('region', { name: /Observations/ }).locator('ol.pxr-observations > li');

/**
 * Saved observations are folded to one line each: unfolds the one with these words (the first,
 * when none are given) by its line's button, and returns it.
 */
export async function openObservation(page: Page, hasText?: string | RegExp): Promise<Locator> {
  const items = observationList(page);
  const item = hasText === undefined ? items.first() : items.filter({ hasText });
  const fold = item.locator('.pxr-observation__toggle');
  if ((await fold.getAttribute('aria-expanded')) === 'false') await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  return item;
}

/** Starts a round through the form (not a keyboard-only test) and waits for the round page. */
export async function startRound(
  page: Page,
  options: { site?: string; lead?: string } = {},
): Promise<string> {
  await page.getByRole('link', { name: 'Start a round' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start a round' })).toBeVisible();
  await page.getByLabel('Site').fill(options.site ?? 'Chelsea');
  await page.getByLabel('Name of team member 1').fill(options.lead ?? 'Ann Example');
  await page.getByRole('button', { name: 'Start round' }).click();
  await expect(page).toHaveURL(/#\/rounds\/[0-9a-f-]+$/);
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(options.site ?? 'Chelsea') }),
  ).toBeFocused();
  return page.url();
}

/** The kind's radio for `label`, in the capture form. */
export const kindRadio = (page: Page, label: string) =>
  page.getByRole('group', { name: 'What kind of observation?' }).getByRole('radio', { name: label });

/**
 * A new observation starts with the cursor on its kind: H and P make it something heard from a
 * patient, each letter moving the cursor on, so it ends in the text box.
 */
export async function heardFromPatient(page: Page): Promise<void> {
  await expect(kindRadio(page, 'Heard')).toBeFocused();
  await page.keyboard.press('h');
  await page.keyboard.press('p');
  await expect(textBox(page)).toBeFocused();
}

/** Adds an area; the next observation is made something heard from a patient, cursor in its text. */
export async function addArea(page: Page, name: string): Promise<void> {
  await areaInput(page).fill(name);
  await areaInput(page).press('Enter');
  await expect(
    page.getByRole('region', { name: 'Areas visited' }).getByText(name, { exact: true }),
  ).toBeVisible();
  await heardFromPatient(page);
}

/** Types `text` into the open observation, saves it with Ctrl+Enter and starts the next one, heard from a patient. */
export async function saveAndHearNext(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await heardFromPatient(page);
}
