import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { channelNames } from '../../ipc/contract';
import {
  chromiumArgs,
  ELECTRON_SKIP_REASON,
  electronBinary,
  launchApp,
  prepareNativeModule,
  projectRoot,
  testEnvironment,
} from './electron-app';

test.skip(!electronBinary.present, ELECTRON_SKIP_REASON);

test.beforeAll(() => {
  test.setTimeout(10 * 60_000);
  prepareNativeModule();
});

test('opens on the home screen in UK English, served from app:// with only window.api exposed', async () => {
  const app = await launchApp(test.info().outputPath('data'));
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('heading', { level: 1, name: 'Rounds' })).toBeVisible();
    expect(page.url()).toMatch(/^app:\/\/px-rounds\/index\.html/);

    const exposed = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      api: Object.keys((globalThis as { api?: object }).api ?? {}).sort(),
      language: (globalThis as { navigator?: { language?: string } }).navigator?.language,
    }));
    expect(exposed).toEqual({
      require: 'undefined',
      process: 'undefined',
      api: [...channelNames].sort(),
      // UK English whatever the machine's language: dates read day, month, year.
      language: 'en-GB',
    });
  } finally {
    await app.close();
  }
});

test('refuses to start in test mode without a data folder of its own', () => {
  if (!electronBinary.present) return;
  const run = spawnSync(electronBinary.executablePath, [...chromiumArgs, projectRoot], {
    cwd: projectRoot,
    env: testEnvironment(null),
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  expect(run.stderr).toContain('PXR_DATA_DIR is not set');
});
