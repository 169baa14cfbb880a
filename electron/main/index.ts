// The Electron main process. Deliberately thin: every decision lives in a pure module beside
// this one (and is unit-tested under Node); this file only wires those decisions to Electron.
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  type MessageBoxOptions,
} from 'electron';
import electronUpdater from 'electron-updater';
import { wrappedKeyStore } from '../../db/key-file';
import { createAppContext, dataFolderPaths, type AppContext } from '../../domain/app-context';
import { openThroughRecoveryGate, type RecoveryGate } from '../../domain/recovery/recovery-gate';
import { createAppProtocolHandler } from './app-protocol';
import { resolveAppPaths } from './app-paths';
import { contentSecurityPolicy } from './content-security-policy';
import { allowInMemoryKeyStore, resolveDataFolder } from './data-folder';
import { registerIpcHandlers } from './ipc-bridge';
import { buildMenuTemplate } from './menu-template';
import { APP_ENTRY_URL, APP_SCHEME, hardenContents, hardenSession } from './security-guards';
import { describeStartupError } from './startup-error';
import { startUpdateCheck } from './updater';
import { createWindowOptions, UI_LANGUAGE } from './window-options';

const EXPORTS_FOLDER_NAME = 'PX Rounds exports';

const paths = resolveAppPaths({
  isPackaged: app.isPackaged,
  appPath: app.getAppPath(),
  resourcesPath: process.resourcesPath,
  mainFolder: dirname(fileURLToPath(import.meta.url)),
});
const openExternal = (url: string) => shell.openExternal(url);

let context: RecoveryGate<AppContext> | null = null;
let mainWindow: BrowserWindow | null = null;

function quitWithError(title: string, message: string, { showDialog }: { showDialog: boolean }): void {
  // Always on stderr, so a test run or a support call with a terminal sees why. Test runs get
  // no dialog: on Windows and macOS it would block the process until someone clicks OK.
  console.error(`${title}: ${message}`);
  if (showDialog) dialog.showErrorBox(title, message);
  app.exit(1);
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow(
    createWindowOptions({ preloadPath: paths.preload, devTools: !app.isPackaged }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function showAbout(): void {
  const detail = `Version ${app.getVersion()}\nYour data is kept, encrypted, in:\n${app.getPath('userData')}`;
  const options: MessageBoxOptions = {
    type: 'info',
    title: 'About PX Rounds',
    message: 'PX Rounds',
    detail,
    buttons: ['OK'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function currentActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'desktop user';
  }
}

function start(dataFolder: string, testMode: boolean): void {
  const defaultSession = session.defaultSession;
  hardenSession(defaultSession);
  // On macOS the system's own checker is used and this does nothing.
  defaultSession.setSpellCheckerLanguages([UI_LANGUAGE]);
  // The page is offline by design; CSP already forbids it, and this stops any web request the
  // renderer might still make (a stray link preload, an image in pasted text).
  defaultSession.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererRoot: paths.rendererRoot,
      fetchFile: (fileUrl) => net.fetch(fileUrl),
      contentSecurityPolicy: contentSecurityPolicy({ allowConnectSelf: false }),
    }),
  );

  const keyStoreBackend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null;
  if (allowInMemoryKeyStore({ testMode, platform: process.platform, keyStoreBackend })) {
    safeStorage.setUsePlainTextEncryption(true);
  }
  // Where this computer's key store cannot unwrap the database key (a re-imaged laptop, a new
  // profile, a data folder brought from another computer) and a recovery file is there, the
  // window opens on the start-up screen that asks for the recovery key.
  const keyStore = wrappedKeyStore(dataFolder, safeStorage);
  context = openThroughRecoveryGate({
    paths: dataFolderPaths(dataFolder, keyStore.fileName),
    keyStore,
    nativeBinding: paths.nativeBinding,
    open: (key) =>
      createAppContext({
        dataDir: dataFolder,
        key,
        migrationsFolder: paths.migrationsFolder,
        resourcesFolder: paths.resourcesFolder,
        host: 'electron',
        version: app.getVersion(),
        actor: currentActor(),
        nativeBinding: paths.nativeBinding,
        deferIntegrityCheck: true,
        // The signing key is wrapped by the operating system's key store, as the database key is.
        keyWrapper: safeStorage,
        // Exports are for sharing, so they go where people look for documents; a test run keeps
        // them inside its own data folder.
        ...(testMode ? {} : { exportsDir: join(app.getPath('documents'), EXPORTS_FOLDER_NAME) }),
      }),
  });
  registerIpcHandlers((channel, listener) => ipcMain.handle(channel, listener), context.dispatch);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isMac: process.platform === 'darwin',
        showDeveloperTools: !app.isPackaged,
        onAbout: showAbout,
      }),
    ),
  );
  mainWindow = createMainWindow();

  startUpdateCheck({
    isPackaged: app.isPackaged,
    env: process.env,
    updater: electronUpdater.autoUpdater,
    log: (message) => console.warn(message),
  });
}

const decision = resolveDataFolder({
  env: process.env,
  userDataFolder: app.getPath('userData'),
  isPackaged: app.isPackaged,
});
if (!decision.ok) {
  // Only test mode can get here, so there is nobody to read a dialog.
  quitWithError('PX Rounds could not start', decision.message, { showDialog: false });
} else {
  // Under test, Chromium's own profile (and with it the single-instance lock) goes into the
  // test's folder too, so parallel runs neither share state nor block one another.
  if (decision.testMode) app.setPath('userData', decision.dataFolder);

  if (!app.requestSingleInstanceLock()) {
    // Another window is already open on this data; it is brought forward instead.
    app.quit();
  } else {
    protocol.registerSchemesAsPrivileged([
      { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    app.enableSandbox();
    app.commandLine.appendSwitch('lang', UI_LANGUAGE);
    app.on('web-contents-created', (_event, contents) => hardenContents(contents, openExternal));
    app.on('second-instance', () => {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });
    app.on('activate', () => {
      if (context && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('will-quit', () => {
      context?.close();
      context = null;
    });

    app
      .whenReady()
      .then(() => start(decision.dataFolder, decision.testMode))
      .catch((error: unknown) => {
        const { title, message } = describeStartupError(error);
        quitWithError(title, message, { showDialog: !decision.testMode });
      });
  }
}
