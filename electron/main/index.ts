// Electron entry: one window on the local workspace. The data core (electron/core) does the
// work; this file only wires it to Electron: paths, security, IPC, menu and the window.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { APP_NAME, defaultUserDataDir } from '#core/session/paths.ts';
import { Session } from '#core/session/session.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { electronPlatform } from './platform.ts';
import type { AppOrigin } from './security-policy.ts';
import { secureWebPreferences } from './security-policy.ts';
import { installSecurity } from './security.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** `--db FILE` opens that workspace (tests and power users); `--user-data DIR` isolates config. */
function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

app.setName(APP_NAME);
app.setPath('userData', argValue('--user-data') ?? defaultUserDataDir());

const origin: AppOrigin = {
  rendererUrl: process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '..', 'renderer', 'index.html')).href,
};

let mainWindow: BrowserWindow | null = null;
const session = new Session(electronPlatform(() => mainWindow));

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    title: APP_NAME,
    show: false,
    backgroundColor: '#f6f7f9',
    icon: join(app.getAppPath(), 'resources', 'icons', 'winnow.png'),
    webPreferences: secureWebPreferences(join(here, '..', 'preload', 'index.cjs')),
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(origin.rendererUrl);
}

// One instance per user: a second launch focuses the first instead of opening the database twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.whenReady().then(async () => {
    installSecurity(origin);
    await session.start(argValue('--db'));
    registerIpc(session, origin);
    buildMenu(session, () => mainWindow);
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    void session.close();
  });
}
