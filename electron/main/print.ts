// The app's printer: Chromium's print engine in a hidden window of the main process (the data core
// is a utility process and cannot open one). The window has its own in-memory session whose
// request filter lets only file: and data: through, runs no script of the document's and no
// preload; the core writes the report HTML to a temp file and renames the PDF when it is complete.
import { BrowserWindow, session } from 'electron';
import { writeFile } from 'node:fs/promises';
import { PRINT_OPTIONS, READY_EXPRESSION } from '#core/reports/printer.ts';
import type { PrintJob, PrintOutcome, Printer } from '#core/reports/printer.ts';

export function electronPrinter(): Printer {
  const running = new Map<string, () => void>();
  return {
    cancel(printId) {
      const stop = running.get(printId);
      stop?.();
      return !!stop;
    },
    async print(job: PrintJob): Promise<PrintOutcome> {
      const blocked: string[] = [];
      const ses = session.fromPartition(`winnow-print-${Date.now()}-${Math.random()}`, { cache: false });
      ses.webRequest.onBeforeRequest((details, callback) => {
        const local = details.url.startsWith('file:') || details.url.startsWith('data:');
        if (!local) blocked.push(details.url);
        callback({ cancel: !local });
      });
      const win = new BrowserWindow({
        show: false,
        webPreferences: { session: ses, sandbox: true, contextIsolation: true, nodeIntegration: false },
      });
      let timer: NodeJS.Timeout | undefined;
      const stopped = new Promise<PrintOutcome>((resolve) => {
        timer = setTimeout(
          () =>
            resolve({
              ok: false,
              code: 'timeout',
              message: `The PDF took longer than ${Math.round(job.timeoutMs / 1000)} s and was stopped.`,
            }),
          job.timeoutMs,
        );
        if (job.printId)
          running.set(job.printId, () => resolve({ ok: false, code: 'cancelled', message: 'The PDF was cancelled.' }));
      });
      const work = (async (): Promise<PrintOutcome> => {
        await win.loadFile(job.htmlPath);
        const ready = (await win.webContents.executeJavaScript(READY_EXPRESSION, true)) as unknown;
        if (ready !== true)
          return { ok: false, code: 'failed', message: 'The report document did not mark itself ready.' };
        const pdf = await win.webContents.printToPDF({ ...PRINT_OPTIONS });
        await writeFile(job.outPath, pdf);
        return { ok: true, blockedRequests: blocked };
      })();
      try {
        return await Promise.race([work, stopped]);
      } catch (e) {
        return { ok: false, code: 'failed', message: `Printing failed: ${e instanceof Error ? e.message : String(e)}` };
      } finally {
        clearTimeout(timer);
        if (job.printId) running.delete(job.printId);
        win.destroy();
      }
    },
  };
}
