// Settings → Audit log: the check says in plain words that the log is intact and matches its
// signed anchor, then, once the anchors file has been tampered with, that an anchor is not
// validly signed; and a signed export brought back is compared with the log.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { callHost, expect, expectNoAxeViolations, test } from './fixtures';

test('the audit check in Settings reports an intact log, then a tampered anchor', async ({
  app: page,
  host,
}) => {
  test.slow();
  // A signing key first: anchors are signed with it, and a backup never makes one.
  await callHost(host, 'signing:identity', {});
  await callHost(host, 'rounds:create', {
    startsAt: new Date().toISOString(),
    site: 'Sutton',
    templateId: null,
    team: [],
  });

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
  await page
    .getByRole('region', { name: 'Backups' })
    .getByRole('button', { name: 'Make a backup now' })
    .click();
  await expect(page.getByRole('region', { name: 'Backups' }).getByRole('row')).toHaveCount(2);

  const section = page.getByRole('region', { name: 'Audit log' });
  await section.getByRole('button', { name: 'Check the audit log' }).click();
  await expect(section).toContainText(
    /The audit log is intact: 2 entries, each following from the one before, and it matches its signed anchor from/,
  );
  await expectNoAxeViolations(page, 'the audit log section of settings, intact');

  // Someone edits the anchor to claim the log once reached further: its signature no longer holds.
  const file = join(host.dataDir, 'audit-anchors.jsonl');
  const anchor = JSON.parse((await readFile(file, 'utf8')).trim()) as { seq: number };
  await writeFile(file, `${JSON.stringify({ ...anchor, seq: anchor.seq + 10 })}\n`);
  await section.getByRole('button', { name: 'Check the audit log' }).click();
  await expect(section.getByText('The audit log does not check out')).toBeVisible();
  await expect(section.getByRole('listitem')).toHaveText([
    /^A signed anchor of the audit log \(line 1 of audit-anchors\.jsonl\) does not carry a valid signature from your signing key/,
  ]);
  await expectNoAxeViolations(page, 'the audit log section of settings, with a tampered anchor');
});

test('a signed export brought back to Settings is compared with the audit log', async ({
  app: page,
  host,
}) => {
  test.slow();
  const today = new Date().toISOString().slice(0, 10);
  const started = (await callHost(host, 'exports:start', {
    documentType: 'period_report',
    from: today,
    to: today,
    site: null,
    signerName: 'Helen Adeyemi',
    signerRole: 'PEIG chair',
    attestation: 'A fair account of the period.',
    personalDataConfirmed: true,
  })) as { ok: true; value: { jobId: string } };
  let path = '';
  await expect
    .poll(async () => {
      const status = (await callHost(host, 'exports:status', { jobId: started.value.jobId })) as {
        ok: true;
        value: { state: string; result: { path: string } | null };
      };
      path = status.value.result?.path ?? '';
      return status.value.state;
    })
    .toBe('done');

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Audit log' });
  await section.getByRole('button', { name: 'Compare with the audit log' }).click();
  await expect(section.getByText('Choose a signed document or bundle to compare').first()).toBeVisible();
  await section.getByLabel('Signed Word document (.docx) or bundle (.pxbundle)').setInputFiles({
    name: 'report.docx',
    mimeType: 'application/octet-stream',
    buffer: await readFile(path),
  });
  await section.getByRole('button', { name: 'Compare with the audit log' }).click();
  await expect(section.getByRole('heading', { name: 'The audit log agrees with this file' })).toBeVisible();
  await expect(section).toContainText(
    /This computer’s audit log still holds, unchanged, all \d+ entries it held when this document was signed on /,
  );
  await expectNoAxeViolations(page, 'the audit log section after comparing a signed export');
});
