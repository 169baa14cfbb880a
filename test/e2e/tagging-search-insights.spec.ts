import type { Page } from '@playwright/test';
import { callHost, expect, expectNoAxeViolations, roundInArea, test } from './fixtures';
import {
  areaInput,
  heardFromPatient,
  kindRadio,
  openObservation,
  observationsHeading,
  openStartRoundByKeyboard,
  tabTo,
  textBox,
} from './helpers';

const WORDS = 'We waited an hour for an interpreter and nobody told us why';

const combobox = (page: Page) => page.getByRole('combobox', { name: 'Add a tag' });
const listbox = (page: Page) => page.getByRole('listbox', { name: 'Tags' });
const suggestion = (page: Page, name: RegExp) => page.getByRole('button', { name });
const impactGroup = (page: Page, group: string) => page.getByRole('group', { name: `Impact for ${group}` });
const chosenThemes = (page: Page) => page.getByRole('list', { name: 'Tagged with' });

type Stored = {
  ok: true;
  value: {
    observations: {
      id: string;
      tags: { tagId: string; impact: string | null }[];
      equalityStatus: string;
      sentimentSuggested: string | null;
      sentimentConfirmed: string | null;
      fftAnswer: string | null;
    }[];
  };
};

/** Starts a round and adds its first area with the keyboard alone. */
async function startRoundByKeyboard(page: Page): Promise<string> {
  await openStartRoundByKeyboard(page);
  await tabTo(page, page.getByRole('button', { name: 'Start round' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Sutton/ })).toBeFocused();
  await tabTo(page, areaInput(page));
  await page.keyboard.type('Ward 3');
  await page.keyboard.press('Enter');
  await heardFromPatient(page);
  return page.url().slice(page.url().lastIndexOf('/') + 1);
}

test('tags an observation with the keyboard alone, then finds it in search and counts it in insights', async ({
  app: page,
  host,
}) => {
  // Four axe scans and a long keyboard journey, on a two-core machine that may be busy.
  test.setTimeout(300_000);
  const roundId = await startRoundByKeyboard(page);

  // Capture: typing saves it, and suggestions appear; nothing is tagged by them.
  await page.keyboard.type(WORDS);
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
  await expect(
    suggestion(page, /^Suggested: People who do not speak English well — from “interpreter”/),
  ).toBeVisible();
  await expect(suggestion(page, /^Suggested: Access — from “waited”/)).toBeVisible();
  await expect(page.getByText('Suggested sentiment: Negative')).toBeVisible();
  await expect(page.locator('mark.pxr-driver--negative')).toHaveText([
    'waited',
    'hour',
    'an interpreter',
    'nobody told',
  ]);
  await expect(chosenThemes(page)).toHaveCount(0);

  // Accept a suggestion with one key: it is an equality group, so its impact is asked for at once.
  await tabTo(page, suggestion(page, /^Suggested: People who do not speak English well/));
  await page.keyboard.press('Enter');
  const limitedEnglish = impactGroup(page, 'People who do not speak English well');
  await expect(limitedEnglish.getByRole('radio', { name: 'Positive' })).toBeFocused();
  await page.keyboard.press('n');
  await expect(limitedEnglish.getByRole('radio', { name: 'Negative' })).toBeChecked();
  await expect(suggestion(page, /^Suggested: People who do not speak English well/)).toHaveCount(0);

  // Two themes through the type-ahead: typing highlights the first match, Enter adds it.
  await tabTo(page, combobox(page), { backwards: true });
  await page.keyboard.type('effect');
  await expect(listbox(page).getByRole('option', { name: /^Effectiveness/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(combobox(page)).toBeFocused();
  await expect(combobox(page)).toHaveValue('');
  await expect(listbox(page)).toBeHidden();
  await page.keyboard.type('trust');
  await page.keyboard.press('ArrowDown'); // from "Confidence and trust" (the first match)…
  await page.keyboard.press('ArrowUp'); // …and back
  await expect(listbox(page).getByRole('option', { name: 'Confidence and trust' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await page.keyboard.press('Enter');
  await expect(chosenThemes(page).getByRole('listitem')).toHaveText([
    /^Effectiveness/,
    /^Confidence and trust/,
  ]);

  // Escape closes the list, a second Escape clears what was typed.
  await page.keyboard.type('car');
  await expect(listbox(page)).toBeVisible();
  await expectNoAxeViolations(page, 'capture form with the tag picker open');
  await page.keyboard.press('Escape');
  await expect(listbox(page)).toBeHidden();
  await expect(combobox(page)).toHaveValue('car');
  await page.keyboard.press('Escape');
  await expect(combobox(page)).toHaveValue('');

  // An equality group from the picker, with its impact.
  await page.keyboard.type('carers');
  await page.keyboard.press('Enter');
  const carers = impactGroup(page, 'Carers');
  await expect(carers.getByRole('radio', { name: 'Positive' })).toBeFocused();
  // Neutral has its own letter, shown beside it: E (N is Negative's).
  await expect(carers.locator('label', { hasText: 'Neutral' }).locator('.pxr-key')).toHaveText('E');
  await page.keyboard.press('e');
  await expect(carers.getByRole('radio', { name: 'Neutral' })).toBeChecked();

  // Override the suggested sentiment, and give the Friends and Family Test answer.
  const sentiment = page.getByRole('group', { name: 'Confirm or change the sentiment' });
  await tabTo(page, sentiment.getByRole('radio', { name: 'Positive' }));
  await page.keyboard.press('m');
  await expect(sentiment.getByRole('radio', { name: 'Mixed' })).toBeChecked();
  await tabTo(page, page.getByLabel('Friends and Family Test answer (optional)'));
  await page.keyboard.type('Poor');
  await expect(page.getByLabel('Friends and Family Test answer (optional)')).toHaveValue('poor');
  await expect(page.getByRole('status')).toHaveText(/^Saved at \d\d:\d\d$/);

  // What the database holds, asked directly.
  const stored = (await callHost(host, 'rounds:get', { roundId })) as Stored;
  const saved = stored.value.observations[0];
  expect(saved?.tags.map((t) => [t.tagId, t.impact]).sort()).toEqual([
    ['carers', 'neutral'],
    ['confidence-and-trust', null],
    ['effectiveness', null],
    ['limited-english', 'negative'],
  ]);
  expect(saved).toMatchObject({
    equalityStatus: 'recorded',
    sentimentSuggested: 'negative',
    sentimentConfirmed: 'mixed',
    fftAnswer: 'poor',
  });

  // Finish it: the list shows its tags, impacts and which sentiment is confirmed.
  await page.keyboard.press('Control+Enter');
  await expect(kindRadio(page, 'Heard')).toBeFocused();
  await expect(observationsHeading(page, 1)).toBeVisible();
  const item = await openObservation(page);
  await expect(item).toContainText('Mixed (confirmed; the app suggested negative)');
  await expect(item).toContainText('People who do not speak English well — negative impact');
  await expect(item).toContainText('Carers — neutral impact');
  await expect(item.getByRole('listitem').filter({ hasText: 'Effectiveness' })).toBeVisible();

  // Search by a word of its text: the word is highlighted in the snippet.
  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search observations' })).toBeFocused();
  await page.getByLabel('Words to look for').fill('interpreter');
  await page.getByLabel('Words to look for').press('Enter');
  const results = page.getByRole('region', { name: /found$/ });
  await expect(page.getByRole('heading', { level: 2, name: '1 observation found' })).toBeFocused();
  await expect(results.locator('mark')).toHaveText('interpreter');
  await expectNoAxeViolations(page, 'search with results');

  // …and by a filter alone: the equality group, then a sentiment it does not have.
  await page.getByLabel('Words to look for').fill('');
  await page.getByLabel('Equality group').selectOption({ label: 'Carers' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '1 observation found' })).toBeVisible();
  await expect(page).toHaveURL(/#\/search\?group=equality-groups%2Fcarers$/);
  await page.getByLabel('Sentiment (confirmed, or else suggested)').selectOption({ label: 'Positive' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No observations found' })).toBeVisible();
  await page.getByLabel('Sentiment (confirmed, or else suggested)').selectOption({ label: 'Mixed' });
  await page.getByLabel('Theme').selectOption({ label: 'Effectiveness' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a theme or an equality group, not both');
  await page.getByLabel('Equality group').selectOption({ label: 'Any group' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '1 observation found' })).toBeVisible();

  // The result opens the observation in its round, in view and focused.
  await results.getByRole('link', { name: /^Ward 3, Sutton/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Sutton/ })).toBeVisible();
  await expect(page.locator(`#observation-${saved?.id ?? ''}`)).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: '1 observation found' })).toBeVisible();
  await expect(page.getByLabel('Theme')).toHaveValue('trust-key-themes/effectiveness');

  // Insights for the current quarter: theme counts, coverage, agreement.
  await page.getByRole('link', { name: 'Insights', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Insights' })).toBeFocused();
  await expect(page.getByText(/all sites: 1 observation\.$/)).toBeVisible();
  const chart = page.getByRole('img', {
    name: /^Bar chart of observations by theme and sentiment/,
  });
  await expect(chart).toHaveAttribute('aria-label', /Access: 0; Effectiveness: 1 \(1 mixed\);/);
  await expectNoAxeViolations(page, 'insights, chart view');
  await page.getByRole('button', { name: 'Show as a table' }).click();
  const themes = page.getByRole('table', { name: /^Observations by theme and sentiment/ });
  const effectiveness = themes.getByRole('row', { name: /^Effectiveness/ });
  await expect(effectiveness.getByRole('cell')).toHaveText([
    'Positive 0',
    'Negative 0',
    'Mixed 1',
    'Neutral 0',
    'Not rated 0',
    'Total 1',
  ]);

  const never = page.getByRole('list', { name: 'Never heard from in this period' });
  await expect(never.getByText('Age', { exact: true })).toBeVisible();
  await expect(never.getByText('Carers', { exact: true })).toHaveCount(0);
  const coverage = page.getByRole('table', { name: /^Observations heard from or about each group/ });
  await expect(coverage.getByRole('row', { name: /^Age Never heard from/ })).toBeVisible();
  const carersRow = coverage.getByRole('row', { name: /^Carers/ });
  await expect(carersRow.getByRole('cell')).toHaveText(['Total 1', 'Ward 3 1', 'Impact 1 neutral']);
  await page.getByLabel('Show counts as they would appear in exports').check();
  await expect(carersRow.getByRole('cell')).toHaveText([
    'Total fewer than 5',
    'Ward 3 fewer than 5',
    'Impact 1 neutral',
  ]);
  await expect(page.getByText('Agreement: 0.00 — slight agreement')).toBeVisible();
  await expect(page.getByText('People checked 1 suggestion and changed 1 of them.')).toBeVisible();
  await expectNoAxeViolations(page, 'insights, table view');
});

test('a completed round can still be tagged from its list of observations, and its text cannot change', async ({
  app: page,
}) => {
  await startRoundByKeyboard(page);
  await page.keyboard.type('The hearing loop at reception was switched off');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 1)).toBeVisible();
  await page.getByRole('button', { name: 'Complete round' }).click();
  await page.getByRole('button', { name: 'Yes, complete the round' }).click();
  await expect(textBox(page)).toHaveCount(0);

  const item = await openObservation(page);
  await expect(item).toContainText('Negative (suggested, not yet confirmed)');
  await expect(item).toContainText(/Equality groups\s*Not recorded/);
  const toggle = item.getByRole('button', { name: /^Tags and sentiment/ });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await item.getByRole('button', { name: /^Suggested: Disability — from “hearing loop”/ }).click();
  await item
    .getByRole('group', { name: 'Impact for Disability' })
    .getByRole('radio', { name: 'Negative' })
    .check();
  await item
    .getByRole('group', { name: 'Confirm or change the sentiment' })
    .getByRole('radio', { name: 'Mixed' })
    .check();
  await expect(item.getByRole('status')).toHaveText(/^Saved at \d\d:\d\d$/);
  await item.getByRole('button', { name: /^Done/ }).click();
  await expect(toggle).toBeFocused();
  await expect(item).toContainText('Mixed (confirmed; the app suggested negative)');
  await expect(item).toContainText('Disability — negative impact');

  await page.reload();
  await expect(await openObservation(page)).toContainText('Disability — negative impact');
  await expect(page.getByRole('button', { name: /^(Edit|Delete)/ })).toHaveCount(0);
});

test('"None applies" is kept as an answer, and a tag of your own can be made from the picker', async ({
  app: page,
  host,
}) => {
  const roundId = await startRoundByKeyboard(page);
  await page.keyboard.type('Lunch arrived cold again');
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
  await page
    .getByRole('group', { name: 'Equality groups' })
    .getByRole('radio', { name: 'None applies' })
    .check();
  await combobox(page).fill('Food and drink');
  await expect(
    listbox(page).getByRole('option', { name: 'Add your own tag “Food and drink”' }),
  ).toBeVisible();
  await combobox(page).press('ArrowDown');
  await expect(
    listbox(page).getByRole('option', { name: 'Add your own tag “Food and drink”' }),
  ).toHaveAttribute('aria-selected', 'true');
  await combobox(page).press('Enter');
  await expect(chosenThemes(page).getByRole('listitem')).toHaveText([/^Food and drink/]);
  await expect(page.getByRole('status')).toHaveText(/^Saved at \d\d:\d\d$/);

  // Removing it from the keyboard puts focus back in the picker.
  await chosenThemes(page).getByRole('button', { name: 'Remove Food and drink' }).focus();
  await page.keyboard.press('Enter');
  await expect(combobox(page)).toBeFocused();
  await expect(chosenThemes(page)).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText(/^Saved at \d\d:\d\d$/);

  const stored = (await callHost(host, 'rounds:get', { roundId })) as Stored;
  expect(stored.value.observations[0]).toMatchObject({ tags: [], equalityStatus: 'none_applies' });
  // The tag of one's own stays available for the next observation.
  await combobox(page).fill('food');
  await expect(listbox(page).getByRole('option', { name: 'Food and drink' })).toBeVisible();
});

test('search shows twenty results a page, with the page in the address so Back returns to it', async ({
  app: page,
  host,
}) => {
  // Made through the app's own channels: this test is about paging, not capturing.
  const { observe } = await roundInArea(host, 'Chelsea', 'Day unit');
  for (let n = 1; n <= 25; n += 1) await observe(`Call bell number ${n} was answered quickly`);

  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await page.getByLabel('Words to look for').fill('bell');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: '25 observations found' })).toBeFocused();
  await expect(page.getByText('Showing 1 to 20 of 25')).toBeVisible();
  await expect(page.locator('.pxr-result')).toHaveCount(20);
  const pages = page.getByRole('navigation', { name: 'Pages of results' });
  await pages.getByRole('link', { name: /^Next/ }).click();
  await expect(page.getByText('Showing 21 to 25 of 25')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '25 observations found' })).toBeFocused();
  await expect(page).toHaveURL(/#\/search\?q=bell&page=2$/);
  await expect(pages.getByRole('link', { name: /^Next/ })).toHaveCount(0);
  await page.goBack();
  await expect(page.getByText('Showing 1 to 20 of 25')).toBeVisible();
});

test('search past 200 matches says "more than 200" and shows the newest first', async ({
  app: page,
  host,
}) => {
  // Two hundred and five observations are made through the host first, one by one.
  test.slow();
  const { observe } = await roundInArea(host, 'Kingston', 'Ward 3');
  for (let n = 1; n <= 205; n += 1) await observe(`The porter was kind on visit ${n}`);

  await page.getByRole('link', { name: 'Search', exact: true }).click();
  await page.getByLabel('Words to look for').fill('porter');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'More than 200 observations found' }),
  ).toBeFocused();
  await expect(page.getByText('Showing 1 to 20 of more than 200, newest first.')).toBeVisible();
  await expect(page.locator('.pxr-result').first()).toContainText('visit 205');
  const pages = page.getByRole('navigation', { name: 'Pages of results' });
  await expect(pages.getByRole('link', { name: /^Next/ })).toContainText('Page 2');
  await expectNoAxeViolations(page, 'search past the count cap');
});
