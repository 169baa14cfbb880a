// What a first-time user met on the review and story pages: each observation's "Where they are"
// box shows its own text with the findings marked, under a label of its own; observations from
// the same minute have different names; the focus goes somewhere sensible after each decision
// and each recorded step; where a story may be used is one choice, never two that contradict;
// and a new action saves its fields as they are typed, with no second way to save.
import { callHost, expect, expectNoAxeViolations, test } from './fixtures';
import { seedConsentScopes } from './seed-export';
import { expectDate, fillDate } from './date-helpers';
import { goToStoryStep } from './story-steps';
import { addArea, saveAndHearNext, observationList, openObservation, startRound } from './helpers';

const FIRST = 'A carer asked us to ring her on 07700 900123 about the parking permit.';
const SECOND = 'The porter gave his own number 07700 900456 to a worried son.';

test('the review shows each observation’s text with its findings marked, under labels of their own', async ({
  app: page,
}) => {
  test.slow();
  await startRound(page, { site: 'Sutton', lead: 'Ann Example' });
  await addArea(page, 'Ward 5 Oncology');
  await saveAndHearNext(page, FIRST);
  await page.keyboard.type(SECOND);
  await page.keyboard.press('Control+Enter');

  // On the round page, the two observations' controls are told apart by their first words.
  await openObservation(page, 'A carer asked');
  await openObservation(page, 'The porter gave');
  const edits = observationList(page).getByRole('button', { name: /^Edit/ });
  await expect(edits).toHaveCount(2);
  const names = await edits.evaluateAll((buttons) => buttons.map((b) => b.textContent ?? ''));
  expect(names.toSorted()).toEqual([
    expect.stringMatching(/^Edit observation from \d\d:\d\d, “A carer asked us to ring…”$/),
    expect.stringMatching(/^Edit observation from \d\d:\d\d, “The porter gave his own number…”$/),
  ]);

  await page.getByRole('button', { name: 'Complete round' }).click();
  await page.getByRole('button', { name: 'Yes, complete the round' }).click();
  await page.getByRole('link', { name: 'Review and sign off' }).click();

  const checks = page.getByRole('region', { name: 'Personal details check' });
  const headings = checks.getByRole('heading', { level: 3, name: /^Ward 5 Oncology/ });
  await expect(headings).toHaveCount(2);
  await expect(headings.nth(0)).toHaveText(
    /^Ward 5 Oncology · heard · \d\d:\d\d · “A carer asked us to ring…”$/,
  );
  await expect(headings.nth(1)).toHaveText(/“The porter gave his own number…”$/);

  // Each box shows its observation's own text, with the finding marked.
  const boxes = checks.getByRole('region', { name: /with personal details marked/ });
  await expect(boxes).toHaveCount(2);
  await expect(boxes.nth(0)).toContainText('A carer asked us to ring her on');
  await expect(boxes.nth(0)).toContainText('about the parking permit.');
  await expect(boxes.nth(0).locator('mark')).toHaveText(/07700 900123/);
  await expect(boxes.nth(1)).toContainText('The porter gave his own number');
  await expect(boxes.nth(1).locator('mark')).toHaveText(/07700 900456/);
  // Two landmarks with one label was the one axe violation (landmark-unique).
  await expectNoAxeViolations(page, 'the review with two observations’ findings');

  // Keep: the question why gets the focus; Cancel gives it back to Keep.
  await checks.getByRole('button', { name: 'Keep “07700 900123”' }).click();
  await expect(checks.getByLabel('Why can “07700 900123” stay in?')).toBeFocused();
  await checks.getByRole('button', { name: 'Cancel' }).click();
  await expect(checks.getByRole('button', { name: 'Keep “07700 900123”' })).toBeFocused();

  // Redact: the observation leaves the list, and the focus goes to what is left to decide.
  await checks.getByRole('button', { name: 'Redact “07700 900123”' }).click();
  await expect(checks.getByText(/^Checked 2 observations: 1 observation has possible/)).toBeFocused();

  // Keep with a reason: the same.
  await checks.getByRole('button', { name: 'Keep “07700 900456”' }).click();
  await checks.getByLabel('Why can “07700 900456” stay in?').fill('The son asked for it to be noted');
  await checks.getByRole('button', { name: 'Keep it' }).click();
  await expect(checks.getByText('Checked 2 observations: nothing is waiting for a decision.')).toBeFocused();
});

test('a story’s consent is one choice of use; recording consent, read-back and approval keep the focus', async ({
  app: page,
}) => {
  test.slow();
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Stories' }).click();
  await page.getByRole('link', { name: 'Write a story' }).click();
  await page.getByLabel('Title').fill('Help with parking');
  await page.getByLabel('Patient', { exact: true }).check();
  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByRole('button', { name: 'Start writing' }).click();
  await page
    .getByRole('textbox', { name: 'The story', exact: true })
    .fill('The staff helped me find parking.');
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();

  // Uses are levels: choosing a wider one unchooses "PEIG only"; both can never be chosen.
  await goToStoryStep(page, 'Consent');
  const consent = page.getByRole('form', { name: 'Record consent' });
  const uses = consent.getByRole('group', { name: 'Where may the story be used?' });
  await uses.getByLabel(/Only the Patient Experience and Inclusion Group/).check();
  await uses.getByLabel(/Inside the trust/).check();
  await expect(uses.getByLabel(/Only the Patient Experience and Inclusion Group/)).not.toBeChecked();
  await expect(uses.getByRole('radio', { checked: true })).toHaveCount(1);
  await consent.getByLabel('Verbally').check();
  await consent.getByLabel(/^Anonymised/).check();
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByText('Consent recorded.')).toBeFocused();
  await expect(
    page.getByRole('region', { name: 'Consent' }).getByText('Inside the trust (PEIG included)'),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the story with consent recorded');

  await goToStoryStep(page, 'Read back');
  const readBack = page.getByRole('form', { name: 'Record the read-back' });
  await readBack.getByLabel('By phone').check();
  await readBack.getByRole('button', { name: 'Record read-back' }).click();
  await expect(page.getByText('Read-back recorded.')).toBeFocused();

  await goToStoryStep(page, 'Approve');
  await page.getByRole('button', { name: 'Approve story' }).click();
  await expect(page.getByText('Story approved.')).toBeFocused();
});

test('a new action has one way to save: its fields autosave, it stays “New action” until it says what we will do, and the observation stays flagged and links to it', async ({
  app: page,
  host,
}) => {
  await startRound(page, { site: 'Sutton', lead: 'Ann Example' });
  await addArea(page, 'Ward 3');
  await page.keyboard.type('Nobody explained the discharge letter');
  await page.keyboard.press('Control+Enter');
  const letter = await openObservation(page, 'discharge letter');
  await letter.getByRole('checkbox', { name: /^Needs follow-up/ }).check();
  const roundPage = page.url();
  await letter.getByRole('button', { name: /^Raise an action/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /New action/ })).toBeFocused();

  // What was said shows once, with where it came from.
  await expect(page.getByText('Nobody explained the discharge letter', { exact: true })).toHaveCount(1);

  // One way to save: no button that could answer "saved" for an action with no plan. The page
  // stays "New action" until what we will do is typed, and then saves it by itself.
  await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: /New action/ })).toBeVisible();
  await page.getByLabel('What we will do').fill('Go through the letter with every patient');
  await expect(page.getByRole('heading', { level: 1, name: /Go through the letter/ })).toBeVisible();
  const id = new URL(page.url()).hash.split('/').pop() ?? '';
  const stored = (await callHost(host, 'actions:get', { id })) as { value: { willDo: string } };
  expect(stored.value.willDo).toBe('Go through the letter with every patient');

  // The fields save themselves as they are typed: after a pause, a reload loses nothing.
  await page.getByLabel('Owner’s name').fill('Priya Shah');
  await fillDate(page, 'Due date', '2030-01-31');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Owner’s name')).toHaveValue('Priya Shah');
  await expectDate(page, 'Due date', '2030-01-31');
  await expect(page.getByLabel('What we will do')).toHaveValue('Go through the letter with every patient');

  // Back on the round, the observation is still flagged and links to its action.
  await page.goto(roundPage);
  const again = await openObservation(page, 'discharge letter');
  await expect(again.getByRole('checkbox', { name: /^Needs follow-up/ })).toBeChecked();
  await again.getByRole('link', { name: /^Go through the letter with every patient/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Go through the letter/ })).toBeVisible();
});

test('the export form says which approved stories the period report will leave out, and why', async ({
  app: page,
  host,
}) => {
  const call = async <T>(channel: string, request: unknown) =>
    ((await callHost(host, channel, request)) as { value: T }).value;
  const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
  const story = await call<{ id: string; textHash: string }>('stories:create', {
    title: 'Parking',
    storyteller: 'patient',
    author: 'Ann Example',
    narrative: 'The staff helped me find parking.',
  });
  await call('stories:record-consent', {
    id: story.id,
    givenOn: today,
    method: 'verbal',
    recordedBy: 'Ann Example',
    scopes: ['peig'],
    identity: 'anonymised',
  });
  await call('stories:record-read-back', {
    id: story.id,
    checkedOn: today,
    method: 'phone',
    textHash: story.textHash,
  });
  await call('stories:approve', { id: story.id });
  seedConsentScopes(host, story.id, ['staff_training']);

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByTestId('period-left-out')).toContainText(
    '1 approved story is not included: its consent does not cover PEIG.',
  );
  await expectNoAxeViolations(page, 'the export form with a story left out');
});
