// The report's funnel and velocity sections on the hand-computed funnel fixture
// (test/fixtures/funnel/, counted by hand in test/integration/funnel/funnel.test.ts), printed
// through Chromium and read back with pdftotext.
// Cohort from lead, 2025 (every lead of the file):
//   Lead 12 (open 1, out 1) · MQL 10 (0, 1) · SQL 9 (2, 1) · opportunity 6 (2, 0) · won 3; lost 1, no decision 0.
//   Step: 10/12 = 83.3%, 9/10 = 90.0%, 6/9 = 66.7%, 3/6 = 50.0%; cumulative 83.3%, 75.0%, 50.0%, 25.0%.
// Period 2025-02-01..2025-03-31: lead 4, MQL 5, SQL 6, opportunity 5, won 0.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { findChromium, ChromiumPrinter } from '#core/reports/chromium-printer.ts';
import { gatherReport } from '#core/reports/report-data.ts';
import { buildReportDocument } from '#core/reports/report-html.ts';
import { writeReportPdf } from '#core/reports/report-pdf.ts';
import type { Session } from '#core/session/session.ts';
import type { ReportSpec } from '#shared/domain/reports.ts';
import { importFunnelFixture } from '../../support/funnel-fixture.ts';
import { tempDir } from '../../support/temp-workspace.ts';
import { testSession } from '../../support/test-session.ts';

const hasChromium = findChromium() !== null;
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(!hasChromium)('report funnel and velocity sections', () => {
  let dir: string;
  let cleanup: () => void;
  let session: Session;
  const printer = new ChromiumPrinter();

  const spec = (from: string, to: string, mode: 'cohort' | 'period'): ReportSpec => ({
    title: 'Funnel review',
    author: '',
    period: { kind: 'absolute', from, to },
    filters: [],
    pageSize: 'A4',
    sections: [
      { id: 'f', kind: 'funnel', orientation: 'portrait', mode, start: 'lead' },
      { id: 'v', kind: 'velocity', orientation: 'portrait' },
    ],
  });

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    const path = join(dir, 'funnel.winnow');
    const ws = await openWorkspace(path, { mode: 'create' });
    importFunnelFixture(ws.sqlite);
    ws.close();
    session = testSession(dir);
    await session.switchTo(path, 'open');
  });

  afterAll(async () => {
    await session?.close();
    cleanup();
  });

  it('prints the cohort funnel’s exact counts and conversions, and the velocity steps, in the PDF', async () => {
    const data = await gatherReport(spec('2025-01-01', '2025-12-31', 'cohort'), session);
    const doc = buildReportDocument(data);
    const out = join(dir, 'funnel.pdf');
    await writeReportPdf(doc, out, (job) => printer.print(job));
    const text = flat(execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }));

    expect(text).toContain('Marketing funnel');
    expect(text).toContain('Funnel velocity');
    expect(text).toContain('Cohort: items that entered the first stage in the period');
    // Stage, count, still open, out, step and its interval, cumulative and its interval.
    expect(text).toMatch(/Lead 12 1 1 – – – –/);
    expect(text).toMatch(/MQL 10 0 1 83\.3% \S+ 83\.3% \S+/);
    expect(text).toMatch(/SQL 9 2 1 90\.0% \S+ 75\.0% \S+/);
    expect(text).toMatch(/Opportunity 6 2 0 66\.7% \S+ 50\.0% \S+/);
    expect(text).toMatch(/Won 3 0 0 50\.0% \S+ 25\.0% \S+/);
    expect(text).toContain('Lost 1');
    expect(text).toContain('No decision 0');
    // Velocity: D3 has sat in Proposal 122 days, past the stage's P90 of 105.
    expect(text).toContain('Deal three Proposal 122 105 d');
    expect(doc.charts).toBe(2);
  });

  it('counts what happened in the period in period mode, as ratios without intervals', async () => {
    const data = await gatherReport(spec('2025-02-01', '2025-03-31', 'period'), session);
    const funnel = data.sections[0]!.data;
    expect(funnel.kind === 'funnel' && funnel.report.total.steps.map((s) => s.count)).toEqual([4, 5, 6, 5, 0]);
    const html = buildReportDocument(data).body;
    expect(html).toContain('<td>Lead</td><td class="num">4</td><td class="num">–</td><td>–</td>');
    expect(html).toContain('<td>MQL</td><td class="num">5</td><td class="num">125.0%</td><td>– (ratio)</td>');
  });
});
