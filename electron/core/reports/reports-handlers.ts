// Report calls: templates, the document (the preview) and its PDF. The figures come from the
// contract's own handlers (report-data.ts); these run on the writer because the retention
// section refreshes the maintained revenue tables first, as the retention screens do.
import type { HandlersOf } from '#shared/contract/index.ts';
import type { reportsChannels } from '#shared/contract/reports.ts';
import type { ReportSpec } from '#shared/domain/reports.ts';
import type { CoreContext } from '../rpc/context.ts';
import { fileNameFor } from '../win-rates/save-file.ts';
import { gatherReport } from './report-data.ts';
import { buildReportDocument } from './report-html.ts';
import { writeReportPdf } from './report-pdf.ts';
import { deleteTemplate, listTemplates, saveTemplate } from './template-queries.ts';

/** The report document for a spec, on this context's connection. */
export async function renderReport(spec: ReportSpec, ctx: CoreContext, today?: string) {
  return buildReportDocument(await gatherReport(spec, ctx, today ? { today } : {}));
}

export const reportsHandlers: HandlersOf<Omit<typeof reportsChannels, 'reports:cancelPdf'>, CoreContext> = {
  'reports:templates': (_arg, s) => listTemplates(s.require().sqlite),
  'reports:saveTemplate': ({ name, spec }, s) => saveTemplate(s.require().sqlite, name, spec as ReportSpec),
  'reports:deleteTemplate': ({ id }, s) => ({ deleted: deleteTemplate(s.require().sqlite, id) }),
  'reports:render': ({ spec }, s) => renderReport(spec as ReportSpec, s),
  'reports:exportPdf': async ({ spec, printId }, s) => {
    const doc = await renderReport(spec as ReportSpec, s);
    const path = await s.platform.pickSaveFile({
      title: 'Save report as PDF',
      filters: [{ name: 'PDF documents', extensions: ['pdf'] }],
      defaultName: fileNameFor(`${doc.title} ${doc.from} to ${doc.to}`, 'pdf'),
    });
    if (!path) return null;
    return writeReportPdf(doc, path, (job) => s.platform.printPdf(job), { printId });
  },
};
