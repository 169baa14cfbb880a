// Settings → Backups: a backup made now, more work after it, then the backup restored from the
// page; the data is as it was at the backup, and what there was before is kept as a backup.
import { callHost, expect, expectNoAxeViolations, roundInArea, test } from './fixtures';

type Ok<T> = { ok: true; value: T };

test('a backup made in Settings is restored from Settings, keeping what was there first', async ({
  app: page,
  host,
}) => {
  test.slow();
  const { roundId, observe } = await roundInArea(host, 'Sutton', 'Oak Ward');
  await observe('The ward was calm');

  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Backups' });
  await section.getByRole('button', { name: 'Make a backup now' }).click();
  const rows = section.getByRole('row');
  // The header and the newest backup of today: the one just made (see db/backup-retention.ts).
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('1');
  await expectNoAxeViolations(page, 'the backups section of settings');

  await observe('Written after the backup');
  await rows
    .nth(1)
    .getByRole('button', { name: /^Restore the backup from/ })
    .click();
  await section.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(section.getByRole('status')).toContainText(
    /was restored\. What you had before is kept as the backup px-rounds-.*-before-restore\.db\./,
  );

  const detail = (await callHost(host, 'rounds:get', { roundId })) as Ok<{
    observations: { text: string }[];
  }>;
  expect(detail.value.observations.map((o) => o.text)).toEqual(['The ward was calm']);
  // Newest first: the data kept just before the restore, with both observations, then the backup.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole('cell').nth(3)).toHaveText('2');
  await expect(rows.nth(2).getByRole('cell').nth(3)).toHaveText('1');
  await expectNoAxeViolations(page, 'the backups section after a restore');
});
