// The native menu. Workspace actions are contract calls to the data core, like the page's own;
// after a switch the window reloads so every screen shows the newly opened workspace.
import { dialog, Menu } from 'electron';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { Result } from '#shared/contract/result.ts';
import type { AppInfo, WorkspaceInfo } from '#shared/domain/workspace.ts';
import type { CoreClient } from '#core/process/core-client.ts';

async function ask<T>(core: CoreClient, channel: string, arg?: unknown): Promise<T> {
  const result = JSON.parse(await core.call(channel, arg)) as Result<T>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function buildMenu(
  core: CoreClient,
  getWindow: () => BrowserWindow | null,
  devTools: boolean,
): Promise<void> {
  const info = await ask<AppInfo>(core, 'app:info').catch(() => null);
  const run = (channel: string, arg: unknown) => async () => {
    try {
      const opened = await ask<WorkspaceInfo | null>(core, channel, arg);
      if (opened) getWindow()?.webContents.reload();
    } catch (e) {
      dialog.showErrorBox('Winnow', e instanceof Error ? e.message : String(e));
    }
    void buildMenu(core, getWindow, devTools); // refresh the recent list
  };
  const recent: MenuItemConstructorOptions[] = (info?.recentWorkspaces ?? []).map((path) => ({
    label: basename(path),
    toolTip: path,
    click: run('workspace:open', { path }),
  }));
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Workspace',
      submenu: [
        { label: 'New workspace…', accelerator: 'CmdOrCtrl+N', click: run('workspace:create', {}) },
        { label: 'Open workspace…', accelerator: 'CmdOrCtrl+O', click: run('workspace:open', {}) },
        {
          label: 'Switch to',
          submenu: recent.length > 0 ? recent : [{ label: 'No recent workspaces', enabled: false }],
        },
        { type: 'separator' },
        {
          label: 'Show workspace file in folder',
          enabled: Boolean(info?.workspace),
          click: () => void ask(core, 'workspace:reveal').catch(() => undefined),
        },
        { type: 'separator' },
        { role: process.platform === 'darwin' ? 'close' : 'quit' },
      ],
    },
    { role: 'editMenu' },
    // Installed builds: no DevTools or reload entries (the page's state lives in the core anyway).
    devTools
      ? { role: 'viewMenu' }
      : {
          label: 'View',
          submenu: [
            { role: 'resetZoom' },
            { role: 'zoomIn' },
            { role: 'zoomOut' },
            { type: 'separator' },
            { role: 'togglefullscreen' },
          ],
        },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
