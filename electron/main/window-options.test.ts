import { describe, expect, it } from 'vitest';
import { createWindowOptions, WINDOW_TITLE } from './window-options';

describe('the main window options', () => {
  const options = createWindowOptions({ preloadPath: '/app/out/preload/index.cjs', devTools: false });
  const web = options.webPreferences ?? {};

  it('isolate the page from Node and Electron', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keep the web security model and refuse webviews and insecure content', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('load the preload it is given', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
  });

  it('offer developer tools only when asked to', () => {
    expect(web.devTools).toBe(false);
    expect(createWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('stay hidden until the page is ready, so nobody sees a blank window', () => {
    expect(options.show).toBe(false);
  });

  it('are titled PX Rounds and cannot shrink below half a laptop screen', () => {
    expect(options.title).toBe(WINDOW_TITLE);
    expect(WINDOW_TITLE).toBe('PX Rounds');
    expect(options.minWidth).toBe(640);
    expect(options.minHeight).toBe(480);
  });
});
