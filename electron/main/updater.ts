// Update checks. electron-updater itself imports Electron, so it is passed in by index.ts and
// this module stays testable. The feed is configured under `publish` in electron.builder.yml.

export type UpdateSettings = { isPackaged: boolean; env: Record<string, string | undefined> };

export function shouldCheckForUpdates({ isPackaged, env }: UpdateSettings): boolean {
  // An unpackaged build has no update feed to compare against, and a test run must never
  // reach the network; a trust can also switch checks off (PXR_DISABLE_UPDATES=1) when it
  // deploys updates itself.
  if (!isPackaged) return false;
  if (env.PXR_DISABLE_UPDATES === '1') return false;
  if (env.PXR_TEST_MODE === '1') return false;
  return true;
}

export type Updater = { checkForUpdatesAndNotify(): Promise<unknown> };

/**
 * Starts a background check when allowed. Laptops on wards are often offline, so a failed
 * check is logged and otherwise ignored: it must never interrupt someone capturing a round.
 * Returns whether a check was started.
 */
export function startUpdateCheck(
  settings: UpdateSettings & { updater: Updater; log: (message: string) => void },
): boolean {
  if (!shouldCheckForUpdates(settings)) return false;
  settings.updater.checkForUpdatesAndNotify().catch((error: unknown) => {
    settings.log(`Update check failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  return true;
}
