// The Electron side of HostPlatform: native file dialogs and "show in folder".
import { app, dialog, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostPlatform } from '#core/session/session.ts';
import { WORKSPACE_EXTENSION } from '#core/session/paths.ts';

const filters = [{ name: 'Winnow workspace', extensions: [WORKSPACE_EXTENSION] }];

export function electronPlatform(getWindow: () => BrowserWindow | null): HostPlatform {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return {
    host: 'electron',
    version: app.getVersion(),
    userDataDir: app.getPath('userData'),
    migrationsDir: join(app.getAppPath(), 'resources', 'migrations'),
    jobWorkerUrl: join(here, 'job-worker.js'),
    async pickNewWorkspacePath(defaultDir) {
      const win = getWindow();
      const options = {
        title: 'New workspace',
        defaultPath: join(defaultDir, `Untitled.${WORKSPACE_EXTENSION}`),
        filters,
      };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async pickExistingWorkspacePath(defaultDir) {
      const win = getWindow();
      const options = { title: 'Open workspace', defaultPath: defaultDir, filters, properties: ['openFile' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async pickOpenFile(request) {
      const win = getWindow();
      const options = { title: request.title, filters: request.filters, properties: ['openFile' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async pickSaveFile(request) {
      const win = getWindow();
      const options = {
        title: request.title,
        filters: request.filters,
        defaultPath: join(app.getPath('documents'), request.defaultName),
      };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async revealInFolder(path) {
      if (!existsSync(path)) return false;
      shell.showItemInFolder(path);
      return true;
    },
  };
}
