// The native menu. Workspace actions go through the same Session as the contract, then reload the
// window so every screen shows the newly opened workspace.
import { dialog, Menu } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { WorkspaceInfo } from '#shared/domain/workspace.ts';
import type { Session } from '#core/session/session.ts';

export function buildMenu(session: Session, getWindow: () => BrowserWindow | null): void {
  const run = (action: () => Promise<WorkspaceInfo | null>) => async () => {
    try {
      const info = await action();
      if (info) getWindow()?.webContents.reload();
    } catch (e) {
      dialog.showErrorBox('Winnow', e instanceof Error ? e.message : String(e));
    }
    buildMenu(session, getWindow); // refresh the recent list
  };
  const recent: MenuItemConstructorOptions[] = session.recent.map((path) => ({
    label: basename(path),
    toolTip: path,
    click: run(() => session.openExisting(path)),
  }));
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Workspace',
      submenu: [
        { label: 'New workspace…', accelerator: 'CmdOrCtrl+N', click: run(() => session.createWorkspace()) },
        { label: 'Open workspace…', accelerator: 'CmdOrCtrl+O', click: run(() => session.openExisting()) },
        {
          label: 'Switch to',
          submenu: recent.length > 0 ? recent : [{ label: 'No recent workspaces', enabled: false }],
        },
        { type: 'separator' },
        {
          label: 'Show workspace file in folder',
          enabled: session.workspace !== null,
          click: () => {
            const ws = session.workspace;
            if (ws) void session.platform.revealInFolder(ws.path);
          },
        },
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
