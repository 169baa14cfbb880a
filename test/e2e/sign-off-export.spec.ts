// A round is reviewed, cleared of personal data, signed off and exported as a signed Word
// document; the file is verified in the app, then changed by one byte and verified again. The
// period report is exported from the Exports page with its progress shown, and a colleague's
// key is trusted so a document they signed shows as from a trusted signer.
import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import type { Page, Route } from '@playwright/test';
import { signDocx } from '../../domain/signing/sign-docx';
import { identityFromPrivateKey } from '../../domain/signing/signing-keys';
import { callHost, expect, expectNoAxeViolations, test, type BrowserHost } from './fixtures';
import { fillDate } from './date-helpers';
import { addArea, startRound } from './helpers';

// 999 000 0018: the never-issued 999 range, with a valid Modulus 11 check digit (8).
const NHS_NUMBER = '999 000 0018';
const OBSERVATION = `A patient read out her NHS number ${NHS_NUMBER} at the desk so everyone could hear`;

const menu = (page: Page) => page.getByRole('navigation', { name: 'Menu' });
const exportsFolder = (host: BrowserHost) => join(host.dataDir, 'exports');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Calls a channel as the test's own client and expects it to succeed. */
async function callOk<T>(host: BrowserHost, channel: string, request: unknown): Promise<T> {
  const answer = (await callHost(host, channel, request)) as { ok: boolean; value: T; error?: unknown };
  expect(answer.error, channel).toBeUndefined();
  return answer.value;
}

/**
 * Holds the answers to "how is the export going?" until released, so the running state (the
 * progress bar, the stage words and Cancel) can be looked at however fast the export is.
 */
async function holdExportStatus(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  // Stays in place once released: later requests pass straight through the settled gate.
  await page.route('**/api/exports:status', async (route: Route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** The progress bar, its stage and percentage, Cancel, and the stage words in the polite status. */
async function expectRunning(page: Page, screen: string): Promise<void> {
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel export' })).toBeVisible();
  const label = page.locator('label[for="export-progress"]');
  await expect(label).toHaveText(/^\S.* \(\d{1,3}%\)$/);
  const stage = ((await label.textContent()) ?? '').replace(/ \(\d{1,3}%\)$/, '');
  await expect(page.locator('.pxr-export-status > [role="status"]')).toHaveText(stage);
  await expectNoAxeViolations(page, screen);
}

/** The file the done panel names, read from the exports folder, checked against the shown hash. */
async function exportedFile(page: Page, host: BrowserHost): Promise<{ name: string; bytes: Buffer }> {
  await expect(page.getByRole('heading', { name: 'Export complete' })).toBeFocused();
  const name = (await page.locator('dt:text-is("File") + dd').textContent())?.trim() ?? '';
  expect(name).toMatch(/\.docx$/);
  const bytes = await readFile(join(exportsFolder(host), name));
  await expect(page.getByTestId('export-sha256')).toHaveText(sha256(bytes));
  await readFile(join(exportsFolder(host), `${name}.sig`));
  return { name, bytes };
}

async function verifyFile(page: Page, file: { name: string; buffer: Buffer }): Promise<void> {
  await menu(page).getByRole('link', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verify a signed file' })).toBeFocused();
  await page.getByLabel('Word document (.docx)').setInputFiles({
    ...file,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  await page.getByRole('button', { name: 'Check the file' }).click();
}

test('a round is cleared of personal data, signed off, exported and verified; a changed byte fails', async ({
  app: page,
  host,
}) => {
  test.slow();
  await startRound(page, { site: 'Chelsea', lead: 'Ann Example' });
  await addArea(page, 'Oak Ward');
  await page.keyboard.type(OBSERVATION);
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Complete round' }).click();
  await page.getByRole('button', { name: 'Yes, complete the round' }).click();

  // Review: the finding blocks sign-off until it is decided.
  await page.getByRole('link', { name: 'Review and sign off' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Round at Chelsea/ })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'This cannot be signed off yet' })).toBeVisible();
  await expect(page.getByText('Not ready to sign off')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign off' })).toHaveCount(0);
  const checks = page.getByRole('region', { name: 'Personal details check' });
  await expect(
    checks.locator('.pxr-finding__what').filter({ hasText: `in the observation: “${NHS_NUMBER}”` }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the review with a finding');

  // Keeping needs a reason; removing it clears the way.
  await checks.getByRole('button', { name: `Keep “${NHS_NUMBER}”` }).click();
  await checks.getByRole('button', { name: 'Keep it' }).click();
  await expect(checks.getByText(/Say why this can stay in/)).toBeVisible();
  await checks.getByRole('button', { name: 'Cancel' }).click();
  await checks.getByRole('button', { name: `Redact “${NHS_NUMBER}”` }).click();
  await expect(checks.getByText(/nothing is waiting for a decision/)).toBeVisible();
  await expect(page.getByText('Ready to sign off')).toBeVisible();

  // Sign off: the attestation is offered, name and role are asked for.
  const attestation = page.getByLabel('What you confirm by signing');
  await expect(attestation).not.toHaveValue('');
  await page.getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByRole('link', { name: 'Enter your name' })).toBeVisible();
  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByLabel('Your role').fill('Non-Executive Director');
  await page.getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Signed off' })).toBeFocused();
  const summary = page.getByTestId('sign-off-summary');
  await expect(summary.getByText('Ann Example, Non-Executive Director')).toBeVisible();
  await expect(summary.getByText('Signature checks out')).toBeVisible();
  const identity = (await callHost(host, 'signing:identity', {})) as { value: { fingerprint: string } };
  await expect(summary.getByText(identity.value.fingerprint)).toBeVisible();
  await expect(page.locator('strong.nhsuk-tag', { hasText: 'Signed off' })).toBeVisible();
  await expectNoAxeViolations(page, 'the signed-off review');

  // A signed correction is added beside the record.
  await page.getByRole('button', { name: 'Add a correction' }).click();
  const correction = page.getByRole('form', { name: 'Add a correction' });
  await correction.getByLabel('The correction').fill('The desk was on Oak Ward, not Elm Ward.');
  await correction.getByLabel('Your name').fill('Ann Example');
  await correction.getByLabel('Your role').fill('Non-Executive Director');
  await correction.getByRole('button', { name: 'Sign and add the correction' }).click();
  await expect(page.getByRole('heading', { name: 'Corrections (1)' })).toBeVisible();
  await expect(page.getByText('The desk was on Oak Ward, not Elm Ward.')).toBeVisible();

  // Export: the personal-details confirmation must be ticked by the person.
  const exportForm = page.getByRole('form', { name: 'Export as Word document' });
  await exportForm.getByRole('button', { name: 'Export as Word document' }).click();
  await expect(
    page.getByRole('link', { name: /Confirm you have checked the personal details/ }),
  ).toBeVisible();
  await exportForm.getByLabel(/I have read the personal details check above/).check();
  const release = await holdExportStatus(page);
  await exportForm.getByRole('button', { name: 'Export as Word document' }).click();
  await expectRunning(page, 'the round export while it runs');
  release();
  const exported = await exportedFile(page, host);
  // The openssl command shown works as written, run in the exports folder with this key.
  const shown = (await page.locator('.pxr-command').textContent()) ?? '';
  expect(shown).toContain(`${exported.name}.sig`);
  const pem = (await callHost(host, 'signing:identity', {})) as { value: { publicKeyPem: string } };
  await writeFile(join(exportsFolder(host), 'signer.pem'), pem.value.publicKeyPem);
  const openssl = spawnSync('sh', ['-c', shown], { cwd: exportsFolder(host), encoding: 'utf8' });
  expect(openssl.stdout).toContain('Signature Verified Successfully');
  await expectNoAxeViolations(page, 'the finished round export');
  // The removed NHS number is not in the document.
  expect(exported.bytes.includes(Buffer.from(NHS_NUMBER))).toBe(false);

  // The same name again: asked first; "No" keeps the file, "Yes" replaces it.
  await exportForm.getByLabel('File name (optional)').fill(exported.name);
  await exportForm.getByRole('button', { name: 'Export as Word document' }).click();
  const question = page.getByRole('heading', {
    name: `A file called ${exported.name} already exists. Replace it?`,
  });
  await expect(question).toBeFocused();
  await expectNoAxeViolations(page, 'the overwrite question');
  await page.getByRole('button', { name: 'No, keep the existing file' }).click();
  await expect(page.getByText('Nothing was exported and the existing file was kept.')).toBeVisible();
  expect(sha256(await readFile(join(exportsFolder(host), exported.name)))).toBe(sha256(exported.bytes));
  await exportForm.getByRole('button', { name: 'Export as Word document' }).click();
  await page.getByRole('button', { name: 'Yes, replace it' }).click();
  const replaced = await exportedFile(page, host);
  expect(replaced.name).toBe(exported.name);

  // Verify in the app: valid, signed by this computer's key.
  await verifyFile(page, { name: replaced.name, buffer: replaced.bytes });
  await expect(page.getByRole('heading', { level: 2, name: 'Valid signature' })).toBeFocused();
  const row = (label: string) => page.locator(`dt:text-is("${label}") + dd`);
  await expect(row('Signed by (as the file says)')).toHaveText('Ann Example, Non-Executive Director');
  await expect(page.getByText('Trusted signer', { exact: true })).toBeVisible();
  await expect(row('What')).toHaveText(/^Round summary: /);
  await expectNoAxeViolations(page, 'a valid verification');

  // One byte changed in the middle of the file: no longer valid.
  const changed = Buffer.from(replaced.bytes);
  const at = Math.floor(changed.length / 2);
  changed[at] = (changed[at] ?? 0) ^ 0xff;
  const changedPath = join(exportsFolder(host), `changed-${replaced.name}`);
  await writeFile(changedPath, changed);
  await page.getByLabel('Word document (.docx)').setInputFiles(changedPath);
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Not valid — this file has been changed' }),
  ).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Problems found' })).toBeVisible();
  await expectNoAxeViolations(page, 'a failed verification');
});

test('the period report is exported from the Exports page with its progress shown', async ({
  app: page,
  host,
}) => {
  test.slow();
  await menu(page).getByRole('link', { name: 'Exports' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Exports' })).toBeFocused();
  await expectNoAxeViolations(page, 'the Exports page');

  // Nothing filled in: each missing answer is named and linked.
  await page.getByRole('button', { name: 'Export as Word document' }).click();
  await expect(page.getByRole('link', { name: 'Enter your name' })).toBeVisible();
  await expect(
    page.getByRole('link', { name: /Confirm you have checked the personal details/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the Exports page with errors');

  await fillDate(page, 'From', '2025-10-01');
  await fillDate(page, 'To', '2025-12-31');
  await page.getByLabel('Your name').fill('Bea Secretary');
  await page.getByLabel('Your role').fill('PEIG secretary');
  await page.getByLabel(/observations and stories go in only as cleared/).check();
  const release = await holdExportStatus(page);
  await page.getByRole('button', { name: 'Export as Word document' }).click();
  await expectRunning(page, 'the period report while it runs');
  release();
  const report = await exportedFile(page, host);
  await expect(page.getByRole('link', { name: 'Verify a file' })).toBeVisible();

  await verifyFile(page, { name: report.name, buffer: report.bytes });
  await expect(page.getByRole('heading', { level: 2, name: 'Valid signature' })).toBeVisible();
  await expect(page.locator('dt:text-is("What") + dd')).toHaveText(/^PEIG period report/);

  // The poster, landscape for a screen, from the same page.
  await menu(page).getByRole('link', { name: 'Exports' }).click();
  await page.getByLabel('“You said, we did” poster').check();
  await page.getByLabel('Landscape (for a screen)').check();
  await page.getByLabel('Your name').fill('Bea Secretary');
  await page.getByLabel('Your role').fill('PEIG secretary');
  await page.getByLabel(/observations and stories go in only as cleared/).check();
  await page.getByRole('button', { name: 'Export as Word document' }).click();
  // With nothing done in the period, the refusal says so plainly and no file is written.
  await expect(page.getByRole('alert')).toContainText('so there is nothing to put on the poster');
  const action = await callOk<{ id: string }>(host, 'actions:create', {
    said: 'The signs to the clinic were hard to follow',
    willDo: 'Put up new signs at the lifts',
    ownerName: 'Cara Estates',
    ownerRole: 'Estates manager',
  });
  // "We did" is what was written as done, never the plan.
  await callOk(host, 'actions:update', {
    id: action.id,
    changes: { evidence: 'We put up new signs at the lifts.' },
  });
  await callOk(host, 'actions:set-status', { id: action.id, status: 'done' });
  await page.getByRole('button', { name: 'Export as Word document' }).click();
  const poster = await exportedFile(page, host);
  expect(poster.name).not.toBe(report.name);
  await verifyFile(page, { name: poster.name, buffer: poster.bytes });
  await expect(page.locator('dt:text-is("What") + dd')).toHaveText(/^“You said, we did” poster/);
});

test('an approved story is signed off and exported for an audience its consent covers', async ({
  app: page,
  host,
}) => {
  test.slow();
  // The story is written, consented, read back and approved through the app's own channels;
  // what is tested here is its review, sign-off and export.
  const call = <T>(channel: string, request: unknown) => callOk<T>(host, channel, request);
  const story = await call<{ id: string }>('stories:create', {
    title: 'Waiting for results',
    storyteller: 'patient',
    author: 'Ann Example',
    narrative: 'I waited four hours for my results and nobody told me why. A nurse brought me tea.',
  });
  await call('stories:record-consent', {
    id: story.id,
    givenOn: '2026-01-10',
    method: 'verbal',
    recordedBy: 'Ann Example',
    scopes: ['peig'],
    identity: 'anonymised',
  });
  const detail = await call<{ textHash: string }>('stories:get', { id: story.id });
  await call('stories:record-read-back', {
    id: story.id,
    checkedOn: '2026-01-11',
    method: 'phone',
    textHash: detail.textHash,
  });
  await call('stories:approve', { id: story.id });

  await page.goto(`${host.origin}#/stories/${story.id}`);
  await page.getByRole('link', { name: 'Review and sign off' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Waiting for results/ })).toBeFocused();
  await expect(page.getByText('Ready to sign off')).toBeVisible();
  await page.getByLabel('Your name').fill('Ann Example');
  await page.getByLabel('Your role').fill('Clinical lead partner');
  await page.getByRole('button', { name: 'Sign off' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Signed off' })).toBeFocused();

  // The audience must be chosen, and the consent must cover it.
  const exportForm = page.getByRole('form', { name: 'Export as Word document' });
  await exportForm.getByLabel(/I have read the personal details check above/).check();
  await exportForm.getByRole('button', { name: 'Export as Word document' }).click();
  await expect(page.getByRole('link', { name: 'Choose who the story is for' })).toBeVisible();
  await exportForm.getByLabel('In public (for example the trust website)').check();
  await exportForm.getByRole('button', { name: 'Export as Word document' }).click();
  await expect(page.getByRole('alert')).toContainText('The storyteller did not agree to public use.');
  await expectNoAxeViolations(page, 'a refused story export');
  await exportForm.getByLabel('Patient Experience and Inclusion Group (PEIG) only').check();
  await exportForm.getByRole('button', { name: 'Export as Word document' }).click();
  const exported = await exportedFile(page, host);
  await verifyFile(page, { name: exported.name, buffer: exported.bytes });
  await expect(page.locator('dt:text-is("What") + dd')).toHaveText(/^Patient story/);
});

test('a colleague’s key is trusted, so a file they signed shows who signed it', async ({
  app: page,
  host,
}) => {
  // The colleague's own key, made here, and a Word document signed with it.
  const colleague = identityFromPrivateKey(generateKeyPairSync('ed25519').privateKey);
  const unsigned = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph('You said, we did: Oak Ward')] }] }),
  );
  const signed = signDocx(unsigned, {
    identity: colleague,
    documentType: 'you_said_we_did',
    title: 'You said, we did',
    appVersion: '0.1.0',
    signer: { name: 'B. Colleague', role: 'Governor' },
    signedAt: new Date('2025-11-20T10:00:00Z'),
  });
  const file = { name: 'poster.docx', buffer: signed.bytes };

  await verifyFile(page, file);
  await expect(page.getByRole('heading', { level: 2, name: 'Valid signature' })).toBeFocused();
  await expect(page.getByText('Unknown signer', { exact: true })).toBeVisible();

  // Trust the colleague's public key under the name they are known by here.
  await menu(page).getByRole('link', { name: 'Signing key' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signing key' })).toBeFocused();
  await expect(page.getByText('You trust no one else’s key yet.', { exact: false })).toBeVisible();
  await expectNoAxeViolations(page, 'the Signing key page');

  // Your own public key downloads as the PEM the app holds.
  const identity = (await callHost(host, 'signing:identity', {})) as {
    value: { publicKeyPem: string; fingerprint: string };
  };
  await expect(page.getByTestId('own-fingerprint')).toHaveText(identity.value.fingerprint);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download public key (.pem)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^px-rounds-public-key-[0-9a-f]{8}\.pem$/);
  expect(await readFile(await download.path(), 'utf8')).toBe(identity.value.publicKeyPem);

  await page.getByRole('button', { name: 'Trust this signer' }).click();
  await expect(page.getByRole('link', { name: 'Choose the signer’s public key file (.pem)' })).toBeVisible();
  await page.getByLabel('Their public key file (.pem)').setInputFiles({
    name: 'colleague.pem',
    mimeType: 'application/x-pem-file',
    buffer: Buffer.from(colleague.publicKeyPem),
  });
  await page.getByLabel('Their name').fill('Bea Colleague');
  await page.getByLabel('Their role (optional)').fill('Governor');
  await page.getByRole('button', { name: 'Trust this signer' }).click();
  const table = page.getByRole('table', { name: 'Trusted signers' });
  await expect(table.getByRole('cell', { name: 'Bea Colleague, Governor' })).toBeVisible();
  await expectNoAxeViolations(page, 'the Signing key page with a trusted signer');

  await verifyFile(page, file);
  await expect(page.getByRole('heading', { level: 2, name: 'Valid signature' })).toBeFocused();
  await expect(page.getByText('Trusted signer', { exact: true })).toBeVisible();
  await expect(page.locator('dt:text-is("Key trusted as") + dd')).toHaveText('Bea Colleague, Governor');
  await expect(page.locator('dt:text-is("Signed by (as the file says)") + dd')).toHaveText(
    'B. Colleague, Governor',
  );

  // Removing the key makes the same file "unknown" again.
  await menu(page).getByRole('link', { name: 'Signing key' }).click();
  await page.getByRole('button', { name: 'Remove Bea Colleague' }).click();
  await expect(page.getByText('You trust no one else’s key yet.', { exact: false })).toBeVisible();
  await verifyFile(page, file);
  await expect(page.getByText('Unknown signer', { exact: true })).toBeVisible();
});
