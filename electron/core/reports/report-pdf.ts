// Report → PDF: the document is written to a temp HTML file, printed by the host's printer to a
// temporary name beside the target, and renamed when complete, so a cancelled, timed-out or
// crashed print never leaves a half-written PDF under the name the user chose.
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { PdfResult, ReportDocument } from '#shared/domain/reports.ts';
import { AppError } from '../errors.ts';
import { DEFAULT_PRINT_TIMEOUT_MS } from './printer.ts';
import type { PrintJob, PrintOutcome } from './printer.ts';

export type PrintFn = (job: PrintJob) => Promise<PrintOutcome>;

/** Pages of a PDF written by Chromium (Skia writes each page object uncompressed). */
export function countPdfPages(bytes: Buffer): number {
  return bytes.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

export async function writeReportPdf(
  doc: ReportDocument,
  outPath: string,
  print: PrintFn,
  options: { timeoutMs?: number; printId?: string | undefined } = {},
): Promise<PdfResult> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'winnow-report-'));
  const htmlPath = join(dir, 'report.html');
  const partial = join(dirname(outPath), `.${basename(outPath)}.${process.pid}.${Date.now()}.partial`);
  try {
    writeFileSync(htmlPath, doc.html);
    const outcome = await print({
      htmlPath,
      outPath: partial,
      timeoutMs: options.timeoutMs ?? DEFAULT_PRINT_TIMEOUT_MS,
      printId: options.printId,
    });
    if (!outcome.ok) {
      const code = outcome.code === 'cancelled' ? 'cancelled' : 'internal';
      throw new AppError(code, outcome.message);
    }
    const bytes = readFileSync(partial);
    renameSync(partial, outPath);
    return {
      path: outPath,
      pages: countPdfPages(bytes),
      bytes: statSync(outPath).size,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    rmSync(partial, { force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}
