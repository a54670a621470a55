// The application menu: standard roles only; reload and devtools exist only in development builds.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function buildAppMenu(isPackaged: boolean): Menu {
  const isMac = process.platform === 'darwin';
  const development: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const template: MenuItemConstructorOptions[] = [
    // On macOS the first menu is the app's own (About, Hide, Quit).
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...development,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    // macOS has About in the app menu already.
    ...(isMac ? [] : [{ role: 'help', submenu: [{ role: 'about' }] } satisfies MenuItemConstructorOptions]),
  ];
  return Menu.buildFromTemplate(template);
}
