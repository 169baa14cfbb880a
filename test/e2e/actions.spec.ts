import { callHost, expect, expectNoAxeViolations, test } from './fixtures';
import { fillDate } from './date-helpers';
import { addArea, saveAndHearNext, openObservation, observationsHeading, startRound, tabTo } from './helpers';

test('"You said, we did": flag, raise, assign, complete and feed back; the next round revisits what is still open', async ({
  app: page,
}) => {
  // One journey across two rounds with three axe scans: longer than the default minute on a busy machine.
  test.setTimeout(180_000);
  const firstRound = await startRound(page, { site: 'Chelsea' });
  await addArea(page, 'Ward 3');
  await saveAndHearNext(page, 'Nobody explained the discharge letter');
  await page.keyboard.type('No interpreter leaflets at reception');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 2)).toBeVisible();

  // Flag for follow-up, which brings "Raise an action"; raising goes to the new action.
  const letter = await openObservation(page, 'discharge letter');
  await expect(letter.getByRole('button', { name: /^Raise an action/ })).toHaveCount(0);
  await letter.getByRole('checkbox', { name: /^Needs follow-up/ }).check();
  await expect(letter.getByRole('checkbox', { name: /^Needs follow-up/ })).toBeChecked();
  await letter.getByRole('button', { name: /^Raise an action/ }).click();
  await expect(page).toHaveURL(/#\/actions\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: /New action/ })).toBeFocused();
  await expect(page.getByText('Nobody explained the discharge letter').first()).toBeVisible();

  // Moving on without an owner is refused, in an error summary linked to the owner's field.
  await page.getByLabel('What we will do').fill('Go through the discharge letter with every patient');
  await page.getByRole('radio', { name: 'Start work (in progress)' }).check();
  await page.getByRole('button', { name: 'Change status' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter who owns this action' })).toBeVisible();
  await expectNoAxeViolations(page, 'the action page with an error');
  await summary.getByRole('link', { name: 'Enter who owns this action' }).click();
  await expect(page.getByLabel('Owner’s name')).toBeFocused();

  await page.getByLabel('Owner’s name').fill('Priya Shah');
  await page.getByLabel('Owner’s role').fill('Ward manager');
  await page.getByRole('radio', { name: 'Mark as done' }).check();
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The status has been changed.' })).toBeVisible();
  await expect(page.locator('.nhsuk-body-l .nhsuk-tag', { hasText: 'Done' })).toBeVisible();

  await page.getByRole('radio', { name: 'People have been told (fed back)' }).check();
  await page.getByRole('radio', { name: 'Ward noticeboard' }).check();
  await page.getByRole('button', { name: 'Change status' }).click();
  await expect(page.locator('.nhsuk-body-l .nhsuk-tag', { hasText: 'Fed back' })).toBeVisible();
  await expect(page.getByText(/People were told by ward noticeboard on/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(3);
  await expectNoAxeViolations(page, 'the action page');

  // A second action from the same round stays open.
  await page.goto(firstRound);
  const leaflets = await openObservation(page, 'interpreter leaflets');
  await leaflets.getByRole('checkbox', { name: /^Needs follow-up/ }).check();
  await leaflets.getByRole('button', { name: /^Raise an action/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /New action/ })).toBeFocused();
  await page.getByLabel('What we will do').fill('Put interpreter leaflets at reception');
  await expect(page.getByRole('heading', { level: 1, name: /Put interpreter leaflets/ })).toBeVisible();

  // The board: counts per status, each action listed by due date.
  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Actions/ })).toBeFocused();
  const counts = page.getByRole('region', { name: 'How many actions are at each stage' });
  await expect(counts.getByRole('definition').nth(0)).toHaveText('1');
  await expect(counts.getByRole('definition').nth(3)).toHaveText('1');
  await expect(page.getByRole('heading', { level: 2, name: '2 actions' })).toBeVisible();
  await page.getByLabel('Status').selectOption('open');
  await page.getByRole('button', { name: 'Show actions' }).click();
  await expect(page).toHaveURL(/#\/actions\?status=open$/);
  await expect(page.getByRole('heading', { level: 2, name: '1 action' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Put interpreter leaflets at reception' })).toBeVisible();
  await expectNoAxeViolations(page, 'the actions board');

  // A new round in the same area asks what the team sees of the action still open.
  await page.getByRole('link', { name: 'Rounds', exact: true }).click();
  await startRound(page, { site: 'Chelsea' });
  await addArea(page, 'Ward 3');
  const prompt = page.getByRole('region', { name: 'Open actions in the areas you are visiting' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('link', { name: 'Put interpreter leaflets at reception' })).toBeVisible();
  await expect(prompt.getByText(/discharge letter/)).toHaveCount(0);
  await expectNoAxeViolations(page, 'the round page with the revisit prompt');

  await prompt.getByRole('button', { name: /^Record what you saw/ }).click();
  await expect(prompt.getByText('Choose what you saw')).toBeVisible();
  await prompt.getByRole('radio', { name: 'Still an issue' }).check();
  await prompt.getByLabel('Note (optional)').fill('Still no leaflets in Polish');
  await prompt.getByRole('button', { name: /^Record what you saw/ }).click();
  await expect(prompt.getByText(/Recorded: still an issue/)).toBeVisible();
  await expect(observationsHeading(page, 1)).toBeVisible();
  await page.reload();
  await expect(observationsHeading(page, 1)).toBeVisible();
});

/** Today on the trust's calendar, as a date box wants it. */
const londonToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const dayBefore = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
};

test('an action raised on its own can change area and tags, and once past due is marked overdue wherever it is listed', async ({
  app: page,
  host,
}) => {
  // Four axe scans, the board, a round and insights, with days passing: the longest journey here.
  test.setTimeout(180_000);
  const round = await startRound(page, { site: 'Chelsea' });
  await addArea(page, 'Ward 3');
  await addArea(page, 'Day Unit');

  await page.getByRole('link', { name: 'Actions', exact: true }).click();
  await page.getByRole('link', { name: 'New action' }).click();
  await expect(page).toHaveURL(/#\/actions\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'New action' })).toBeFocused();
  await expectNoAxeViolations(page, 'the new action form');

  // Nothing typed: both required answers are asked for, each linked from the summary.
  await page.getByRole('button', { name: 'Raise the action' }).click();
  const summary = page.locator('.nhsuk-error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Enter what was said' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Enter what we will do' })).toBeVisible();
  await expectNoAxeViolations(page, 'the new action form with errors');

  const today = londonToday();
  await page.getByLabel('What was said').fill('Visitors cannot find the day unit from the car park');
  await page.getByLabel('What we will do').fill('Put up signs from the car park');
  await page.getByLabel('Owner’s name (optional)').fill('Sam Patel');
  await page.getByLabel('Area (optional)').selectOption({ label: 'Ward 3, Chelsea' });
  // A due date before the day it is raised is refused, and nothing is made.
  await fillDate(page, 'Due date (optional)', dayBefore(today));
  await page.getByRole('button', { name: 'Raise the action' }).click();
  await expect(
    summary.getByRole('link', { name: 'The due date cannot be before the day the action was raised' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/#\/actions\/new$/);
  await fillDate(page, 'Due date (optional)', today);
  await page.getByRole('button', { name: 'Raise the action' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Put up signs from the car park/ })).toBeFocused();
  await expect(page.getByText('Raised on its own, not from an observation or story.')).toBeVisible();
  await expect(page.locator('.nhsuk-body-l .nhsuk-tag', { hasText: 'Overdue' })).toHaveCount(0);

  // It belongs to the day unit really: a new area, saved with the rest.
  await expect(page.getByLabel('Area', { exact: true })).toHaveValue(/.+/);
  await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Day Unit, Chelsea' });
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(page.locator('.nhsuk-body-l')).toContainText('Day Unit, Chelsea');

  // Tags with the same picker as observations, saved as they are chosen.
  const tags = page.getByRole('region', { name: 'Themes and equality tags' });
  await tags.getByRole('combobox', { name: /Add a tag/ }).fill('Access');
  await tags.getByRole('combobox', { name: /Add a tag/ }).press('Enter');
  await expect(tags.getByRole('button', { name: /Remove Access/ })).toBeVisible();
  await expect(tags.getByRole('status')).toHaveText(/^Saved at/);
  await expectNoAxeViolations(page, 'the action page with its tag picker');
  await page.reload();
  await expect(
    page
      .getByRole('region', { name: 'Themes and equality tags' })
      .getByRole('button', { name: /Remove Access/ }),
  ).toBeVisible();

  // Two days on, it is overdue: said in words on the action, the board and the round page.
  await host.advanceClock(2);
  await page.reload();
  await expect(page.locator('.nhsuk-body-l .nhsuk-tag', { hasText: 'Overdue' })).toBeVisible();
  await expectNoAxeViolations(page, 'an overdue action');

  await page.getByRole('link', { name: 'Back to actions' }).click();
  await expect(page.getByRole('row', { name: /Put up signs/ }).getByText('Overdue')).toBeVisible();
  const counts = page.getByRole('region', { name: 'How many actions are at each stage' });
  await expect(counts.getByRole('definition').nth(4)).toHaveText('1');
  await page.getByLabel('Area').selectOption({ label: 'Day Unit, Chelsea' });
  await page.getByLabel('Overdue only').check();
  await page.getByRole('button', { name: 'Show actions' }).click();
  await expect(page).toHaveURL(/area=[0-9a-f-]+&overdue=1$/);
  await expect(page.getByRole('heading', { level: 2, name: '1 action' })).toBeVisible();
  // The address changes before the page has followed it (and set its form from it), so a choice
  // made in that moment is redone until the board shows it.
  await expect(async () => {
    await page.getByLabel('Area').selectOption({ label: 'Ward 3, Chelsea' });
    await page.getByRole('button', { name: 'Show actions' }).click();
    await expect(page.getByRole('heading', { level: 2, name: '0 actions' })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByText('No actions match these filters.')).toBeVisible();

  // The board by keyboard alone: a filter changed and applied, then an action opened.
  await page.getByLabel('Area').selectOption({ label: 'Day Unit, Chelsea' });
  await page.getByLabel('Area').focus();
  await tabTo(page, page.getByLabel('Overdue only'));
  await page.keyboard.press('Space');
  await expect(page.getByLabel('Overdue only')).not.toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Show actions' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/actions\?area=[0-9a-f-]+$/);
  const link = page.getByRole('link', { name: 'Put up signs from the car park' });
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Put up signs/ })).toBeFocused();

  // The period's figures on the insights screen count it as raised and overdue.
  await page.getByRole('link', { name: 'Insights', exact: true }).click();
  const panel = page.getByRole('region', { name: 'You said, we did' });
  await expect(panel.getByRole('definition').nth(0)).toHaveText('1');
  await expect(panel.getByRole('definition').nth(3)).toHaveText('1');
  await expect(panel.getByText(/No action was fed back in this period/)).toBeVisible();

  await page.goto(round);
  const prompt = page.getByRole('region', { name: 'Open actions in the areas you are visiting' });
  await expect(
    prompt.getByRole('listitem').filter({ hasText: 'Put up signs' }).getByText('Overdue'),
  ).toBeVisible();
});

test('a story raises an action in one step, lists it with its state, and a withdrawn story offers none', async ({
  app: page,
  host,
}) => {
  test.setTimeout(120_000);
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Stories' }).click();
  await page.getByRole('link', { name: 'Write a story' }).click();
  await page.getByLabel('Title').fill('Waiting for scan results');
  await page.getByLabel('Patient', { exact: true }).check();
  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByRole('button', { name: 'Start writing' }).click();
  await expect(page).toHaveURL(/#\/stories\/[0-9a-f-]+\?step=text$/);
  const storyUrl = page.url().replace(/\?.*$/, '');
  await page
    .getByRole('textbox', { name: 'The story', exact: true })
    .fill('Nobody told me when my scan results would come, so I rang every day.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await page.getByRole('link', { name: 'Back to all steps' }).click();

  const fromStory = page.getByRole('region', { name: 'Actions from this story' });
  await expect(fromStory.getByText('No action has been raised from this story.')).toBeVisible();
  await fromStory.getByRole('button', { name: 'Raise an action from this story' }).click();
  await expect(page).toHaveURL(/#\/actions\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: /New action/ })).toBeFocused();
  await expect(page.getByText('From a story', { exact: false })).toBeVisible();
  await expect(page.getByText(/so I rang every day/).first()).toBeVisible();
  await page.getByLabel('What we will do').fill('Tell every patient when to expect results');
  await fillDate(page, 'Due date', londonToday());
  await expect(page.getByRole('heading', { level: 1, name: /Tell every patient/ })).toBeVisible();

  // Back on the story: the action is listed with its status; once past due, as overdue.
  await page.goto(storyUrl);
  const listed = page.getByRole('region', { name: 'Actions from this story' }).getByRole('listitem');
  await expect(listed).toHaveCount(1);
  await expect(listed.getByRole('link', { name: 'Tell every patient when to expect results' })).toBeVisible();
  await expect(listed.getByText('Open', { exact: true })).toBeVisible();
  await expect(listed.getByText('Overdue')).toHaveCount(0);
  await host.advanceClock(1);
  await page.reload();
  await expect(listed.getByText('Overdue')).toBeVisible();
  await expectNoAxeViolations(page, 'the story page with its actions');

  // Consent withdrawn: the story's words are kept out of use, so no new action is offered.
  const storyId = storyUrl.slice(storyUrl.lastIndexOf('/') + 1);
  await callHost(host, 'stories:record-consent', {
    id: storyId,
    givenOn: dayBefore(londonToday()),
    method: 'written',
    recordedBy: 'Ann Example',
    scopes: ['peig'],
    identity: 'anonymised',
  });
  await callHost(host, 'stories:withdraw-consent', { id: storyId, withdrawnOn: londonToday() });
  await page.reload();
  const withdrawn = page.getByRole('region', { name: 'Actions from this story' });
  await expect(withdrawn.getByText(/Consent for this story was withdrawn/)).toBeVisible();
  await expect(withdrawn.getByRole('button', { name: 'Raise an action from this story' })).toHaveCount(0);
});

test('a second observation saying the same joins the open action, which then shows both', async ({
  app: page,
}) => {
  test.setTimeout(120_000);
  const round = await startRound(page, { site: 'Chelsea' });
  await addArea(page, 'Ward 3');
  await saveAndHearNext(page, 'The bay door is too heavy to open from a wheelchair');
  await page.keyboard.type('I could not get through the bay door on my own');
  await page.keyboard.press('Control+Enter');
  await expect(observationsHeading(page, 2)).toBeVisible();

  const first = await openObservation(page, 'too heavy');
  await first.getByRole('checkbox', { name: /^Needs follow-up/ }).check();
  await first.getByRole('button', { name: /^Raise an action/ }).click();
  await page.getByLabel('What we will do').fill('Fit an automatic opener to the bay door');
  await expect(page.getByRole('heading', { level: 1, name: /Fit an automatic opener/ })).toBeVisible();

  await page.goto(round);
  const second = await openObservation(page, 'on my own');
  await second.getByRole('checkbox', { name: /^Needs follow-up/ }).check();
  const choice = second.getByLabel(/^Or add it to an open action in this area/);
  await expect(choice).toHaveValue(/.+/);
  await expect(choice.locator('option')).toHaveText(['Fit an automatic opener to the bay door']);
  await expectNoAxeViolations(page, 'the round page offering an open action');
  await second.getByRole('button', { name: /^Add to this action/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Fit an automatic opener/ })).toBeFocused();
  const said = page.getByRole('region', { name: 'What was said' });
  await expect(said.getByText('From an observation', { exact: false })).toHaveCount(2);
  await expect(said.getByText('I could not get through the bay door on my own')).toBeVisible();
});
