// The application menu: only what a user of this app needs, built from Electron's roles so
// copy and paste, zoom and quitting behave as in every other app on their computer.
import type { MenuItemConstructorOptions } from 'electron';

export type MenuTemplateInput = {
  isMac: boolean;
  showDeveloperTools: boolean;
  onAbout: () => void;
};

export function buildMenuTemplate({
  isMac,
  showDeveloperTools,
  onAbout,
}: MenuTemplateInput): MenuItemConstructorOptions[] {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = { label: 'About PX Rounds', click: onAbout };

  // macOS expects the app's own menu first, holding About and Quit.
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'PX Rounds',
          submenu: [
            about,
            separator,
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            separator,
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const windowMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'windowMenu' }] : [];
  const developerItems: MenuItemConstructorOptions[] = showDeveloperTools
    ? [separator, { role: 'toggleDevTools' }]
    : [];

  return [
    ...appMenu,
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        separator,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        // zoomIn's own shortcut is Ctrl/Cmd with "+", which needs Shift on most keyboards;
        // people press Ctrl/Cmd and "=", so that works too (hidden to keep the menu tidy).
        {
          role: 'zoomIn',
          accelerator: 'CommandOrControl+=',
          visible: false,
          acceleratorWorksWhenHidden: true,
        },
        { role: 'zoomOut' },
        separator,
        { role: 'togglefullscreen' },
        ...developerItems,
      ],
    },
    ...windowMenu,
    { label: 'Help', submenu: [about] },
  ];
}
