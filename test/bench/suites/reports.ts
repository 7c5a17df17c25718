// Report PDFs (issue 12): a 10-page report with 6 charts on the demo workspace (3,000 deals,
// built once in scratch), from spec to renamed PDF, target <= 5 s; and the full pack (every
// section) on the benchmark workspace, target <= 20 s. Both print with Chromium over the pipe.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openWorkspace } from '#core/db/open-workspace.ts';
import type { Workspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { ChromiumPrinter } from '#core/reports/chromium-printer.ts';
import { inProcessContext } from '#core/reports/in-process-context.ts';
import { writeReportPdf } from '#core/reports/report-pdf.ts';
import { renderReport } from '#core/reports/reports-handlers.ts';
import type { ReportSpec } from '#shared/domain/reports.ts';
import type { Figure, Suite } from '../harness.ts';

const TEN_PAGES: ReportSpec = {
  title: 'Benchmark: ten pages',
  author: '',
  period: { kind: 'absolute', from: '2025-11-01', to: '2026-10-31' },
  filters: [],
  pageSize: 'A4',
  sections: [
    { id: 'a', kind: 'summary', orientation: 'portrait' },
    {
      id: 'b',
      kind: 'matrix',
      orientation: 'landscape',
      rows: 'segment',
      cols: 'region',
      measure: 'count',
      trend: true,
    },
    { id: 'c', kind: 'competitors', orientation: 'portrait', competitorIds: [], limit: 1 },
    { id: 'd', kind: 'reasons', orientation: 'portrait', quotesPerReason: 0, limit: 8 },
  ],
};

const FULL_PACK: ReportSpec = {
  ...TEN_PAGES,
  title: 'Benchmark: full pack',
  sections: [
    ...TEN_PAGES.sections,
    { id: 'e', kind: 'quotes', orientation: 'portrait', limit: 50 },
    { id: 'f', kind: 'retention', orientation: 'landscape', grain: 'quarter' },
    { id: 'g', kind: 'notes', orientation: 'portrait', markdown: 'The monthly pack.' },
  ],
};

async function timePdf(ws: Workspace, spec: ReportSpec, out: string) {
  const ctx = inProcessContext(ws, 'bench', new ChromiumPrinter());
  const started = performance.now();
  const doc = await renderReport(spec, ctx);
  const built = performance.now() - started;
  const r = await writeReportPdf(doc, out, (job) => ctx.platform.printPdf(job), { timeoutMs: 120_000 });
  return { seconds: (performance.now() - started) / 1000, built, pages: r.pages, charts: doc.charts };
}

export const reportsSuite: Suite = {
  name: 'reports',
  async run(ctx) {
    const figures: Figure[] = [];
    const demoPath = join(ctx.scratchDir, 'reports-demo-3000-42.winnow');
    if (!existsSync(demoPath)) {
      rmSync(`${demoPath}.building`, { force: true });
      const ws = await openWorkspace(`${demoPath}.building`, { mode: 'create' });
      loadDemo(ws.sqlite, { deals: 3000, seed: 42 });
      ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      ws.close();
      renameSync(`${demoPath}.building`, demoPath);
    }
    const demo = await openWorkspace(demoPath, { mode: 'open' });
    try {
      const r = await timePdf(demo, TEN_PAGES, join(ctx.scratchDir, 'ten-pages.pdf'));
      figures.push({
        suite: 'reports',
        name: `demo report to PDF (${r.pages} pages, ${r.charts} charts)`,
        value: r.seconds,
        unit: 's',
        target: '<= 5 s',
        met: r.seconds <= 5,
        note: `figures and HTML ${Math.round(r.built)} ms`,
      });
    } finally {
      demo.close();
    }
    const big = await openWorkspace(ctx.workspacePath, { mode: 'open' });
    try {
      const r = await timePdf(big, FULL_PACK, join(ctx.scratchDir, 'full-pack.pdf'));
      figures.push({
        suite: 'reports',
        name: `full pack to PDF, ${ctx.deals.toLocaleString('en-US')} deals (${r.pages} pages, ${r.charts} charts)`,
        value: r.seconds,
        unit: 's',
        target: '<= 20 s',
        met: r.seconds <= 20,
        note: `figures and HTML ${Math.round(r.built)} ms`,
      });
    } finally {
      big.close();
    }
    return figures;
  },
};
