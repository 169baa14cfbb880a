import { expect, test } from './fixtures';
import {
  areaInput,
  observationList,
  observationsHeading,
  openStartRoundByKeyboard,
  tabTo,
  textBox,
} from './helpers';

// Everything here is done with keys only: no clicks, no fill(). Focus is moved with Tab, choices
// with arrow keys and first letters, as a keyboard or switch user would.
test('starts a round, adds two areas and three observations using the keyboard only, and finds them all after a reload', async ({
  app: page,
}) => {
  await openStartRoundByKeyboard(page);
  await tabTo(page, page.getByRole('button', { name: 'Add another team member' }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Name of team member 2')).toBeFocused();
  await page.keyboard.type('Sam Escort');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Role of team member 2')).toBeFocused();
  await page.keyboard.type('Staff');
  await expect(page.getByLabel('Role of team member 2')).toHaveValue('staff_escort');
  await tabTo(page, page.getByRole('radio', { name: '15 Steps Challenge' }));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /IHI/ })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Start round' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: /Sutton/ })).toBeFocused();
  await expect(page.getByText('Sam Escort, Staff escort')).toBeVisible();

  // First area: typing its name and Enter puts the cursor on the observation's kind.
  await tabTo(page, areaInput(page));
  await page.keyboard.type('Ward 3');
  await page.keyboard.press('Enter');

  // 1: something seen, from no one in particular. The cursor is on the kind; each letter picks
  // its option and moves the cursor on, to who it was from and then to the text box.
  await expect(page.getByRole('radio', { name: 'Heard' })).toBeFocused();
  await page.keyboard.press('s');
  await expect(page.getByRole('radio', { name: 'Seen' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Patient' })).toBeFocused();
  await page.keyboard.press('n');
  await expect(page.getByRole('radio', { name: 'Not applicable' })).toBeChecked();
  await expect(textBox(page)).toBeFocused();
  await page.keyboard.type('Hand gel at every bay and in use.');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 1)).toBeVisible();

  // 2: a direct quote from a patient, same area. Nothing carries over: the cursor is back on the
  // kind, which starts again from "Heard".
  await expect(page.getByRole('radio', { name: 'Heard' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Heard' })).toBeChecked();
  await expect(textBox(page)).toHaveValue('');
  await page.keyboard.press('q');
  await expect(page.getByRole('radio', { name: 'Quote' })).toBeChecked();
  await page.keyboard.press('p');
  await expect(textBox(page)).toBeFocused();
  await page.keyboard.type('The night staff checked on me every hour.');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 2)).toBeVisible();

  // Second area, then 3: heard from a visitor (V is Volunteer; Visitor has its own letter, I).
  await tabTo(page, areaInput(page), { backwards: true });
  await page.keyboard.type('Outpatients');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'Heard' })).toBeFocused();
  await expect(page.getByLabel('Area', { exact: true })).toHaveValue(/.+/);
  await page.keyboard.press('h');
  await page.keyboard.press('i');
  await expect(page.getByRole('radio', { name: 'Visitor' })).toBeChecked();
  await expect(textBox(page)).toBeFocused();
  await page.keyboard.type('Parking was hard to find.');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 3)).toBeVisible();

  const expectRoundIntact = async () => {
    const areas = page.getByRole('region', { name: 'Areas visited' });
    await expect(areas.getByText('Ward 3', { exact: true })).toBeVisible();
    await expect(areas.getByText('Outpatients', { exact: true })).toBeVisible();
    await expect(observationsHeading(page, 3)).toBeVisible();
    // Newest first.
    const items = observationList(page);
    await expect(items.nth(0)).toContainText('Parking was hard to find.');
    // Each folded to one line: kind, time, area, from whom, then the words.
    await expect(items.nth(0).getByRole('paragraph').first()).toHaveText(
      /^Heard \d\d:\d\d, Outpatients, from visitor: Parking was hard to find\.$/,
    );
    await expect(items.nth(1)).toContainText('The night staff checked on me every hour.');
    await expect(items.nth(1).getByRole('paragraph').first()).toHaveText(
      /^Quote \d\d:\d\d, Ward 3, from patient: The night staff checked on me every hour\.$/,
    );
    await expect(items.nth(2)).toContainText('Hand gel at every bay and in use.');
    await expect(items.nth(2).getByRole('paragraph').first()).toHaveText(
      /^Seen \d\d:\d\d, Ward 3: Hand gel at every bay and in use\.$/,
    );
  };
  await expectRoundIntact();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Sutton/ })).toBeVisible();
  await expectRoundIntact();
  await expect(page.getByText('Question set')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Prompts: IHI/ })).toBeVisible();
});
