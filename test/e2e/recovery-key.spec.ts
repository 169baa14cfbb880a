// The recovery key from first run to a fresh key store, with the keyboard alone: made from the
// home page's reminder, confirmed, and then, once the browser host's key file is gone (as the
// operating system's key store is gone on a re-imaged laptop), the start-up screen opens the data
// with it. Mistyped and wrong keys are refused in plain words and change no byte on disk.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { formatRecoveryKey } from '../../domain/recovery/recovery-code';
import { callHost, expect, expectNoAxeViolations, startHost, stopHost, test } from './fixtures';
import { tabTo } from './helpers';

type Ok<T> = { ok: true; value: T };

async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return out;
}

async function typeKey(page: Page, key: string): Promise<void> {
  const field = page.getByLabel('Recovery key');
  await tabTo(page, field);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.type(key);
  await page.keyboard.press('Enter');
}

test('a recovery key made on first run opens the data once this computer has lost its key', async ({
  page,
}) => {
  test.slow();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const dataDir = await mkdtemp(join(tmpdir(), 'pxr-e2e-recovery-'));
  let started = await startHost(dataDir);
  try {
    await page.goto(started.host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeFocused();
    const reminder = page.getByRole('heading', { level: 2, name: /Make your recovery key/ });
    await expect(reminder).toBeVisible();
    await expectNoAxeViolations(page, 'the home page with the recovery key reminder');

    await tabTo(page, page.getByRole('link', { name: 'Make your recovery key and print it' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Recovery key' })).toBeFocused();
    await expect(page.getByText('You have not made a recovery key yet.')).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: 'Make a recovery key' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Your PX Rounds recovery key' })).toBeFocused();
    const groups = await page.locator('.pxr-recovery-key__characters').allTextContents();
    expect(groups).toHaveLength(8);
    for (const group of groups) expect(group).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}$/);
    await expectNoAxeViolations(page, 'a new recovery key');

    // Keeping it without saying it is stored is refused, with the error summary first.
    await tabTo(page, page.getByRole('button', { name: 'Keep this recovery key' }));
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert');
    await expect(summary).toContainText(
      'Confirm that you have printed the recovery key or stored it somewhere safe',
    );
    await expectNoAxeViolations(page, 'keeping a recovery key not yet confirmed');
    await tabTo(page, page.getByRole('checkbox', { name: /I have printed this recovery key/ }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Keep this recovery key' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Your recovery key is kept.' })).toBeFocused();

    const round = (await callHost(started.host, 'rounds:create', {
      startsAt: new Date().toISOString(),
      site: 'Sutton',
      templateId: null,
      team: [],
    })) as Ok<{ id: string }>;
    expect(round.ok).toBe(true);
    const keyFile = await readFile(join(dataDir, 'px-rounds.key'));
    await stopHost(started.child);

    // The key store is gone: the start-up screen asks for the recovery key.
    await rm(join(dataDir, 'px-rounds.key'));
    started = await startHost(dataDir);
    await page.goto(started.host.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Open with recovery key' })).toBeFocused();
    await expect(page.getByText(/is not on this computer/)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Menu' })).toHaveCount(0);
    await expectNoAxeViolations(page, 'the start-up screen asking for the recovery key');
    const before = await fingerprint(dataDir);

    const rightKey = groups.join('-');
    const mistyped = groups.map((g, i) => (i === 2 ? `${g[1]}${g[0]}${g.slice(2)}` : g)).join(' ');
    if (groups[2]![0] !== groups[2]![1]) {
      await typeKey(page, mistyped);
      await expect(page.getByRole('alert')).toContainText('Group 3 looks mistyped');
      await expect(page.getByText('Error: Group 3 looks mistyped')).toBeVisible();
      await expectNoAxeViolations(page, 'a mistyped recovery key');
    }
    await typeKey(page, formatRecoveryKey(randomBytes(20)));
    await expect(page.getByRole('alert')).toContainText(
      'This recovery key does not open the data in this folder',
    );
    expect(await fingerprint(dataDir)).toEqual(before);

    await typeKey(page, rightKey.toLowerCase());
    await expect(
      page.getByRole('status').filter({ hasText: /The recovery key opened your data/ }),
    ).toBeFocused();
    await expectNoAxeViolations(page, 'the data opened with the recovery key');
    await tabTo(page, page.getByRole('button', { name: 'Continue to PX Rounds' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeFocused();
    await expect(page.getByRole('link', { name: /Sutton/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /Make your recovery key/ })).toHaveCount(0);
    // Stored again for this computer: the same key, so the next start opens by itself.
    expect((await readFile(join(dataDir, 'px-rounds.key'))).equals(keyFile)).toBe(true);

    // On demand from Settings: the key already kept is named, and a new one can replace it.
    await tabTo(page, page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Settings' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('link', { name: 'Make or replace your recovery key' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Recovery key' })).toBeFocused();
    await expect(page.getByText(/^Your recovery key was made /)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Make a new recovery key' })).toBeVisible();
    await expectNoAxeViolations(page, 'the recovery key page once a key is kept');
    expect(consoleErrors).toEqual([]);
  } finally {
    await stopHost(started.child);
    await rm(dataDir, { recursive: true, force: true });
  }
});
