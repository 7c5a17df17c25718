// Electron entry: one window on the local workspace. The data core (electron/core) does the work
// in its own process (core-host.ts); this file keeps what only the window's process can do: paths,
// security, the IPC relay with its sender check, dialogs, the menu and the window.
import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SlowLog } from '#core/process/slow-call-log.ts';
import { APP_NAME, defaultUserDataDir } from '#core/session/paths.ts';
import { startCore } from './core-host.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { electronDialogs } from './platform.ts';
import { rendererOrigin, secureWebPreferences } from './security-policy.ts';
import { installSecurity, prepareSecurity } from './security.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** `--db FILE` opens that workspace (tests and power users); `--user-data DIR` isolates config. */
function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

app.setName(APP_NAME);
app.setPath('userData', argValue('--user-data') ?? defaultUserDataDir());

// The built renderer is served from app://winnow/; the dev server only in an unpackaged build.
const rendererDir = join(here, '..', 'renderer');
const origin = rendererOrigin(app.isPackaged, process.env.ELECTRON_RENDERER_URL);
prepareSecurity();

let mainWindow: BrowserWindow | null = null;
const core = startCore(
  electronDialogs(() => mainWindow),
  argValue('--db'),
);
core.onCrash = (code) =>
  dialog.showErrorBox(APP_NAME, `The data core stopped unexpectedly (exit ${code}). It has been restarted.`);

/**
 * The window's process must never be blocked for long (the budget is 50 ms): a stall shows as a
 * frozen menu. Each second the longest delay of its event loop is checked and a stall logged.
 */
function watchStalls(log: SlowLog): void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    const worst = delay.max / 1e6;
    if (worst > 50) log.note('main process blocked', worst);
    delay.reset();
  }, 1000).unref();
}

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
    webPreferences: secureWebPreferences(join(here, '..', 'preload', 'index.cjs'), origin.devTools),
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
    installSecurity(origin, rendererDir);
    registerIpc(core, origin);
    await core.start();
    await buildMenu(core, () => mainWindow, origin.devTools);
    watchStalls(new SlowLog(app.getPath('userData')));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quit waits for the core to stop its jobs (rolled back) and close the workspace cleanly.
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}
