// A tagged observation (its kind, who it came from, the words, one theme and the confirmed
// sentiment) takes at most 12 key presses besides the words. Every press is counted by wrapping
// the keyboard; the words are typed, and not counted. The kind stays in view while typing, kind
// and "from whom" never carry over unless chosen, every choice has its own letter, and each part
// of the app is one shortcut away.
import type { Page } from '@playwright/test';
import { callHost, expect, expectNoAxeViolations, test, type BrowserHost } from './fixtures';
import { areaInput, kindRadio, observationsHeading, startRound, textBox } from './helpers';

const BUDGET = 12;

/** Counts every page.keyboard.press from now on. */
function countPresses(page: Page): { count: () => number; reset: () => void } {
  const press = page.keyboard.press.bind(page.keyboard);
  let presses = 0;
  page.keyboard.press = async (key, options) => {
    presses += 1;
    await press(key, options);
  };
  return { count: () => presses, reset: () => (presses = 0) };
}

const choiceLine = (page: Page) => page.locator('.pxr-capture__choice');
const sourceRadio = (page: Page, label: string) =>
  page.getByRole('group', { name: 'Who was it from?' }).getByRole('radio', { name: label });

type Saved = {
  text: string;
  kind: string;
  source: string;
  tags: { frameworkId: string; tagId: string }[];
  sentimentConfirmed: string | null;
};

async function savedObservations(host: BrowserHost, roundId: string): Promise<Saved[]> {
  const answer = (await callHost(host, 'rounds:get', { roundId })) as { value: { observations: Saved[] } };
  return answer.value.observations;
}

/**
 * One tagged observation from where a new one starts (the cursor on its kind): Q or H, then the
 * source's letter, the words, Tab to the tag picker, the start of the theme and Enter, Tab past
 * the chosen tag and the equality question to the sentiment, its letter, Ctrl+Enter.
 */
async function captureTagged(
  page: Page,
  o: { kind: string; kindLabel: string; source: string; words: string; theme: string; sentiment: string },
) {
  await page.keyboard.press(o.kind);
  await expect(kindRadio(page, o.kindLabel)).toBeChecked();
  await page.keyboard.press(o.source);
  await expect(textBox(page)).toBeFocused();
  await page.keyboard.type(o.words);
  // The kind stays in view beside the box while typing.
  await expect(choiceLine(page)).toContainText(o.kindLabel);
  await expect(choiceLine(page)).toBeInViewport();
  // Tags open as soon as the words are saved, which happens as they are typed.
  const picker = page.getByRole('combobox', { name: /Add a tag/ });
  await expect(picker).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(picker).toBeFocused();
  for (const letter of o.theme) await page.keyboard.press(letter);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Remove Listen and learn/ })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(
    page.getByRole('group', { name: 'Confirm or change the sentiment' }).getByRole('radio').first(),
  ).toBeFocused();
  await page.keyboard.press(o.sentiment);
  await expect(page.getByRole('radio', { name: 'Positive' })).toBeChecked();
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
  await page.keyboard.press('Control+Enter');
}

test('a tagged observation takes at most 12 key presses besides the words, from the first in an area and from the next', async ({
  app: page,
  host,
}) => {
  test.slow();
  const roundUrl = await startRound(page);
  const roundId = roundUrl.slice(roundUrl.lastIndexOf('/') + 1);
  const keys = countPresses(page);

  // Adding an area leaves the cursor on the new observation's kind.
  await areaInput(page).fill('Ward 5');
  await page.keyboard.press('Enter');
  await expect(kindRadio(page, 'Heard')).toBeFocused();
  await expectNoAxeViolations(page, 'the round page, ready to capture');

  keys.reset();
  await captureTagged(page, {
    kind: 'q',
    kindLabel: 'Quote',
    source: 'p',
    words: 'The night staff checked on me every hour.',
    theme: 'lis',
    sentiment: 'p',
  });
  await expect(observationsHeading(page, 1)).toBeVisible();
  const first = keys.count();
  expect(first, 'key presses for the first tagged observation in an area').toBeLessThanOrEqual(BUDGET);

  // The next one starts from scratch, at its kind: nothing carried over without saying so.
  await expect(kindRadio(page, 'Heard')).toBeFocused();
  await expect(kindRadio(page, 'Heard')).toBeChecked();
  await expect(sourceRadio(page, 'Patient')).toBeChecked();
  await expect(choiceLine(page)).toHaveText('Recording as: Heard, from a patient');

  keys.reset();
  await captureTagged(page, {
    kind: 'h',
    kindLabel: 'Heard',
    source: 'i',
    words: 'Lovely calm ward, the tea came round twice.',
    theme: 'lis',
    sentiment: 'p',
  });
  await expect(observationsHeading(page, 2)).toBeVisible();
  const second = keys.count();
  expect(second, 'key presses for the next tagged observation').toBeLessThanOrEqual(BUDGET);
  test
    .info()
    .annotations.push({ type: 'key presses', description: `${first} and ${second} (budget ${BUDGET})` });

  const saved = await savedObservations(host, roundId);
  const byText = (text: string) => saved.find((o) => o.text === text);
  expect(byText('The night staff checked on me every hour.')).toMatchObject({
    kind: 'quote',
    source: 'patient',
    tags: [expect.objectContaining({ tagId: 'listen-and-learn' })],
    sentimentConfirmed: 'positive',
  });
  expect(byText('Lovely calm ward, the tea came round twice.')).toMatchObject({
    kind: 'heard',
    source: 'visitor',
    tags: [expect.objectContaining({ tagId: 'listen-and-learn' })],
    sentimentConfirmed: 'positive',
  });
});

test('kind and from whom carry over only when chosen, and then visibly; every choice shows its own letter', async ({
  app: page,
}) => {
  await startRound(page);
  await areaInput(page).fill('Outpatients');
  await page.keyboard.press('Enter');
  await expect(kindRadio(page, 'Heard')).toBeFocused();

  // Within each group, every letter shown is different (Volunteer V, Visitor I).
  for (const name of ['What kind of observation?', 'Who was it from?']) {
    const letters = await page.getByRole('group', { name }).locator('.pxr-key').allTextContents();
    expect(letters.length).toBeGreaterThan(3);
    expect(new Set(letters).size, `letters in "${name}"`).toBe(letters.length);
  }
  await expect(page.locator('label', { hasText: 'Visitor' }).locator('.pxr-key')).toHaveText('I');
  await expect(page.locator('label', { hasText: 'Volunteer' }).locator('.pxr-key')).toHaveText('V');

  await page.keyboard.press('q');
  await page.keyboard.press('v');
  await page.keyboard.type('The volunteers’ trolley came round at the right time.');
  await expect(choiceLine(page)).toHaveText('Recording as: Quote, from a volunteer');
  await page.getByLabel('Keep the kind and who it was from for the next observation').check();
  await page.getByRole('button', { name: 'Save and start another' }).click();

  // Kept, because it was chosen: the line beside the box says so, and the cursor is in the box.
  await expect(textBox(page)).toBeFocused();
  await expect(textBox(page)).toHaveValue('');
  await expect(kindRadio(page, 'Quote')).toBeChecked();
  await expect(choiceLine(page)).toHaveText('Recording as: Quote, from a volunteer');
  await expectNoAxeViolations(page, 'the capture form keeping kind and from whom');
});

test('every part of the app is one shortcut away, listed on its own page', async ({ app: page }) => {
  await startRound(page);
  await areaInput(page).fill('Ward 3');
  await page.keyboard.press('Enter');
  await expect(kindRadio(page, 'Heard')).toBeFocused();
  await page.keyboard.press('h');
  await page.keyboard.press('p');
  await expect(textBox(page)).toBeFocused();

  // From the text box, without tabbing back through the header.
  await page.keyboard.press('Alt+Shift+C');
  await expect(kindRadio(page, 'Heard')).toBeFocused();
  const sections: [string, string][] = [
    ['S', 'Search'],
    ['I', 'Insights'],
    ['A', 'Actions'],
    ['T', 'Patient stories'],
    ['E', 'Exports'],
    ['V', 'Verify a signed file'],
    ['G', 'Settings'],
    ['R', 'Rounds'],
  ];
  for (const [letter, heading] of sections) {
    await page.keyboard.press(`Alt+Shift+${letter}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^${heading}`));
  }

  await page.keyboard.press('Alt+Shift+H');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard shortcuts' })).toBeFocused();
  const table = page.getByRole('table', { name: 'Going to a part of PX Rounds' });
  await expect(table.getByRole('row', { name: /Alt \+ Shift \+ S Search/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /Alt \+ Shift \+ C Capture a new observation/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the keyboard shortcuts page');
  // Reachable from the menu too.
  await expect(
    page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Keyboard shortcuts' }),
  ).toHaveAttribute('aria-current', 'page');
});

test('saved observations fold to one line each, and unfold and fold again from the keyboard', async ({
  app: page,
  host,
}) => {
  const roundUrl = await startRound(page);
  const roundId = roundUrl.slice(roundUrl.lastIndexOf('/') + 1);
  const { value: area } = (await callHost(host, 'areas:add', { roundId, name: 'Ward 5 Oncology' })) as {
    value: { areaId: string };
  };
  for (let i = 1; i <= 8; i += 1) {
    await callHost(host, 'observations:create', {
      roundId,
      areaId: area.areaId,
      kind: 'heard',
      source: 'patient',
      text: `Observation ${i}: the nurses explained what would happen next, and the bay was calm and quiet at night, so I slept.`,
      promptId: null,
    });
  }
  await page.reload();
  await expect(observationsHeading(page, 8)).toBeVisible();
  const items = page.getByRole('region', { name: /Observations/ }).locator('ol.pxr-observations > li');
  await expect(items).toHaveCount(8);
  // One line each: eight of them take less room than one unfolded observation used to.
  for (const box of await items.evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().height)))
    expect(box).toBeLessThan(64);
  await expectNoAxeViolations(page, 'the round page with folded observations');

  // By keyboard: the line is a button that unfolds it, to read, tag or edit.
  const line = items.first().getByRole('button', { name: /Observation 8/ });
  await expect(line).toHaveAttribute('aria-expanded', 'false');
  await line.focus();
  await page.keyboard.press('Enter');
  const opened = items.first();
  const fold = opened.locator('.pxr-observation__toggle');
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await expect(fold).toBeFocused();
  await expect(opened.getByRole('button', { name: /^Edit observation/ })).toBeVisible();
  await expect(opened.getByRole('checkbox', { name: /^Needs follow-up/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the round page with one observation unfolded');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(opened.getByRole('button', { name: /^Edit observation/ })).toHaveCount(0);
});
