// A report from the demo workspace, printed through Chromium and read back with poppler: the
// chosen sections, the exact figures the contract's own handlers give for the same filters,
// pages and sizes, title, tags and outline, a long table over pages, no network, timeout.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { refreshDerived } from '#core/retention/keep-derived.ts';
import { ChromiumPrinter, findChromium, NO_PRINTER_MESSAGE, writeTempHtml } from '#core/reports/chromium-printer.ts';
import { table } from '#core/reports/html.ts';
import { gatherReport } from '#core/reports/report-data.ts';
import { buildReportDocument, REPORT_CSS } from '#core/reports/report-html.ts';
import { countPdfPages, writeReportPdf } from '#core/reports/report-pdf.ts';
import { handlers } from '#core/rpc/handlers.ts';
import type { Session } from '#core/session/session.ts';
import type { ReportSpec } from '#shared/domain/reports.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { testSession } from '../../support/test-session.ts';

const hasChromium = findChromium() !== null;
const pdftotext = (path: string, ...args: string[]) =>
  execFileSync('pdftotext', [...args, '-layout', path, '-'], { encoding: 'utf8' });
const pdfinfo = (path: string, ...args: string[]) => execFileSync('pdfinfo', [...args, path], { encoding: 'utf8' });
/** Whitespace-insensitive: table cells and wrapped lines become one spaced line of text. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const pct = (x: number | null) => `${((x ?? NaN) * 100).toFixed(1)}%`;

describe.skipIf(!hasChromium)('report PDF', () => {
  let dir: string;
  let cleanup: () => void;
  let session: Session;
  let server: Server;
  let hits: string[];
  let origin: string;
  const printer = new ChromiumPrinter();
  const FROM = '2025-11-01';
  const TO = '2026-10-31';

  const spec = (): ReportSpec => ({
    title: 'Q-pack: win/loss review',
    author: 'Ada Analyst',
    period: { kind: 'absolute', from: FROM, to: TO },
    filters: [],
    pageSize: 'A4',
    sections: [
      { id: 'sum', kind: 'summary', orientation: 'portrait' },
      {
        id: 'mx',
        kind: 'matrix',
        orientation: 'landscape',
        rows: 'segment',
        cols: 'region',
        measure: 'count',
        trend: true,
      },
      { id: 'why', kind: 'reasons', orientation: 'portrait', quotesPerReason: 1, limit: 6 },
      { id: 'ret', kind: 'retention', orientation: 'landscape', grain: 'quarter' },
      {
        id: 'note',
        kind: 'notes',
        orientation: 'portrait',
        markdown: `# Take-aways\nSMB is **strong**. ![logo](${origin}/logo.png) and [the deck](${origin}/deck.html).`,
      },
    ],
  });

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    hits = [];
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const path = join(dir, 'demo.winnow');
    const ws = await openWorkspace(path, { mode: 'create' });
    loadDemo(ws.sqlite, { seed: 42 });
    // As the demo job does: derive the retention tables the report's retention sections read.
    refreshDerived(ws.sqlite);
    ws.close();
    session = testSession(dir);
    await session.switchTo(path, 'open');
  });

  afterAll(async () => {
    await session?.close();
    await new Promise<void>((r) => server.close(() => r()));
    cleanup();
  });

  it('prints the chosen sections with the exact figures of the contract, on A4 pages, tagged, with an outline', async () => {
    const data = await gatherReport(spec(), session, { now: new Date('2026-11-15T09:00:00Z') });
    const doc = buildReportDocument(data);
    const out = join(dir, 'pack.pdf');
    const result = await writeReportPdf(doc, out, (job) => printer.print(job));
    expect(result.ms).toBeLessThan(15_000); // the 5 s target is measured by `npm run bench`
    const text = flat(pdftotext(out));

    // Each chosen section, the contents, the appendix, and the header and footer on every page.
    for (const title of [
      'Contents',
      'Executive summary',
      'Win-rate matrix',
      'Why we win and why we lose',
      'Retention cohorts and revenue movements',
      'Notes',
      'Appendix: filters and definitions',
    ])
      expect(text).toContain(title);
    expect(result.pages).toBeGreaterThanOrEqual(8);
    for (let p = 1; p <= result.pages; p++) {
      const page = flat(pdftotext(out, '-f', String(p), '-l', String(p)));
      expect(page).toContain(`Page ${p} of ${result.pages}`);
      expect(page).toContain('Q-pack: win/loss review');
      expect(page).toContain(`${FROM} to ${TO}`);
    }

    // The same figures the app shows, from the contract's handlers, formatted here independently.
    const period = { from: FROM, to: TO };
    const overview = await handlers['overview:summary']({ period, scope: 'newBusiness' }, session);
    const r = overview.overall.rate;
    expect(text).toContain(`Win rate ${pct(r.rate)} ${r.n.toLocaleString('en-US')} ${pct(r.low)}–${pct(r.high)}`);
    const nd = overview.noDecisionShare;
    expect(text).toContain(`No-decision share ${pct(nd.rate)} ${nd.n} ${pct(nd.low)}–${pct(nd.high)}`);
    for (const m of overview.movers.slice(0, 3)) expect(text).toContain(m.label);
    const matrix = await handlers['matrix:compute'](
      { rows: 'segment', cols: 'region', measure: 'count', period, filters: [] },
      session,
    );
    expect(text).toContain(
      `overall ${pct(matrix.overall.rate.rate)} (95% CI ${pct(matrix.overall.rate.low)}–${pct(matrix.overall.rate.high)}, n = ${matrix.overall.closed.toLocaleString('en-US')})`,
    );
    // Each row of the matrix: its label, every cell's rate in column order, then the row total.
    for (const row of matrix.rows) {
      const cells = matrix.cols.map((col) => matrix.cells.find((c) => c.row === row.key && c.col === col.key)!);
      const total = matrix.rowTotals.find((t) => t.row === row.key)!;
      expect(text).toContain([row.label, ...cells.map((c) => pct(c.rate.rate)), pct(total.rate.rate)].join(' '));
    }
    const reasons = await handlers['winloss:reasons'](
      { filters: { from: FROM, to: TO }, level: 'reason', primaryOnly: false },
      session,
    );
    const topWin = reasons.panels.find((p) => p.outcome === 'won')!.rows[0]!;
    expect(text).toContain(`${topWin.label}`);
    expect(text).toContain(
      `${topWin.deals} ${pct(topWin.share.rate)} ${pct(topWin.share.low)}–${pct(topWin.share.high)}`,
    );
    const movements = await handlers['retention:movements'](
      { grain: 'quarter', filters: [], by: null, group: null },
      session,
    );
    for (const p of movements.periods) expect(text).toContain(p.label);
    // Appendix: definitions in METRICS.md's words, the settings and facts in force.
    expect(text).toContain('Win rate = won / closed, closed = won + lost + no decision; open deals excluded.');
    expect(text).toContain('Low-n rule');
    expect(text).toContain('Attribution model');
    expect(text).toContain('Taxonomy version');
    expect(text).toContain('demo.winnow');
    expect(text).toContain(`Data's last date ${movements.asOf}`);
    expect(text).toContain('App version Winnow 1.2.3');
    // Notes: the safe Markdown subset, links as text; nothing fetched.
    expect(text).toContain(`the deck (${origin}/deck.html)`);
    expect(hits).toEqual([]);

    // pdfinfo: title, tagged, page size per section (landscape for the matrix and retention).
    const info = pdfinfo(out);
    expect(info).toMatch(/Title:\s+Q-pack: win\/loss review/);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(new RegExp(`Pages:\\s+${result.pages}\\b`));
    const sizes = pdfinfo(out, '-f', '1', '-l', String(result.pages));
    expect(sizes).toMatch(/Page\s+1 size:\s+594\.96 x 841\.92 pts \(A4\)/);
    expect(sizes).toMatch(/size:\s+841\.92 x 594\.96 pts \(A4\)/);
    expect(countPdfPages(readFileSync(out))).toBe(result.pages);
    const bytes = readFileSync(out).toString('latin1');
    expect(bytes).toContain('/Outlines');
    expect(bytes).toContain('/Title (Executive summary)');
    expect(bytes).toContain('/Title (Win-rate matrix)');
    expect(bytes).toMatch(/\/Lang \(en\)/);
    // Charts are vector: no raster image in the file.
    expect(bytes).not.toMatch(/\/Subtype\s*\/Image/);

    // Deterministic: the same workspace and spec give the same pages.
    const again = join(dir, 'again.pdf');
    await writeReportPdf(
      buildReportDocument(await gatherReport(spec(), session, { now: new Date('2026-11-15T09:00:00Z') })),
      again,
      (job) => printer.print(job),
    );
    expect(pdftotext(again)).toBe(pdftotext(out));

    // Pages turned into images (looked at by hand when this test was written; see the note).
    execFileSync('pdftoppm', ['-r', '30', '-png', '-f', '1', '-l', '3', out, join(dir, 'page')]);
    expect(readdirSync(dir).filter((f) => f.startsWith('page-') && f.endsWith('.png'))).toHaveLength(3);
  });

  it('prints every row of a 500-row table, repeating its header on every page and never cutting a row', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => [
      `Row ${i + 1}`,
      `${(i * 7) % 1000}`,
      `${i % 3 ? 'yes' : 'no'}`,
    ]);
    const html = `<!doctype html><html lang="en" data-report="ready"><head><meta charset="utf-8"><title>Long</title><style>${REPORT_CSS} @page { size: A4; margin: 15mm; }</style></head><body><div class="report">${table([{ label: 'Deal column' }, { label: 'Amount column', num: true }, { label: 'Flag column' }], rows)}</div></body></html>`;
    const file = writeTempHtml(html);
    const out = join(dir, 'long.pdf');
    try {
      expect((await printer.print({ htmlPath: file.path, outPath: out, timeoutMs: 30_000 })).ok).toBe(true);
    } finally {
      file.dispose();
    }
    const pages = countPdfPages(readFileSync(out));
    expect(pages).toBeGreaterThan(5);
    const seen = new Set<number>();
    for (let p = 1; p <= pages; p++) {
      const lines = pdftotext(out, '-f', String(p), '-l', String(p))
        .split('\n')
        .filter((l) => l.trim());
      expect(lines[0]).toMatch(/Deal column\s+Amount column\s+Flag column/);
      for (const l of lines.slice(1)) {
        // A whole row on one line: its three cells together.
        const m = /^\s*Row (\d+)\s+\d+\s+(yes|no)\s*$/.exec(l);
        expect(m, `page ${p}: "${l}"`).not.toBeNull();
        seen.add(Number(m![1]));
      }
    }
    expect(seen.size).toBe(500);
  });

  it('blocks every request leaving the machine, even from an image in the document', async () => {
    const before = hits.length;
    const file = writeTempHtml(
      `<!doctype html><html lang="en" data-report="ready"><head><title>x</title></head><body><p>hi</p><img src="${origin}/remote.png" alt=""></body></html>`,
    );
    try {
      const r = await printer.print({ htmlPath: file.path, outPath: join(dir, 'net.pdf'), timeoutMs: 20_000 });
      expect(r).toEqual({ ok: true, blockedRequests: [`${origin}/remote.png`] });
    } finally {
      file.dispose();
    }
    expect(hits.length).toBe(before);
  });

  it('stops at the timeout with a clear error and leaves no file behind; says which printers it looked for', async () => {
    const doc = buildReportDocument(await gatherReport({ ...spec(), sections: [spec().sections[0]!] }, session));
    const out = join(dir, 'late.pdf');
    await expect(writeReportPdf(doc, out, (job) => printer.print(job), { timeoutMs: 5 })).rejects.toThrow(
      /took longer than 0 s and was stopped/,
    );
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    const none = await new ChromiumPrinter(null).print({ htmlPath: 'x', outPath: 'y', timeoutMs: 1000 });
    expect(none).toEqual({ ok: false, code: 'no_printer', message: NO_PRINTER_MESSAGE });
    expect(NO_PRINTER_MESSAGE).toMatch(/Electron binary.*CHROMIUM_PATH or \/usr\/bin\/chromium/);
  });
});
