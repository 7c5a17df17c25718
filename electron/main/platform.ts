// The dialogs the data core asks the window's process to show: native file dialogs and "show in
// folder" (the core runs in its own process and cannot show one itself).
import { app, dialog, shell } from 'electron';
import type { BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HostDialogs } from '#core/process/core-client.ts';
import { WORKSPACE_EXTENSION } from '#core/session/paths.ts';
import { electronPrinter } from './print.ts';

const filters = [{ name: 'Winnow workspace', extensions: [WORKSPACE_EXTENSION] }];

export function electronDialogs(getWindow: () => BrowserWindow | null): HostDialogs {
  const printer = electronPrinter();
  return {
    printPdf: (job) => printer.print(job),
    cancelPrint: async (printId) => printer.cancel(printId),
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
