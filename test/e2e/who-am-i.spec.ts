// Who uses PX Rounds on this computer is asked once, on the home page at first run, and then
// filled in wherever the app asks for a name; the history of an action names them, not the
// computer's account. It can be changed in Settings.
import type { Page } from '@playwright/test';
import { callHost, expect, expectNoAxeViolations, test, type BrowserHost } from './fixtures';
import { tabTo } from './helpers';

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });

async function callOk<T>(host: BrowserHost, channel: string, request: unknown): Promise<T> {
  const answer = (await callHost(host, channel, request)) as { ok: boolean; value: T; error?: unknown };
  expect(answer.error, channel).toBeUndefined();
  return answer.value;
}

/** A completed round with one cleared observation, ready to be signed off. */
async function completedRound(host: BrowserHost): Promise<string> {
  const round = await callOk<{ id: string }>(host, 'rounds:create', {
    startsAt: new Date().toISOString(),
    site: 'Chelsea',
    templateId: 'fifteen-steps',
    team: [],
  });
  const area = await callOk<{ areaId: string }>(host, 'areas:add', { roundId: round.id, name: 'Ward 2' });
  const observation = await callOk<{ id: string }>(host, 'observations:create', {
    roundId: round.id,
    areaId: area.areaId,
    kind: 'seen',
    source: 'not_applicable',
    text: 'Clean and calm.',
    promptId: null,
  });
  await callOk(host, 'observations:set-sentiment', {
    id: observation.id,
    confirmed: 'positive',
    fftAnswer: null,
  });
  await callOk(host, 'rounds:complete', { roundId: round.id });
  return round.id;
}

test('the name and role asked once on first run fill in the team, story author, sign-off, exports and the action history', async ({
  app: page,
  host,
}) => {
  test.slow();
  const form = page.getByRole('form', { name: 'Before you start: who are you?' });
  await expect(form).toBeVisible();
  await expectNoAxeViolations(page, 'the home page on first run');

  // Nothing typed: both answers are asked for, by name.
  await form.getByRole('button', { name: 'Save your name and role' }).click();
  await expect(page.getByRole('link', { name: 'Enter your name' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Enter your role' })).toBeVisible();
  await expectNoAxeViolations(page, 'the first-run question with errors');

  // By keyboard.
  await tabTo(page, page.getByLabel('Your name'));
  await page.keyboard.type('Ann Example');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Governor');
  await page.keyboard.press('Enter');
  const line = page.getByText('You are using PX Rounds as Ann Example, Governor.');
  await expect(line).toBeFocused();
  await expect(form).toHaveCount(0);

  // Asked once: a reload does not ask again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();
  await expect(line).toBeVisible();
  await expect(form).toHaveCount(0);

  // The round's team starts with them.
  await page.getByRole('link', { name: 'Start a round' }).click();
  await expect(page.getByLabel('Name of team member 1')).toHaveValue('Ann Example');
  await expect(page.getByLabel('Role of team member 1')).toHaveValue('governor');

  // A story's author.
  await page.goto(`${host.origin}#/stories/new`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Ann Example');

  // The period report's signer.
  await menu(page).getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeFocused();
  await expect(page.getByLabel('Your name')).toHaveValue('Ann Example');
  await expect(page.getByLabel('Your role')).toHaveValue('Governor');

  // Sign-off.
  const roundId = await completedRound(host);
  await page.goto(`${host.origin}#/rounds/${roundId}/review`);
  await expect(page.getByRole('heading', { level: 2, name: 'Sign off' })).toBeVisible();
  await expect(page.getByLabel('Your name')).toHaveValue('Ann Example');
  await expect(page.getByLabel('Your role')).toHaveValue('Governor');

  // The action history names the person, not the computer's account.
  const action = await callOk<{ id: string }>(host, 'actions:create', {
    said: 'The lifts are hard to find',
    willDo: 'Put up signs to the lifts',
  });
  await page.goto(`${host.origin}#/actions/${action.id}`);
  await expect(page.getByText(/raised as open by Ann Example/)).toBeVisible();

  // Changed in Settings, and used from then on.
  await menu(page).getByRole('link', { name: 'Settings' }).click();
  const about = page.getByRole('form', { name: 'About you' });
  await expect(about.getByLabel('Your name')).toHaveValue('Ann Example');
  await expectNoAxeViolations(page, 'Settings with your name and role');
  await about.getByLabel('Your role').fill('Non-Executive Director');
  await about.getByRole('button', { name: 'Save your name and role' }).click();
  await expect(about.getByRole('status')).toHaveText(
    'Saved. PX Rounds now knows you as Ann Example, Non-Executive Director.',
  );
  await menu(page).getByRole('link', { name: 'Rounds' }).click();
  await page.getByRole('link', { name: 'Start a round' }).click();
  await expect(page.getByLabel('Role of team member 1')).toHaveValue('ned');
});
