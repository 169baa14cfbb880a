import { callHost, expect, test } from './fixtures';
import { addArea, observationList, observationsHeading, startRound, textBox } from './helpers';

const WORDS = 'My mum was offered a cup of tea while she waited';

test('type into an observation and reload 600 ms later: the text is there, and in the database', async ({
  app: page,
  host,
}) => {
  const roundUrl = await startRound(page);
  const roundId = roundUrl.slice(roundUrl.lastIndexOf('/') + 1);
  await addArea(page, 'Day unit');
  await page.keyboard.type(WORDS);
  await page.waitForTimeout(600);

  // Asked of the database directly, not through the page: the autosave got there in time,
  // without help from the reload below (which also saves on the way out).
  const saved = await callHost(host, 'rounds:get', { roundId });
  expect(saved).toMatchObject({ ok: true, value: { observations: [{ text: WORDS }] } });

  await page.reload();
  await expect(textBox(page)).toHaveValue(WORDS);
  await expect(observationsHeading(page, 1)).toBeVisible();
  await expect(observationList(page).first()).toContainText(WORDS);
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
});

test.describe('with the network cut', () => {
  test.use({ allowedConsoleErrors: [/ERR_CONNECTION_REFUSED/] });

  test('words typed just before the window is closed abruptly come back in a new window and are saved', async ({
    app: page,
    host,
    context,
  }) => {
    const roundUrl = await startRound(page);
    await addArea(page, 'Radiotherapy');
    // The worst case: no save gets through before the window dies, so only the keystroke-by-
    // keystroke local copy has the words.
    await page.route('**/api/observations:*', (route) => route.abort('connectionrefused'));
    await page.keyboard.type(WORDS);
    await expect(page.getByRole('status')).toContainText('Not saved — retrying');
    await page.close({ runBeforeUnload: false });

    const next = await context.newPage();
    await next.goto(host.url);
    await expect(next.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();
    await next.goto(`${host.origin}${roundUrl.slice(roundUrl.indexOf('#'))}`);
    await expect(textBox(next)).toHaveValue(WORDS);
    await expect(observationsHeading(next, 1)).toBeVisible();
    await expect(next.getByText(/Saved at \d\d:\d\d/)).toBeVisible();

    // Saved once, not twice, however the crash fell.
    await next.reload();
    await expect(observationsHeading(next, 1)).toBeVisible();
    await expect(textBox(next)).toHaveValue(WORDS);
  });
});

test('keeps on typing into the same observation after it was first saved, without making a second one', async ({
  app: page,
}) => {
  await startRound(page);
  await addArea(page, 'Ward 11');
  await page.keyboard.type('Staff');
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
  // Each update is answered a moment late, so "Saving…" stays on screen long enough to be seen
  // even on a busy machine: this test is about what is saved, not how fast.
  await page.route('**/api/observations:update', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await page.keyboard.type(' introduced themselves by name');
  await expect(page.getByRole('status')).toHaveText('Saving…');
  await expect(page.getByText(/Saved at \d\d:\d\d/)).toBeVisible();
  await page.reload();
  await expect(observationsHeading(page, 1)).toBeVisible();
  await expect(observationList(page).first()).toContainText('Staff introduced themselves by name');
});
