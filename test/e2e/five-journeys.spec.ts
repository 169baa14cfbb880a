// The five journeys of PX Rounds walked one after another in one data folder, by keyboard alone:
// a round, an action, a story, sign-off and export, then search and insights. Every key press
// besides the words themselves is counted; a tagged observation keeps to its budget; each
// journey is checked as done in the database or on disk; every screen visited passes axe.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { docxPart, paragraphTexts } from '../../domain/exports/fixtures/docx-parts';
import { verifySignedDocx } from '../../domain/signing/verify-export';
import { callHost, expect, test, type BrowserHost } from './fixtures';
import { areaInput, kindRadio, observationList, observationsHeading, textBox } from './helpers';
import { KeyboardWalk } from './keyboard-walk';
import { taskList } from './story-steps';

const BUDGET = 12;
const TAGGED = 'The night staff checked on me every hour, all week.';
const WITH_PHONE = 'A carer asked us to ring her on 07700 900123 about the parking permit.';

const STORY =
  'I could not find the day unit from the car park. A porter walked me there and waited until a nurse came. Everyone was kind.';

const DONE = 'We put the time of the next check on each bedside board.';
const KEPT_BECAUSE = 'She asked us to ring her, and we did';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

type Saved = {
  text: string;
  kind: string;
  source: string;
  tags: { tagId: string }[];
  sentimentConfirmed: string | null;
};

/** Ticks the personal-details box if it is not yet ticked, exports, and reads the verified file. */
async function exportFromExportsPage(page: Page, walk: KeyboardWalk, host: BrowserHost): Promise<string> {
  const understood = page.getByLabel(/observations and stories go in only as cleared/);
  await walk.tabTo(understood);
  if (!(await understood.isChecked())) await walk.press('Space');
  await walk.activate(page.getByRole('button', { name: 'Export as Word document' }));
  await expect(page.getByRole('heading', { name: 'Export complete' })).toBeFocused();
  await walk.scan('the Exports page, export finished');
  const name = (await page.locator('dt:text-is("File") + dd').textContent())?.trim() ?? '';
  const bytes = await readFile(join(host.dataDir, 'exports', name));
  expect(verifySignedDocx(bytes, []), name).toMatchObject({ valid: true, problems: [] });
  return paragraphTexts(docxPart(bytes, 'word/document.xml')).join('\n');
}

/** A date this many days from today on the trust's calendar, as ISO. */
function inDays(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  return new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function callOk<T>(host: BrowserHost, channel: string, request: unknown): Promise<T> {
  const answer = (await callHost(host, channel, request)) as { value: T; error?: unknown };
  expect(answer.error, channel).toBeUndefined();
  return answer.value;
}

test('the five journeys by keyboard alone: key presses counted, each journey done, no axe violations', async ({
  app: page,
  host,
}) => {
  test.setTimeout(15 * 60_000);
  const walk = new KeyboardWalk(page);

  // 1. A round: who you are (asked once), the round, an area and two observations.
  walk.journey('round');
  await walk.scan('home on first run');
  const about = page.getByRole('form', { name: 'Before you start: who are you?' });
  await walk.fillIn(about.getByLabel('Your name'), 'Ann Example');
  await walk.press('Tab');
  await walk.type('Non-Executive Director');
  await walk.press('Enter');
  await expect(
    page.getByText('You are using PX Rounds as Ann Example, Non-Executive Director.'),
  ).toBeFocused();

  await walk.activate(page.getByRole('link', { name: 'Start a round' }));
  await expect(heading(page, 'Start a round')).toBeFocused();
  await walk.scan('start a round');
  await walk.fillIn(page.getByLabel('Site'), 'Sutton');
  await expect(page.getByLabel('Name of team member 1')).toHaveValue('Ann Example');
  await walk.activate(page.getByRole('button', { name: 'Start round' }));
  await expect(heading(page, /Sutton/)).toBeFocused();
  const roundId = page.url().slice(page.url().lastIndexOf('/') + 1);
  await walk.scan('round page, no areas yet');

  await walk.fillIn(areaInput(page), 'Ward 5');
  await walk.press('Enter');
  await expect(kindRadio(page, 'Heard')).toBeFocused();
  await walk.scan('round page, ready to capture');

  // The tagged observation: Q(uote) from a P(atient), the words, one theme, the sentiment.
  walk.mark();
  await walk.press('q', 'p');
  await expect(textBox(page)).toBeFocused();
  await walk.type(TAGGED);
  const picker = page.getByRole('combobox', { name: /Add a tag/ });
  await expect(picker).toBeVisible();
  await walk.press('Tab');
  await expect(picker).toBeFocused();
  await walk.press('l', 'i', 's');
  await expect(page.getByRole('listbox', { name: 'Tags' })).toBeVisible();
  await walk.scan('capture form, tag picker open');
  await walk.press('Enter');
  await expect(page.getByRole('button', { name: /^Remove Listen and learn/ })).toBeVisible();
  await walk.press('Tab', 'Tab', 'Tab');
  const sentiment = page.getByRole('group', { name: 'Confirm or change the sentiment' });
  await expect(sentiment.getByRole('radio').first()).toBeFocused();
  await walk.press('p');
  await expect(sentiment.getByRole('radio', { name: 'Positive' })).toBeChecked();
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
  await walk.press('Control+Enter');
  await expect(observationsHeading(page, 1)).toBeVisible();
  const tagged = walk.pressesSinceMark();
  expect(tagged, 'key presses for a tagged observation, besides the words').toBeLessThanOrEqual(BUDGET);

  // An untagged one, heard from a carer, with a phone number in it (caught as it is typed).
  await expect(kindRadio(page, 'Heard')).toBeFocused();
  await expect(textBox(page)).toHaveValue('');
  await walk.press('h', 'c');
  await walk.type(WITH_PHONE);
  await expect(page.getByText(/phone number/i).first()).toBeVisible();
  await walk.scan('capture form, personal detail noted while typing');
  await walk.press('Control+Enter');
  await expect(observationsHeading(page, 2)).toBeVisible();
  await walk.scan('round page with observations');

  // 2. An action: unfold the tagged observation, flag it, raise an action and see it done.
  walk.journey('action');
  const item = observationList(page).filter({ hasText: 'The night staff' });
  const fold = item.locator('.pxr-observation__toggle');
  await walk.activate(fold);
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  await walk.scan('round page, an observation unfolded');
  await walk.tabTo(item.getByRole('checkbox', { name: /^Needs follow-up/ }));
  await walk.press('Space');
  await walk.activate(item.getByRole('button', { name: /^Raise an action/ }));
  await expect(heading(page, /New action/)).toBeFocused();
  await walk.scan('a new action raised from an observation');
  await walk.fillIn(page.getByLabel('What we will do'), 'Tell every patient at night when the next check is');
  await walk.press('Tab');
  await walk.type('Priya Shah');
  await walk.press('Tab');
  await walk.type('Ward manager');
  await walk.fillDate(page.getByRole('group', { name: 'Due date' }), inDays(14));
  await walk.fillIn(page.getByLabel('What we did'), DONE);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await walk.scan('an action being written');
  const status = page.getByRole('group', { name: 'What happens next?' });
  await walk.tabTo(status.getByRole('radio').first());
  await walk.press('m');
  await expect(status.getByRole('radio', { name: 'Mark as done' })).toBeChecked();
  await walk.press('Enter');
  await expect(page.getByText('The status has been changed.')).toBeVisible();
  await walk.scan('an action marked done');
  const actionId = page.url().slice(page.url().lastIndexOf('/') + 1);
  const action = await callOk<{ status: string; dueDate: string; ownerName: string; sources: unknown[] }>(
    host,
    'actions:get',
    { id: actionId },
  );
  expect(action).toMatchObject({ status: 'done', dueDate: inDays(14), ownerName: 'Priya Shah' });
  expect(action.sources).toHaveLength(1);
  // Back in the round, the observation shows it was flagged and links to its action.
  await walk.press('Alt+Shift+R');
  await expect(heading(page, 'Rounds')).toBeFocused();
  await walk.scan('home with a round');
  await walk.activate(page.getByRole('link', { name: /^Round at Sutton/ }));
  await expect(heading(page, /Sutton/)).toBeFocused();
  const flagged = observationList(page).filter({ hasText: 'The night staff' });
  await walk.activate(flagged.locator('.pxr-observation__toggle'));
  await expect(flagged.getByRole('checkbox', { name: /^Needs follow-up/ })).toBeChecked();
  await expect(flagged.getByRole('link', { name: /^Tell every patient at night/ })).toBeVisible();
  await walk.scan('round page, a flagged observation with its action');

  // 3. A story: written, consented, read back to the storyteller and approved.
  walk.journey('story');
  await walk.press('Alt+Shift+T');
  await expect(heading(page, 'Patient stories')).toBeFocused();
  await walk.scan('the story list');
  await walk.activate(page.getByRole('link', { name: 'Write a story' }));
  await walk.scan('write a story');
  await walk.fillIn(page.getByLabel('Title'), 'Help to find the way');
  await walk.choose(page.getByRole('group', { name: 'Who told the story?' }), 'Patient');
  await expect(page.getByLabel('Your name')).toHaveValue('Ann Example');
  await walk.activate(page.getByRole('button', { name: 'Start writing' }));
  await expect(heading(page, /Help to find the way/)).toBeFocused();
  await walk.tabTo(page.getByRole('textbox', { name: 'The story', exact: true }));
  await walk.type(STORY);
  await expect(page.getByRole('status').filter({ hasText: /^Saved/ })).toBeVisible();
  await walk.scan('a story being written');
  await walk.activate(page.getByRole('link', { name: 'Back to all steps' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Steps' })).toBeFocused();
  await walk.scan('the story task list');
  await walk.activate(taskList(page).getByRole('link', { name: 'Consent', exact: true }));
  await expect(page.getByRole('heading', { level: 2, name: 'Consent' })).toBeFocused();
  await walk.scan('the consent step');
  const consent = page.getByRole('form', { name: 'Record consent' });
  await walk.choose(consent.getByRole('group', { name: 'How was consent given?' }), 'Verbally');
  await walk.choose(
    consent.getByRole('group', { name: 'Where may the story be used?' }),
    /^Only the Patient/,
  );
  await walk.choose(consent.getByRole('group', { name: 'May the storyteller be named?' }), /^Anonymised/);
  await walk.activate(consent.getByRole('button', { name: 'Record consent' }));
  await expect(page.getByText('Consent recorded.')).toBeFocused();
  await walk.scan('the consent step, recorded');
  await walk.activate(page.getByRole('link', { name: 'Continue to read back' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Read back' })).toBeFocused();
  await walk.scan('the read-back step');
  const readBack = page.getByRole('form', { name: 'Record the read-back' });
  await walk.choose(readBack.getByRole('group', { name: 'How was it read back?' }), 'By phone');
  await walk.activate(readBack.getByRole('button', { name: 'Record read-back' }));
  await expect(page.getByText('Read-back recorded.')).toBeFocused();
  await walk.scan('the read-back step, recorded');
  await walk.activate(page.getByRole('link', { name: 'Continue to approve' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Approve' })).toBeFocused();
  await walk.scan('the approve step');
  await walk.activate(page.getByRole('button', { name: 'Approve story' }));
  await expect(page.getByText('Story approved.')).toBeFocused();
  await walk.scan('an approved story');
  const storyId = /\/stories\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? '';
  expect(await callOk<{ status: string }>(host, 'stories:get', { id: storyId })).toMatchObject({
    status: 'approved',
  });

  // 4. Sign-off and export: the round completed, its phone number redacted, signed off, exported.
  walk.journey('sign-off and exports');
  await walk.press('Alt+Shift+R');
  await walk.activate(page.getByRole('link', { name: /^Round at Sutton/ }));
  await expect(heading(page, /Sutton/)).toBeFocused();
  await walk.activate(page.getByRole('button', { name: 'Complete round' }));
  await walk.scan('round page, confirming completion');
  await walk.activate(page.getByRole('button', { name: 'Yes, complete the round' }));
  await expect(textBox(page)).toHaveCount(0);
  await walk.scan('a completed round');
  await walk.activate(page.getByRole('link', { name: 'Review and sign off' }));
  await expect(heading(page, /Round at Sutton/)).toBeFocused();
  await walk.scan('the review with a finding');
  // The carer asked to be rung back: the number is kept, with the reason.
  const checks = page.getByRole('region', { name: 'Personal details check' });
  await walk.activate(checks.getByRole('button', { name: 'Keep “07700 900123”' }));
  const why = checks.getByLabel('Why can “07700 900123” stay in?');
  await expect(why).toBeFocused();
  await walk.type(KEPT_BECAUSE);
  await walk.scan('the review, keeping a detail');
  await walk.activate(checks.getByRole('button', { name: 'Keep it' }));
  await expect(checks.getByText('Checked 2 observations: nothing is waiting for a decision.')).toBeFocused();
  await expect(page.getByLabel('Your name')).toHaveValue('Ann Example');
  await walk.scan('the review, ready to sign off');
  await walk.activate(page.getByRole('button', { name: 'Sign off' }));
  await expect(page.getByRole('heading', { level: 2, name: 'Signed off' })).toBeFocused();
  await walk.scan('the signed-off review');
  const exportForm = page.getByRole('form', { name: 'Export as Word document' });
  await walk.tabTo(exportForm.getByLabel(/I have read the personal details check above/));
  await walk.press('Space');
  await walk.activate(exportForm.getByRole('button', { name: 'Export as Word document' }));
  await expect(page.getByRole('heading', { name: 'Export complete' })).toBeFocused();
  await walk.scan('the finished round export');
  const fileName = (await page.locator('dt:text-is("File") + dd').textContent())?.trim() ?? '';
  const bytes = await readFile(join(host.dataDir, 'exports', fileName));
  expect(verifySignedDocx(bytes, [])).toMatchObject({ valid: true, problems: [] });
  const text = paragraphTexts(docxPart(bytes, 'word/document.xml')).join('\n');
  expect(text).toContain(TAGGED);
  expect(text).toContain(`because: ${KEPT_BECAUSE}`);
  const round = await callOk<{ status: string; observations: Saved[] }>(host, 'rounds:get', { roundId });
  expect(round.status).toBe('signed_off');
  expect(round.observations.find((o) => o.text === TAGGED)).toMatchObject({
    kind: 'quote',
    source: 'patient',
    tags: [expect.objectContaining({ tagId: 'listen-and-learn' })],
    sentimentConfirmed: 'positive',
  });
  expect(round.observations.find((o) => o.text === WITH_PHONE)).toMatchObject({
    kind: 'heard',
    source: 'carer_family',
  });

  // The period report, from the Exports page, with the signer filled in from who you are.
  await walk.press('Alt+Shift+E');
  await expect(heading(page, 'Exports')).toBeFocused();
  await walk.scan('the Exports page');
  const report = await exportFromExportsPage(page, walk, host);
  expect(report).toContain('the visiting teams held 1 round in 1 area and recorded 2 observations');
  expect(report).toContain('Help to find the way');
  // The poster shows what was done, in the words written as done.
  await walk.choose(page.getByRole('group', { name: 'What do you want to export?' }), /poster/);
  await walk.scan('the Exports page, the poster chosen');
  const poster = await exportFromExportsPage(page, walk, host);
  expect(poster).toContain(TAGGED);
  expect(poster).toContain(DONE);

  // 5. Search and insights: the tagged observation is found by its words and counted by its theme.
  walk.journey('search and insights');
  await walk.press('Alt+Shift+S');
  await expect(heading(page, 'Search observations')).toBeFocused();
  await walk.scan('search');
  await walk.fillIn(page.getByLabel('Words to look for'), 'night staff');
  await walk.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '1 observation found' })).toBeFocused();
  await expect(page.getByRole('region', { name: /found$/ })).toContainText('checked on me every hour');
  await walk.scan('search with a result');
  await walk.press('Alt+Shift+I');
  await expect(heading(page, 'Insights')).toBeFocused();
  await expect(page.getByText(/all sites: 2 observations\.$/)).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Bar chart of observations by theme and sentiment/ }),
  ).toHaveAttribute('aria-label', /Listen and learn: 1 \(1 positive\)/);
  await walk.scan('insights, chart view');
  await walk.activate(page.getByRole('button', { name: 'Show as a table' }));
  const themes = page.getByRole('table', { name: /^Observations by theme and sentiment/ });
  await expect(
    themes
      .getByRole('row', { name: /^Listen and learn/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('Positive 1');
  await walk.scan('insights, table view');

  const counts = walk.perJourney();
  console.log(`Key presses besides the words, per journey: ${JSON.stringify(counts)}`);
  console.log(`A tagged observation: ${tagged} key presses (budget ${BUDGET})`);
  console.log(
    `Screens scanned by axe (${walk.screensScanned().length}): ${walk.screensScanned().join('; ')}`,
  );
  test.info().annotations.push({ type: 'key presses', description: JSON.stringify({ ...counts, tagged }) });
});
