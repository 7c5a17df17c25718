// The loopback test host: serves the built renderer on 127.0.0.1 and relays the contract over
// HTTP to the data core, started as its own process exactly as Electron's main process starts it
// (electron/core/process: the same entry, messages, read pool and write queue; here a forked
// child instead of a utility process). A browser driven by playwright-core then exercises the real
// UI against the real core, on machines without an Electron binary. Loopback only; every request
// is checked for host and origin. The host stands where Electron's main process stands, so it also
// measures how long its own event loop was ever blocked.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { buildApi } from '#shared/contract/api.ts';
import { CHANNELS } from '#shared/contract/index.ts';
import { STRICT_CSP } from '#shared/security/csp.ts';
import { CoreClient } from '#core/process/core-client.ts';
import type { HostDialogs } from '#core/process/core-client.ts';
import { ChromiumPrinter } from '#core/reports/chromium-printer.ts';
import { forkCore } from '#core/process/node-child.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

const MAX_BODY = 64 * 1024 * 1024;
const BRIDGE_PATH = '/__winnow-bridge.js';

/**
 * The page-side half: window.winnow built by the very same buildApi the preload uses, with
 * fetch as the transport instead of ipcRenderer.invoke.
 */
export function bridgeScript(): string {
  return `"use strict";(() => {
  const buildApi = ${buildApi.toString()};
  const transport = (channel, arg, meta) => fetch('/rpc/' + encodeURIComponent(channel), {
    method: 'POST',
    headers: Object.assign({ 'content-type': 'application/json' }, meta && meta.callId ? { 'x-winnow-call': meta.callId } : {}),
    body: arg === undefined ? '' : JSON.stringify(arg),
  }).then((r) => r.json());
  Object.defineProperty(window, 'winnow', { value: buildApi(${JSON.stringify(CHANNELS)}, transport), enumerable: true });
})();`;
}

export interface TestHost {
  url: string;
  /** The data core, to call it directly (JSON text answers), as the window would. */
  core: CoreClient;
  /** The longest the host's event loop was blocked since start (ms): the main process's budget is 50. */
  maxStallMs(): number;
  /**
   * Answers for the next file dialogs, in order (null = the user cancelled): "New workspace…",
   * "Open workspace…", any open-file dialog (import) and any save dialog (export).
   */
  picks: {
    newPath: (string | null)[];
    openPath: (string | null)[];
    openFile: (string | null)[];
    saveFile: (string | null)[];
  };
  revealed: string[];
  close(): Promise<void>;
}

export interface TestHostOptions {
  rendererDir: string;
  userDataDir: string;
  dbPath?: string;
  version?: string;
  /** false: every read is computed (the bench measures screens both ways). */
  resultCache?: boolean;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const picks: TestHost['picks'] = { newPath: [], openPath: [], openFile: [], saveFile: [] };
  const revealed: string[] = [];
  const printer = new ChromiumPrinter();
  const dialogs: HostDialogs = {
    pickNewWorkspacePath: async () => picks.newPath.shift() ?? null,
    pickExistingWorkspacePath: async () => picks.openPath.shift() ?? null,
    pickOpenFile: async () => picks.openFile.shift() ?? null,
    pickSaveFile: async () => picks.saveFile.shift() ?? null,
    revealInFolder: async (path) => {
      revealed.push(path);
      return true;
    },
    printPdf: (job) => printer.print(job),
    cancelPrint: async (id) => printer.cancel(id),
  };
  const core = new CoreClient(
    () => forkCore(),
    {
      host: 'testhost',
      version: options.version ?? '0.0.0-test',
      userDataDir: options.userDataDir,
      jobWorkerUrl: new URL('../../../electron/core/jobs/job-worker.ts', import.meta.url).href,
      connectionWorkerUrl: new URL('../../../electron/core/process/connection-worker.ts', import.meta.url).href,
      dbPath: options.dbPath,
      resultCache: options.resultCache,
    },
    dialogs,
  );
  core.onCrash = (code) => console.error(`Test host: the data core stopped (exit ${code}).`);
  await core.start();
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const rendererRoot = resolve(options.rendererDir);
  const indexHtml = (await readFile(join(rendererRoot, 'index.html'), 'utf8')).replace(
    /(<meta http-equiv="Content-Security-Policy"[^>]*>)/,
    `$1\n    <script src="${BRIDGE_PATH}"></script>`,
  );

  let origin = '';
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    // The CSP also travels as a header, as the app's app:// handler sends it (security.ts).
    res.writeHead(status, {
      'content-type': type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': STRICT_CSP,
    });
    res.end(body);
  };

  const server = createServer(async (req, res) => {
    try {
      // Loopback only, and only for pages this host served (no DNS rebinding, no cross-site posts).
      if (req.headers.host !== origin.slice('http://'.length)) return send(res, 403, 'text/plain', 'Forbidden host');
      const url = new URL(req.url ?? '/', origin);
      if (req.method === 'POST' && url.pathname.startsWith('/rpc/')) {
        if (req.headers.origin !== undefined && req.headers.origin !== origin)
          return send(res, 403, 'text/plain', 'Forbidden origin');
        const body = await readBody(req);
        let arg: unknown;
        try {
          arg = body === '' ? undefined : JSON.parse(body);
        } catch {
          return send(
            res,
            200,
            TYPES['.json']!,
            JSON.stringify({ ok: false, error: { code: 'invalid_argument', message: 'Request body is not JSON.' } }),
          );
        }
        const callId = req.headers['x-winnow-call'];
        const json = await core.call(
          decodeURIComponent(url.pathname.slice('/rpc/'.length)),
          arg,
          typeof callId === 'string' ? callId : undefined,
        );
        return send(res, 200, TYPES['.json']!, json);
      }
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'Method not allowed');
      if (url.pathname === '/' || url.pathname === '/index.html') return send(res, 200, TYPES['.html']!, indexHtml);
      if (url.pathname === BRIDGE_PATH) return send(res, 200, TYPES['.js']!, bridgeScript());
      const file = normalize(join(rendererRoot, decodeURIComponent(url.pathname)));
      if (!file.startsWith(rendererRoot + sep)) return send(res, 403, 'text/plain', 'Forbidden path');
      const data = await readFile(file).catch(() => null);
      if (!data) return send(res, 404, 'text/plain', 'Not found');
      return send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', data);
    } catch (e) {
      return send(res, 500, 'text/plain', e instanceof Error ? e.message : 'Error');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    core,
    maxStallMs: () => stalls.max / 1e6,
    picks,
    revealed,
    close: async () => {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      stalls.disable();
      await core.close();
    },
  };
}
