import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './test/helpers/chromium-args';

export default defineConfig({
  // No webServer: each browser test starts its own host with its own data folder
  // (test/e2e/fixtures.ts), so tests never see each other's rounds. They serve out/renderer,
  // so `electron-vite build` must have run (npm test does it first).
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 900 },
        // As on a trust laptop: dates read 26/11/2025, times 09:30.
        locale: 'en-GB',
        timezoneId: 'Europe/London',
        launchOptions: { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS },
        trace: 'retain-on-failure',
      },
    },
    {
      // Launched by the specs themselves through Playwright's _electron; they skip with one line
      // when the Electron binary is absent.
      name: 'electron',
      testDir: 'test/electron',
    },
  ],
});
