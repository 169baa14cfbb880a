// The main window's options. Every web-facing setting is spelled out rather than left to
// Electron's defaults, so a reviewer can check the security checklist here in one place and a
// future default change in Electron cannot loosen it silently.
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'PX Rounds';

/**
 * The language the window runs in, whatever the laptop's own: date fields then read day, month,
 * year, and the spelling checker knows "colour" and "organisation", as the app's text is written.
 */
export const UI_LANGUAGE = 'en-GB';

export type WindowOptionsInput = {
  preloadPath: string;
  /** Developer tools are for development; a packaged app on a NED's laptop has no use for them. */
  devTools: boolean;
};

export function createWindowOptions({
  preloadPath,
  devTools,
}: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1200,
    height: 860,
    // Half of a 1366-pixel laptop screen, so the app can sit beside a document. The NHS layout
    // reflows down to phone widths, so this also holds at 200% zoom.
    minWidth: 640,
    minHeight: 480,
    // Shown on ready-to-show, so nobody sees a blank white frame while the page loads.
    show: false,
    // NHS grey-5, the page background, for the same reason.
    backgroundColor: '#f0f4f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools,
    },
  };
}
