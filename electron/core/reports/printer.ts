// The printer abstraction: one HTML file in, one PDF out, through Chromium's print engine. The
// Electron app prints in a hidden window of its main process (electron/main/print.ts); the CLI, the
// tests and the test host drive a Chromium over the DevTools protocol (chromium-printer.ts). Both
// take the page size and orientation from the document's CSS (@page), wait for its ready flag
// (fonts loaded; charts are inline SVG, done at load), refuse every network request, and stop at a
// hard timeout or on cancel.

export interface PrintJob {
  /** A self-contained HTML file (file:// is the only URL the printer lets the page load). */
  htmlPath: string;
  /** Where to write the PDF (the caller renames it to its final name when complete). */
  outPath: string;
  timeoutMs: number;
  /** Names the job so `cancelPrint` can stop it. */
  printId?: string | undefined;
}

export type PrintOutcome =
  | { ok: true; blockedRequests: string[] }
  | { ok: false; code: 'timeout' | 'cancelled' | 'no_printer' | 'failed'; message: string };

export interface Printer {
  print(job: PrintJob): Promise<PrintOutcome>;
  cancel(printId: string): boolean;
}

/** Printing options shared by both engines (Chromium's Page.printToPDF and Electron's printToPDF). */
export const PRINT_OPTIONS = {
  preferCSSPageSize: true,
  printBackground: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
  displayHeaderFooter: false,
} as const;

/** The script the printer evaluates before printing: resolves once the document says it is ready. */
export const READY_EXPRESSION =
  "document.fonts.ready.then(() => document.documentElement.getAttribute('data-report') === 'ready')";

export const DEFAULT_PRINT_TIMEOUT_MS = 60_000;
