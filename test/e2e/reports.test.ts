// Reports end to end on the demo company: a user builds a report in the browser (title, dates,
// sections added and ordered, notes), previews it (the printed HTML, in the page), saves it as a
// template, loads it back and exports it as PDF; the PDF holds the preview's figures.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { refreshDerived } from '#core/retention/keep-derived.ts';
import { listTemplates } from '#core/reports/template-queries.ts';
import { closeBrowser, launchWinnow, requestsThatLeft, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

describe('reports on the demo workspace', () => {
  let app: Winnow;
  let dir = '';
  let dbPath = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-reports-'));
    dbPath = join(dir, 'demo.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: 3000, seed: 42 });
    // As the demo job does: derive the retention tables the report's retention sections read.
    refreshDerived(ws.sqlite);
    ws.close();
    app = await launchWinnow({ dbPath });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('builds, previews, saves as a template and exports a PDF', async () => {
    const { page } = app;
    await page.getByRole('link', { name: /^Reports/ }).click();
    await page.getByTestId('report-title').fill('Board pack');
    await page.getByTestId('report-author').fill('Ada Analyst');
    await page.getByTestId('report-period').selectOption('absolute');
    await page.getByTestId('report-from').fill('2025-11-01');
    await page.getByTestId('report-to').fill('2026-10-31');
    await page.getByTestId('report-add-section').selectOption('notes');
    await page.getByTestId('report-notes').fill('We **win** in SMB.');
    // The notes go first: move them up past the three default sections.
    const notes = page.getByTestId('report-section-notes');
    for (let i = 0; i < 3; i++) await notes.getByRole('button', { name: 'Move up' }).click();
    expect(await page.locator('[data-testid^="report-section-"]').first().getAttribute('data-testid')).toBe(
      'report-section-notes',
    );

    await page.getByTestId('report-preview-button').click();
    const preview = page.getByTestId('report-preview');
    await page.getByTestId('report-status').filter({ hasText: 'Preview of 2025-11-01 to 2026-10-31' }).waitFor();
    const shown = await preview.evaluate((el) => el.shadowRoot?.textContent ?? '');
    expect(shown).toContain('Board pack');
    expect(shown).toContain('We win in SMB.');
    expect(shown).toMatch(/overall \d+\.\d% \(95% CI/);
    const charts = await preview.evaluate((el) => el.shadowRoot?.querySelectorAll('figure.chart svg').length ?? 0);
    expect(charts).toBeGreaterThanOrEqual(3);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'reports-preview.png') });

    await page.getByTestId('report-template-name').fill('Monthly board pack');
    await page.getByTestId('report-save-template').click();
    await page.getByTestId('report-status').filter({ hasText: 'Template "Monthly board pack" saved.' }).waitFor();
    await page.getByTestId('report-title').fill('Changed');
    await page.getByTestId('report-template-load').selectOption({ label: 'Monthly board pack' });
    expect(await page.getByTestId('report-title').inputValue()).toBe('Board pack');

    const out = join(dir, 'board.pdf');
    await app.dialogs.next('saveFile', out);
    await page.getByTestId('report-export-pdf').click();
    await page
      .getByTestId('report-status')
      .filter({ hasText: /^Saved .*board\.pdf: \d+ pages/ })
      .waitFor({ timeout: 60_000 });
    expect(existsSync(out)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Board pack');
    expect(text).toContain('We win in SMB.');
    const overall = /overall (\d+\.\d% \(95% CI [^)]*\))/.exec(shown)![1]!;
    expect(text).toContain(overall);
    expect(requestsThatLeft(app)).toEqual([]);

    const ws = await openWorkspace(dbPath, { mode: 'open' });
    try {
      const [t] = listTemplates(ws.sqlite);
      expect(t?.name).toBe('Monthly board pack');
      expect(t?.spec.sections.map((s) => s.kind)).toEqual(['notes', 'summary', 'matrix', 'reasons']);
      expect(t?.spec.period).toEqual({ kind: 'absolute', from: '2025-11-01', to: '2026-10-31' });
    } finally {
      ws.close();
    }
  });
});
