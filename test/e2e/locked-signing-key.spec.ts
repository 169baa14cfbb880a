// A signing key this computer's key store cannot unlock, as on a re-imaged laptop opened with the
// recovery key: the browser host's data folder is given another folder's wrapped signing key (its
// own key file cannot unwrap it). Settings says so, and the Signing key page makes a new key only
// after a confirm step, keeps the old file and lists the old key as an earlier key, by keyboard.
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callHost, expect, expectNoAxeViolations, startHost, stopHost, test } from './fixtures';
import { tabTo } from './helpers';

type Ok<T> = { ok: true; value: T };

test('a signing key that cannot be unlocked here is reported, and replaced only once confirmed', async ({
  page,
}) => {
  test.slow();
  const otherComputer = await mkdtemp(join(tmpdir(), 'pxr-e2e-other-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'pxr-e2e-locked-key-'));
  try {
    const other = await startHost(otherComputer);
    const oldKey = (await callHost(other.host, 'signing:identity', {})) as Ok<{ fingerprint: string }>;
    await stopHost(other.child);
    const first = await startHost(dataDir);
    await stopHost(first.child);
    for (const file of ['signing-key.wrapped', 'signing-key.public.pem']) {
      await copyFile(join(otherComputer, file), join(dataDir, file));
    }
    const wrapped = await readFile(join(dataDir, 'signing-key.wrapped'));

    const started = await startHost(dataDir);
    try {
      await page.goto(started.host.url);
      await page.goto(`${started.host.origin}#/settings`);
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
      await expect(page.getByTestId('settings-signing-key-locked')).toContainText(
        'Your signing key cannot be unlocked on this computer',
      );
      await expectNoAxeViolations(page, 'Settings with a signing key that cannot be unlocked');

      await tabTo(page, page.getByRole('link', { name: 'Make a new signing key' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Signing key' })).toBeFocused();
      await expect(page.getByTestId('signing-key-locked')).toContainText('re-imaged');
      await expectNoAxeViolations(page, 'the Signing key page with a key that cannot be unlocked');

      // Nothing is replaced until the person confirms; cancelling changes nothing.
      await tabTo(page, page.getByRole('button', { name: 'Make a new signing key' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'Make a new signing key?' })).toBeFocused();
      await expectNoAxeViolations(page, 'confirming a new signing key');
      await tabTo(page, page.getByRole('button', { name: 'Cancel' }));
      await page.keyboard.press('Enter');
      expect(await readFile(join(dataDir, 'signing-key.wrapped'))).toEqual(wrapped);

      await tabTo(page, page.getByRole('button', { name: 'Make a new signing key' }));
      await page.keyboard.press('Enter');
      await tabTo(page, page.getByRole('button', { name: 'Yes, make a new signing key' }));
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: 'You have a new signing key' })).toBeFocused();
      await expect(page.getByTestId('new-signing-key')).toContainText('Send it to the PEIG lead');
      await expect(page.getByTestId('earlier-keys')).toContainText(oldKey.value.fingerprint);
      const fingerprint = page.getByTestId('own-fingerprint');
      await expect(fingerprint).toBeVisible();
      await expect(fingerprint).not.toHaveText(oldKey.value.fingerprint);
      await expectNoAxeViolations(page, 'a new signing key with its next steps');

      const kept = (await readdir(dataDir)).filter((name) => name.startsWith('signing-key.wrapped.earlier-'));
      expect(kept).toHaveLength(1);
      expect(await readFile(join(dataDir, kept[0]!))).toEqual(wrapped);
    } finally {
      await stopHost(started.child);
    }
  } finally {
    await rm(otherComputer, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
