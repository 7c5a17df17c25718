// Starts Winnow for an end-to-end test, the same way in both modes:
//  - electron: where the Electron binary is installed, the real app via Playwright's Electron
//    launcher, on the given workspace file;
//  - browser: elsewhere (CI here), the loopback test host with Debian's Chromium.
// WINNOW_E2E=browser|electron forces a mode. Tests get a Page either way and never branch on it.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { startTestHost } from './test-host.ts';
import type { TestHost } from './test-host.ts';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
const MAIN_JS = join(ROOT, 'out', 'main', 'index.js');

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type Mode = 'electron' | 'browser';

/** The Electron binary, if installed (reading electron's path.txt; requiring it would download). */
export function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

export function chooseMode(): Mode {
  const forced = process.env.WINNOW_E2E;
  if (forced === 'browser' || forced === 'electron') return forced;
  return electronBinary() ? 'electron' : 'browser';
}

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `End-to-end tests need Chromium at ${path}, and it is missing. Install it with ` +
        '"sudo apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium binary. ' +
        '(Where the Electron binary is installed, the tests drive the app instead.)',
    );
  }
  return path;
}

export function assertBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html')) || !existsSync(MAIN_JS)) {
    throw new Error('The app is not built: run "npm run build" (npm test does it first).');
  }
}

/** Which native dialog an answer is for. */
export type DialogKind = 'newWorkspace' | 'openWorkspace' | 'openFile' | 'saveFile';

/** Scripted answers to native dialogs, the same way in both modes. */
export interface Dialogs {
  /** The next dialog of this kind returns this path (null: the user cancels). */
  next(kind: DialogKind, path: string | null): Promise<void>;
  /** Paths the app asked to show in their folder. */
  revealed(): Promise<string[]>;
}

export interface Winnow {
  page: Page;
  mode: Mode;
  /** Every URL the page requested, to prove nothing left the machine. */
  requests: string[];
  /** Requests the browser refused to send (CSP and the like), with the reason. */
  blocked: { url: string; reason: string }[];
  /** The app's own origin: the test host's, or file:// for Electron. */
  origin: string;
  /** Browser mode only: the host, to inspect the session. Script dialogs with `dialogs`. */
  host: TestHost | null;
  dialogs: Dialogs;
  userDataDir: string;
  close(): Promise<void>;
}

let sharedBrowser: Browser | null = null;

async function browser(): Promise<Browser> {
  if (!sharedBrowser) {
    sharedBrowser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
  }
  return sharedBrowser;
}

/** Close the shared browser (afterAll of each e2e file). */
export async function closeBrowser(): Promise<void> {
  await sharedBrowser?.close();
  sharedBrowser = null;
}

export async function launchWinnow(options: { dbPath: string; userDataDir?: string }): Promise<Winnow> {
  assertBuilt();
  const mode = chooseMode();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'winnow-e2e-user-'));
  const requests: string[] = [];
  const blocked: { url: string; reason: string }[] = [];
  const watch = (page: Page) => {
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => {
      const reason = r.failure()?.errorText ?? '';
      if (/BLOCKED|csp/i.test(reason)) blocked.push({ url: r.url(), reason });
    });
  };

  if (mode === 'electron') {
    const app = await _electron.launch({
      executablePath: electronBinary()!,
      args: [MAIN_JS, '--db', options.dbPath, '--user-data', userDataDir],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    // Native dialogs cannot be clicked by a test: replace them in the main process with queues.
    await app.evaluate(({ dialog, shell }) => {
      const g = globalThis as unknown as {
        __winnowDialogs: { save: (string | null)[]; open: (string | null)[]; revealed: string[] };
      };
      g.__winnowDialogs = { save: [], open: [], revealed: [] };
      const q = g.__winnowDialogs;
      dialog.showSaveDialog = (async () => {
        const p = q.save.shift() ?? null;
        return p ? { canceled: false, filePath: p } : { canceled: true, filePath: '' };
      }) as typeof dialog.showSaveDialog;
      dialog.showOpenDialog = (async () => {
        const p = q.open.shift() ?? null;
        return p ? { canceled: false, filePaths: [p] } : { canceled: true, filePaths: [] };
      }) as typeof dialog.showOpenDialog;
      shell.showItemInFolder = (p: string) => void q.revealed.push(p);
    });
    const page = await app.firstWindow();
    watch(page);
    await page.waitForLoadState('domcontentloaded');
    const dialogs: Dialogs = {
      next: (kind, path) =>
        app.evaluate(
          (_electron, [queue, p]) => {
            const g = globalThis as unknown as { __winnowDialogs: Record<string, (string | null)[]> };
            g.__winnowDialogs[queue]!.push(p);
          },
          [kind === 'newWorkspace' || kind === 'saveFile' ? 'save' : 'open', path] as const,
        ),
      revealed: () =>
        app.evaluate(
          () => (globalThis as unknown as { __winnowDialogs: { revealed: string[] } }).__winnowDialogs.revealed,
        ),
    };
    return {
      page,
      mode,
      requests,
      blocked,
      origin: 'app://winnow',
      host: null,
      dialogs,
      userDataDir,
      close: () => app.close(),
    };
  }

  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const host = await startTestHost({ rendererDir: RENDERER_DIR, userDataDir, dbPath: options.dbPath, version });
  const context = await (await browser()).newContext({ viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  watch(page);
  await page.goto(host.url);
  const queues = {
    newWorkspace: host.picks.newPath,
    openWorkspace: host.picks.openPath,
    openFile: host.picks.openFile,
    saveFile: host.picks.saveFile,
  };
  const dialogs: Dialogs = {
    next: async (kind, path) => void queues[kind].push(path),
    revealed: async () => [...host.revealed],
  };
  return {
    page,
    mode,
    requests,
    blocked,
    origin: new URL(host.url).origin,
    host,
    dialogs,
    userDataDir,
    close: async () => {
      await context.close();
      await host.close();
    },
  };
}

/** URLs requested outside the app's own origin that the browser did not block: must be none. */
export function requestsThatLeft(app: Winnow): string[] {
  const refused = new Set(app.blocked.map((b) => b.url));
  return app.requests.filter((u) => !u.startsWith(app.origin) && !/^(data|blob|devtools):/.test(u) && !refused.has(u));
}

/** Where end-to-end screenshots go (looked at by people, not compared by tests). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
