// The story page is a sequence of steps with a task list (GOV.UK "complete multiple tasks"), walked
// here by keyboard alone, and jargon found by the plain-language check is fixed with one key.
import { callHost, expect, expectNoAxeViolations, test, type BrowserHost } from './fixtures';
import { tabTo } from './helpers';
import { taskList } from './story-steps';

const NARRATIVE =
  'The MDT explained her treatment kindly. Her NOK was told when to visit. She waited four hours for her TTO.';

async function createStory(host: BrowserHost): Promise<string> {
  const reply = (await callHost(host, 'stories:create', {
    title: 'Waiting for medicines',
    storyteller: 'patient',
    author: 'Ann Example',
    narrative: NARRATIVE,
  })) as { value: { id: string } };
  return reply.value.id;
}

async function storedNarrative(host: BrowserHost, id: string): Promise<string> {
  const reply = (await callHost(host, 'stories:get', { id })) as { value: { narrative: string } };
  return reply.value.narrative;
}

test('the story page is a task list of steps, each with its status and its own short page, walked by keyboard', async ({
  app: page,
  host,
}) => {
  const id = await createStory(host);
  await page.goto(`${host.origin}#/stories/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: /Waiting for medicines/ })).toBeFocused();

  const items = taskList(page).getByRole('listitem');
  await expect(items).toHaveCount(9);
  await expect(items.filter({ hasText: 'The story' })).toContainText('Completed');
  await expect(items.filter({ hasText: 'Consent' })).toContainText('Not started');
  await expect(items.filter({ hasText: 'Approve' })).toContainText('Cannot start yet');
  // Each link is described by its status, as the pattern reads it out.
  await expect(
    taskList(page).getByRole('link', { name: 'Consent', exact: true }),
  ).toHaveAccessibleDescription('Not started');
  await expect(page.getByText(/You have completed \d of 9 steps/)).toBeVisible();
  // A story page was 7,173 px tall with every section at once; the list fits in a few screens.
  expect(await page.evaluate<number>('document.documentElement.scrollHeight')).toBeLessThan(2_000);
  await expectNoAxeViolations(page, 'the story task list');

  // A step by keyboard: its own page, the focus on its heading, the address keeps it.
  await tabTo(page, taskList(page).getByRole('link', { name: 'Consent', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Consent' })).toBeFocused();
  await expect(page).toHaveURL(/\?step=consent$/);
  await expect(page.getByRole('form', { name: 'Record consent' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tags and sentiment' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'the consent step');

  // On to the next step, then back to the list.
  await tabTo(page, page.getByRole('link', { name: 'Continue to read back' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Read back' })).toBeFocused();
  await tabTo(page, page.getByRole('link', { name: 'Back to all steps' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Steps' })).toBeFocused();

  // Browser Back returns to the step that was open.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Read back' })).toBeVisible();
});

test('jargon found by the plain-language check is replaced with its plain words by one key, and the story saves', async ({
  app: page,
  host,
}) => {
  const id = await createStory(host);
  await page.goto(`${host.origin}#/stories/${id}?step=plain-language`);
  const plain = page.getByRole('region', { name: 'Plain language check' });
  const replaceMdt = plain.getByRole('button', { name: 'Replace MDT with ‘team of specialists’' });
  await expect(replaceMdt).toBeVisible();
  await expect(plain.getByRole('button', { name: 'Replace NOK with ‘next of kin’' })).toBeVisible();
  await expect(
    plain.getByRole('button', { name: 'Replace TTO with ‘medicines to take home’' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the plain-language step with fixes offered');

  await tabTo(page, replaceMdt);
  await page.keyboard.press('Enter');
  await expect(page.getByText('“MDT” was replaced with “team of specialists”.')).toBeFocused();
  await expect
    .poll(() => storedNarrative(host, id))
    .toBe(
      'The team of specialists explained her treatment kindly. Her NOK was told when to visit. She waited four hours for her TTO.',
    );
  // Checked again once saved: MDT is gone from the list, the others are still offered.
  await expect(replaceMdt).toHaveCount(0);
  await expect(plain.getByText(/“MDT”: try/)).toHaveCount(0);
  await tabTo(page, plain.getByRole('button', { name: 'Replace NOK with ‘next of kin’' }));
  await page.keyboard.press('Enter');
  await expect.poll(() => storedNarrative(host, id)).toContain('Her next of kin was told');
  await expectNoAxeViolations(page, 'the plain-language step after a fix');
});
