// Printing with a Chromium binary over the DevTools protocol on a pipe (--remote-debugging-pipe):
// no port is opened, so nothing else on the machine can reach the browser, and no client library
// is needed (playwright-core stays a test dependency). Chosen over `chromium --print-to-pdf`
// because that flag cannot produce a tagged PDF with an outline, cannot wait for a ready flag and
// cannot block requests. Every request other than file: and data: is failed (Fetch domain) and
// proxied to a dead address besides, so a remote image in a note never leaves the machine.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { PRINT_OPTIONS, READY_EXPRESSION } from './printer.ts';
import type { PrintJob, PrintOutcome, Printer } from './printer.ts';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The browser to print with: CHROMIUM_PATH, else Debian's /usr/bin/chromium; null when neither exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, DEFAULT_CHROMIUM].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

export const NO_PRINTER_MESSAGE =
  'Cannot print a PDF: no Electron binary is installed (node_modules/electron/dist) and no Chromium was found at CHROMIUM_PATH or /usr/bin/chromium. Install Chromium or set CHROMIUM_PATH to a Chromium or Chrome binary.';

interface CdpMessage {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message: string };
}

class Cdp {
  private nextId = 0;
  private buffer = '';
  private readonly waiting = new Map<
    number,
    { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }
  >();
  private readonly listeners: ((m: CdpMessage) => void)[] = [];
  private readonly out: Writable;

  constructor(out: Writable, input: Readable) {
    this.out = out;
    input.setEncoding('utf8');
    input.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const text = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 1);
        this.receive(JSON.parse(text) as CdpMessage);
      }
    });
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.out.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  on(listener: (m: CdpMessage) => void): void {
    this.listeners.push(listener);
  }

  failAll(error: Error): void {
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }

  private receive(m: CdpMessage): void {
    if (m.id !== undefined) {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.error) w?.reject(new Error(m.error.message));
      else w?.resolve(m.result ?? {});
      return;
    }
    for (const l of this.listeners) l(m);
  }
}

class PrintStopped extends Error {
  readonly code: 'timeout' | 'cancelled';
  constructor(code: 'timeout' | 'cancelled', message: string) {
    super(message);
    this.code = code;
  }
}

export class ChromiumPrinter implements Printer {
  private readonly running = new Map<string, (reason: PrintStopped) => void>();
  private readonly binary: string | null;

  constructor(binary: string | null = findChromium()) {
    this.binary = binary;
  }

  cancel(printId: string): boolean {
    const stop = this.running.get(printId);
    stop?.(new PrintStopped('cancelled', 'The PDF was cancelled.'));
    return !!stop;
  }

  async print(job: PrintJob): Promise<PrintOutcome> {
    if (!this.binary) return { ok: false, code: 'no_printer', message: NO_PRINTER_MESSAGE };
    const profile = mkdtempSync(join(tmpdir(), 'winnow-print-'));
    const child = spawn(this.binary, chromiumArgs(profile), { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    // A browser killed at the timeout closes its pipes under us: that is expected, not an error.
    for (const pipe of [child.stdio[3], child.stdio[4]]) (pipe as Readable | null)?.on('error', () => {});
    const cdp = new Cdp(child.stdio[3] as Writable, child.stdio[4] as Readable);
    let timer: NodeJS.Timeout | undefined;
    const stopped = new Promise<never>((_resolve, reject) => {
      const stop = (reason: PrintStopped | Error) => {
        cdp.failAll(reason);
        reject(reason);
      };
      timer = setTimeout(
        () =>
          stop(
            new PrintStopped(
              'timeout',
              `The PDF took longer than ${Math.round(job.timeoutMs / 1000)} s and was stopped.`,
            ),
          ),
        job.timeoutMs,
      );
      if (job.printId) this.running.set(job.printId, stop);
      child.on('error', (e) => stop(e));
      child.on('exit', (code) => stop(new Error(`Chromium stopped (exit ${code}). ${stderr.trim()}`)));
    });
    stopped.catch(() => {});
    try {
      const blocked = await Promise.race([this.run(cdp, job), stopped]);
      return { ok: true, blockedRequests: blocked };
    } catch (e) {
      if (e instanceof PrintStopped) return { ok: false, code: e.code, message: e.message };
      return { ok: false, code: 'failed', message: `Printing failed: ${e instanceof Error ? e.message : String(e)}` };
    } finally {
      clearTimeout(timer);
      if (job.printId) this.running.delete(job.printId);
      await stopBrowser(child);
      rmSync(profile, { recursive: true, force: true });
    }
  }

  private async run(cdp: Cdp, job: PrintJob): Promise<string[]> {
    const { targetId } = (await cdp.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: true })) as {
      sessionId: string;
    };
    const blocked: string[] = [];
    let loaded: () => void = () => {};
    const load = new Promise<void>((resolve) => (loaded = resolve));
    cdp.on((m) => {
      if (m.sessionId !== sessionId) return;
      if (m.method === 'Page.loadEventFired') loaded();
      if (m.method === 'Fetch.requestPaused') {
        const p = m.params as { requestId: string; request: { url: string } };
        const local = p.request.url.startsWith('file:') || p.request.url.startsWith('data:');
        if (!local) blocked.push(p.request.url);
        void cdp
          .send(
            local ? 'Fetch.continueRequest' : 'Fetch.failRequest',
            local ? { requestId: p.requestId } : { requestId: p.requestId, errorReason: 'BlockedByClient' },
            sessionId,
          )
          .catch(() => {});
      }
    });
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, sessionId);
    await cdp.send('Page.enable', {}, sessionId);
    await cdp.send('Page.navigate', { url: pathToFileURL(job.htmlPath).href }, sessionId);
    await load;
    const ready = (await cdp.send(
      'Runtime.evaluate',
      { expression: READY_EXPRESSION, awaitPromise: true, returnByValue: true },
      sessionId,
    )) as { result: { value: unknown } };
    if (ready.result.value !== true) throw new Error('The report document did not mark itself ready.');
    const { data } = (await cdp.send(
      'Page.printToPDF',
      { ...PRINT_OPTIONS, transferMode: 'ReturnAsBase64' },
      sessionId,
    )) as {
      data: string;
    };
    writeFileSync(job.outPath, Buffer.from(data, 'base64'));
    return blocked;
  }
}

function chromiumArgs(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--disable-default-apps',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    // Belt and braces beside the Fetch interception: no name resolves, and any proxy use goes nowhere.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--proxy-server=127.0.0.1:9',
    '--proxy-bypass-list=<-loopback>',
    `--user-data-dir=${profile}`,
    '--remote-debugging-pipe',
    'about:blank',
  ];
}

async function stopBrowser(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGKILL');
  });
}

/** For tests: a ready-flagged HTML document in a temp file. */
export function writeTempHtml(html: string): { path: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'winnow-report-'));
  const path = join(dir, 'report.html');
  writeFileSync(path, html);
  return { path, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
