import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu-template';

type MenuItemConstructorOptions = ReturnType<typeof buildMenuTemplate>[number];

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const roles = (items: MenuItemConstructorOptions[]) => flatten(items).map((item) => item.role);
const menu = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((item) => item.label === label)?.submenu as MenuItemConstructorOptions[] | undefined;

describe('the application menu', () => {
  const windows = buildMenuTemplate({ isMac: false, showDeveloperTools: false, onAbout: () => undefined });

  it('has File, Edit, View and Help', () => {
    expect(windows.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('can quit from the File menu', () => {
    expect(menu(windows, 'File')).toEqual([{ role: 'quit', label: 'Quit' }]);
  });

  it('supports copy and paste in the Edit menu', () => {
    expect(roles(menu(windows, 'Edit') ?? [])).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
  });

  it('zooms with the usual shortcuts, including Ctrl and "=", so 200% is reachable', () => {
    const view = menu(windows, 'View') ?? [];
    expect(roles(view)).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    expect(view).toContainEqual(
      expect.objectContaining({ role: 'zoomIn', accelerator: 'CommandOrControl+=' }),
    );
  });

  it('shows About from the Help menu', () => {
    const onAbout = vi.fn();
    const about = menu(buildMenuTemplate({ isMac: false, showDeveloperTools: false, onAbout }), 'Help')?.[0];
    expect(about?.label).toBe('About PX Rounds');
    about?.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('offers developer tools only when asked to', () => {
    expect(roles(windows)).not.toContain('toggleDevTools');
    expect(
      roles(buildMenuTemplate({ isMac: false, showDeveloperTools: true, onAbout: () => undefined })),
    ).toContain('toggleDevTools');
  });

  it('follows macOS conventions on a Mac: an app menu with Quit, and Close in File', () => {
    const mac = buildMenuTemplate({ isMac: true, showDeveloperTools: false, onAbout: () => undefined });
    expect(mac[0]?.label).toBe('PX Rounds');
    expect(roles(menu(mac, 'PX Rounds') ?? [])).toContain('quit');
    expect(menu(mac, 'File')).toEqual([{ role: 'close' }]);
  });
});
