// Three laptops: two governors each record and sign off a round and send PEIG a bundle (one of
// them by keyboard through the screens, the other through the same handlers); the PEIG lead sets
// up the collection key, both governors add it, and the lead imports both bundles (each new
// signer's fingerprint confirmed once), imports one again, and exports a period report that counts
// both governors' rounds once each. Every new screen is scanned with axe.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { docxPart, paragraphTexts } from '../../domain/exports/fixtures/docx-parts';
import { callHost, expect, expectNoAxeViolations, test, type BrowserHost } from './fixtures';
import { areaInput, heardFromPatient, observationsHeading, tabTo } from './helpers';
import { goToStoryStep } from './story-steps';

async function callOk<T>(host: BrowserHost, channel: string, request: unknown): Promise<T> {
  const answer = (await callHost(host, channel, request)) as { ok: boolean; value: T; error?: unknown };
  expect(answer.error, channel).toBeUndefined();
  return answer.value;
}

/** A round recorded and signed off on `host`, as its governor would (through the same handlers). */
async function signedOffRound(host: BrowserHost, site: string, ward: string, signer: string) {
  const round = await callOk<{ id: string }>(host, 'rounds:create', {
    startsAt: new Date(Date.now() - 3_600_000).toISOString(),
    site,
    templateId: 'fifteen-steps',
    team: [],
  });
  const { areaId } = await callOk<{ areaId: string }>(host, 'areas:add', { roundId: round.id, name: ward });
  for (const text of [
    'The ward was calm and the staff were welcoming.',
    'Signs to the day unit were hard to follow.',
  ]) {
    await callOk(host, 'observations:create', {
      roundId: round.id,
      areaId,
      kind: 'seen',
      source: 'not_applicable',
      text,
      promptId: null,
    });
  }
  await callOk(host, 'rounds:complete', { roundId: round.id });
  await callOk(host, 'sign-off:sign', {
    kind: 'round',
    id: round.id,
    signerName: signer,
    signerRole: 'Governor',
    attestation: 'I confirm that this is a fair and accurate record of the round.',
  });
  return round.id;
}

/** A governor records a round and signs it off on their own laptop, with the keyboard alone. */
async function signedOffRoundByKeyboard(page: Page, site: string, ward: string, signer: string) {
  await tabTo(page, page.getByRole('link', { name: 'Start a round' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Start a round' })).toBeFocused();
  await tabTo(page, page.getByLabel('Site'));
  await page.keyboard.type(site);
  await tabTo(page, page.getByLabel('Name of team member 1'));
  await page.keyboard.type(signer);
  await tabTo(page, page.getByRole('button', { name: 'Start round' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(site) })).toBeFocused();
  const roundId = /#\/rounds\/([0-9a-f-]+)$/.exec(page.url())![1]!;

  await tabTo(page, areaInput(page));
  await page.keyboard.type(ward);
  await page.keyboard.press('Enter');
  const texts = [
    'The ward was calm and the staff were welcoming.',
    'Signs to the day unit were hard to follow.',
  ];
  for (const [i, text] of texts.entries()) {
    await heardFromPatient(page);
    await page.keyboard.type(text);
    await page.keyboard.press('Control+Enter');
    await expect(observationsHeading(page, i + 1)).toBeVisible();
  }

  await tabTo(page, page.getByRole('button', { name: 'Complete round' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Yes, complete the round' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Review and sign off' }), { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByText('Ready to sign off')).toBeVisible();
  await tabTo(page, page.getByLabel('Your name'));
  await page.keyboard.type(signer);
  await tabTo(page, page.getByLabel('Your role'));
  await page.keyboard.type('Governor');
  await tabTo(page, page.getByRole('button', { name: 'Sign off' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Signed off' })).toBeFocused();
  return roundId;
}

/** A story written up, with consent for PEIG, read back, approved and signed off on `host`. */
async function approvedSignedOffStory(host: BrowserHost, signer: string) {
  const story = await callOk<{ id: string; textHash: string }>(host, 'stories:create', {
    title: 'Waiting for results',
    storyteller: 'patient',
    author: signer,
    narrative: 'The nurses were kind.\n\nNobody told me when the scan results would come.',
    learningPoints: ['Tell people when to expect their results'],
  });
  await callOk(host, 'stories:record-consent', {
    id: story.id,
    givenOn: new Date().toISOString().slice(0, 10),
    method: 'written',
    recordedBy: signer,
    scopes: ['peig'],
    identity: 'anonymised',
  });
  await callOk(host, 'stories:record-read-back', {
    id: story.id,
    checkedOn: new Date().toISOString().slice(0, 10),
    method: 'phone',
    textHash: story.textHash,
  });
  await callOk(host, 'stories:approve', { id: story.id });
  await callOk(host, 'sign-off:sign', {
    kind: 'story',
    id: story.id,
    signerName: signer,
    signerRole: 'Governor',
    attestation: 'I confirm the story is told as approved.',
  });
  return story.id;
}

async function openPage(browser: Browser, host: BrowserHost, hash: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  return page;
}

/** The governor adds the collection key file, checks its fingerprint, and sends a bundle by keyboard. */
async function sendBundle(page: Page, host: BrowserHost, keyFile: string, fingerprint: string, name: string) {
  await expect(page.getByRole('heading', { level: 1, name: 'Send to PEIG' })).toBeVisible();
  await expectNoAxeViolations(page, 'Send to PEIG (no key yet)');
  await page.getByLabel('Add a collection key file').setInputFiles({
    name: 'peig-collection-key.json',
    mimeType: 'application/json',
    buffer: Buffer.from(keyFile),
  });
  await expect(page.getByText(fingerprint, { exact: true })).toBeVisible();
  await page.getByLabel('Your name').focus();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Governor');
  await page.getByRole('button', { name: 'Check what will be sent' }).press('Enter');
  await expect(page.getByText(/1 round \(2 observations\)/).first()).toBeVisible();
  await expectNoAxeViolations(page, 'Send to PEIG');
  await page.getByRole('button', { name: 'Send to PEIG' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Bundle saved' })).toBeVisible();
  const fileName = (await page.locator('.nhsuk-panel__body').textContent())!.trim();
  return { fileName, bytes: await readFile(join(host.dataDir, 'exports', 'PEIG bundles', fileName)) };
}

test('two governors send bundles; the PEIG lead imports both, once each, into one period report', async ({
  browser,
  laptops,
}) => {
  test.setTimeout(180_000);
  const [alice, bola, lead] = laptops;
  const alicePage = await openPage(browser, alice, '#/');
  const aliceRound = await signedOffRoundByKeyboard(alicePage, 'Sutton', 'Oak Ward', 'Alice Green');
  await alicePage.close();
  await signedOffRound(bola, 'Chelsea', 'Day Unit', 'Bola Ade');
  const bolaStory = await approvedSignedOffStory(bola, 'Bola Ade');
  const bolaAction = await callOk<{ id: string }>(bola, 'actions:create', {
    said: 'Signs to the day unit were hard to follow.',
    willDo: 'Put up new signs to the day unit.',
  });

  // The lead sets up the collection key by keyboard.
  const leadPage = await openPage(browser, lead, '#/bundles/collection-key');
  await expect(leadPage.getByRole('heading', { level: 1, name: 'Collection key' })).toBeVisible();
  await expectNoAxeViolations(leadPage, 'Collection key (not set up)');
  await leadPage.getByLabel('Whose collection is this?').focus();
  await leadPage.keyboard.type('PEIG, Example NHS Foundation Trust');
  await leadPage.keyboard.press('Enter');
  const fingerprint = (await leadPage.getByTestId('collection-fingerprint').textContent())!.trim();
  expect(fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  await expectNoAxeViolations(leadPage, 'Collection key');
  const keyFile = (await callOk<{ publicKeyFile: string }>(lead, 'bundles:collection-key', {})).publicKeyFile;

  const bundles = [];
  for (const [host, name] of [
    [alice, 'Alice Green'],
    [bola, 'Bola Ade'],
  ] as const) {
    const page = await openPage(browser, host, '#/bundles/send');
    bundles.push(await sendBundle(page, host, keyFile, fingerprint, name));
    await page.close();
  }

  // The lead imports both, confirming each new signer's fingerprint once, by keyboard.
  await leadPage.evaluate("window.location.hash = '#/bundles/import'");
  await expect(leadPage.getByRole('heading', { level: 1, name: 'Import bundles' })).toBeVisible();
  await expectNoAxeViolations(leadPage, 'Import bundles (empty)');
  await leadPage
    .getByLabel('Bundle files')
    .setInputFiles(
      bundles.map((b) => ({ name: b.fileName, mimeType: 'application/octet-stream', buffer: b.bytes })),
    );
  await expect(leadPage.locator('strong.nhsuk-tag', { hasText: 'New signer' })).toHaveCount(2);
  for (const name of ['Alice Green', 'Bola Ade']) {
    const box = leadPage.getByLabel(`I have checked this fingerprint with ${name}: trust their key`);
    await box.focus();
    await leadPage.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await expectNoAxeViolations(leadPage, 'Import bundles (two chosen)');
  await leadPage.screenshot({
    path: join(import.meta.dirname, '..', '..', 'docs', 'screenshot-import-bundles.png'),
    fullPage: true,
  });
  await leadPage.getByRole('button', { name: 'Import 2 bundles' }).press('Enter');
  await expect(leadPage.getByText('Added: 1 round, 0 stories')).toHaveCount(1);
  await expect(leadPage.getByText('Added: 1 round, 1 story')).toHaveCount(1);
  await expectNoAxeViolations(leadPage, 'Import bundles (imported)');

  // An imported round says where it came from, and is read-only.
  await leadPage.evaluate(`window.location.hash = '#/rounds/${aliceRound}'`);
  await expect(leadPage.getByText(/^Alice Green, imported .* from bundle/)).toBeVisible();
  await expectNoAxeViolations(leadPage, 'Imported round');
  await leadPage.evaluate("window.location.hash = '#/bundles/import'");

  // One of them again: nothing added.
  await leadPage.getByLabel('Bundle files').setInputFiles({
    name: bundles[0]!.fileName,
    mimeType: 'application/octet-stream',
    buffer: bundles[0]!.bytes,
  });
  await expect(leadPage.locator('strong.nhsuk-tag', { hasText: 'Trusted signer' })).toBeVisible();
  await leadPage.getByRole('button', { name: 'Import the bundle' }).press('Enter');
  await expect(leadPage.getByText(/Already imported on .*: nothing was added/)).toBeVisible();

  await leadPage.evaluate("window.location.hash = '#/bundles/log'");
  await expect(leadPage.getByRole('row')).toHaveCount(3);
  await expectNoAxeViolations(leadPage, 'Import log');

  // Exports offers whose rounds a period report covers, now that there are contributors.
  await leadPage.evaluate("window.location.hash = '#/exports'");
  const whose = leadPage.getByRole('group', { name: 'Whose rounds' });
  await expect(whose.getByRole('radio')).toHaveCount(4);
  await expect(whose.getByLabel('Only Bola Ade’s')).toBeVisible();
  await expectNoAxeViolations(leadPage, 'Exports with whose rounds');

  await leadPage.evaluate("window.location.hash = '#/insights'");
  const insightsWhose = leadPage.getByRole('group', { name: 'Whose rounds' });
  await insightsWhose.getByLabel('Only Alice Green’s').check();
  await leadPage.getByRole('button', { name: 'Show insights' }).press('Enter');
  await expect(leadPage).toHaveURL(/whose=[0-9a-f]{64}/);
  await expectNoAxeViolations(leadPage, 'Insights for one contributor');

  // Search, the actions board and the poster take the same choice.
  await leadPage.evaluate("window.location.hash = '#/search'");
  await leadPage.getByLabel('Words to look for').fill('calm');
  await leadPage.getByRole('button', { name: 'Search', exact: true }).press('Enter');
  await expect(leadPage.getByRole('heading', { name: '2 observations found' })).toBeVisible();
  await leadPage.getByRole('group', { name: 'Whose rounds' }).getByLabel('Only Bola Ade’s').check();
  await leadPage.getByRole('button', { name: 'Apply filters' }).press('Enter');
  await expect(leadPage).toHaveURL(/whose=[0-9a-f]{64}/);
  await expect(leadPage.getByRole('heading', { name: '1 observation found' })).toBeVisible();
  await expectNoAxeViolations(leadPage, 'Search for one contributor');

  await leadPage.evaluate("window.location.hash = '#/actions'");
  const boardWhose = leadPage.getByRole('group', { name: 'Whose actions' });
  await boardWhose.getByLabel('Only those recorded on this laptop').check();
  await leadPage.getByRole('button', { name: 'Show actions' }).press('Enter');
  await expect(leadPage.getByText('No actions match these filters.')).toBeVisible();
  await boardWhose.getByLabel('Only Bola Ade’s').check();
  await leadPage.getByRole('button', { name: 'Show actions' }).press('Enter');
  await expect(leadPage.getByRole('heading', { name: '1 action', exact: true })).toBeVisible();
  await expectNoAxeViolations(leadPage, 'Actions board for one contributor');

  // An imported action says where it came from, and offers nothing to change.
  await leadPage.getByRole('link', { name: 'Put up new signs to the day unit.' }).press('Enter');
  await expect(leadPage).toHaveURL(new RegExp(bolaAction.id));
  await expect(leadPage.getByTestId('provenance')).toContainText('Contributed by Bola Ade');
  await expect(leadPage.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expectNoAxeViolations(leadPage, 'Imported action');

  // So does an imported story, which offers no consent, read-back or approval steps of its own.
  await leadPage.evaluate(`window.location.hash = '#/stories/${bolaStory}'`);
  await expect(leadPage.getByTestId('provenance')).toContainText('Contributed by Bola Ade');
  await expect(leadPage.getByRole('heading', { name: 'Withdraw consent' })).toHaveCount(0);
  await expectNoAxeViolations(leadPage, 'Imported story');
  await goToStoryStep(leadPage, 'Details');
  await expect(leadPage.getByLabel('Title')).toBeDisabled();
  await expectNoAxeViolations(leadPage, 'Imported story, its details');

  await leadPage.evaluate("window.location.hash = '#/exports'");
  await leadPage.getByLabel('“You said, we did” poster').check();
  await expect(leadPage.getByRole('group', { name: 'Whose actions' }).getByRole('radio')).toHaveCount(4);
  await expectNoAxeViolations(leadPage, 'Poster with whose actions');

  // The period report counts both governors' rounds, once each.
  // From yesterday: a round started an hour ago may have started yesterday, just after midnight.
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const job = await callOk<{ jobId: string }>(lead, 'exports:start', {
    documentType: 'period_report',
    from: yesterday,
    to: today,
    signerName: 'Pat Lead',
    signerRole: 'PEIG lead',
    attestation: 'I confirm',
    personalDataConfirmed: true,
  });
  let status: { state: string; result: { fileName: string } | null } = { state: 'running', result: null };
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    status = await callOk(lead, 'exports:status', { jobId: job.jobId });
  }
  expect(status.state).toBe('done');
  const docx = await readFile(join(lead.dataDir, 'exports', status.result!.fileName));
  const text = paragraphTexts(docxPart(docx, 'word/document.xml')).join('\n');
  expect(text).toContain('held 2 rounds in 2 areas');
  expect(text).toContain(
    'It covers 2 rounds from 2 laptops, each counted once: contributed by Alice Green, Bola Ade in signed bundles.',
  );
});
