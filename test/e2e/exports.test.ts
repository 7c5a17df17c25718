// Exports carry their context: a user opens the Funnel on the hand-computed fixture
// (test/fixtures/funnel/, counted in test/integration/funnel/funnel.test.ts: cohort from lead over
// all dates, Lead 12 · MQL 10 · SQL 9 · opportunity 6 · won 3; lost 1, no decision 0), exports the
// funnel chart as PNG and SVG and the funnel table as CSV through the shared export menu.
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { readPngText } from '#shared/export/png-text.ts';
import { importFunnelFixture } from '../support/funnel-fixture.ts';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

const NO_DECISION = 'No-decision deals: counted as closed (win rate = won / (won + lost + no decision))';

describe('exports with their context', () => {
  let app: Winnow;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-exports-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const dbPath = join(dir, 'funnel.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    importFunnelFixture(ws.sqlite);
    ws.close();
    app = await launchWinnow({ dbPath });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('exports the funnel chart as a PNG with the context drawn above and below it and stored in it', async () => {
    const { page } = app;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.origin}/#/funnel`);
    try {
      await page.getByTestId('funnel-table').first().waitFor({ timeout: 30_000 });
    } catch (e) {
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'exports-failed.png'), fullPage: true });
      throw new Error(`${(e as Error).message}\n${errors.join('\n')}`, { cause: e });
    }
    await page.getByTestId('funnel-chart').waitFor();
    await page.waitForTimeout(500); // the chart's first frame
    const png = join(dir, 'funnel-chart.png');
    await app.dialogs.next('saveFile', png);
    await page.getByTestId('funnel-chart-export').click();
    await page.getByTestId('funnel-chart-export-png').click();
    await expect
      .poll(() => page.getByTestId('funnel-chart-export-saved').innerText(), { timeout: 15_000 })
      .toContain(png);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(statSync(png).size).toBeGreaterThan(10_000);

    // Twice the chart's size on screen, taller by the header and footer blocks.
    const box = (await page.getByTestId('funnel-chart').boundingBox())!;
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBe(Math.round(box.width) * 2);
    expect(height).toBeGreaterThan(Math.round(box.height) * 2 + 2 * 100);

    const text = readPngText(bytes);
    expect(text.Title).toBe('Funnel: count per stage');
    expect(text.Software).toBe('Winnow');
    const lines = text.Description!.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'Title: Funnel: count per stage',
      'n: 12 items at Lead',
      'Intervals: 95% Wilson intervals of step and cumulative conversion',
      'Filters: none',
      'Period: all dates (entry into the first stage)',
      'Measure: Cohort: items that entered the first stage in the period, followed to today; first stage Lead',
      NO_DECISION,
    ]);
    expect(lines[7]).toMatch(/^Made: \d{4}-\d\d-\d\d \d\d:\d\d UTC with Winnow$/);

    // The pixels: ink in the header band (title and context) and in the footer band, white margins.
    const ink = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const dark = (y0: number, y1: number) => {
        const d = ctx.getImageData(0, y0, img.width, y1 - y0).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i]! < 128 && d[i + 1]! < 128 && d[i + 2]! < 128) n++;
        return n;
      };
      return { title: dark(0, 90), footer: dark(img.height - 80, img.height), corner: dark(0, 16) };
    }, bytes.toString('base64'));
    expect(ink.title).toBeGreaterThan(500);
    expect(ink.footer).toBeGreaterThan(300);
    expect(ink.corner).toBe(0);
  });

  it('exports the same chart as an SVG: the vector chart inside a figure with the same context text', async () => {
    const { page } = app;
    const svgPath = join(dir, 'funnel-chart.svg');
    await app.dialogs.next('saveFile', svgPath);
    await page.getByTestId('funnel-chart-export').click();
    await page.getByTestId('funnel-chart-export-svg').click();
    await expect.poll(() => page.getByTestId('funnel-chart-export-saved').innerText()).toContain(svgPath);
    const svg = readFileSync(svgPath, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>Funnel: count per stage</title>');
    expect(svg).toContain('>n: 12 items at Lead</text>');
    expect(svg).toContain(`>${NO_DECISION}</text>`);
    // The chart itself, as vectors: its stage labels and bar values are text.
    for (const label of ['>Lead<', '>MQL<', '>Opportunity<', '>12<', '>10<', '>9<', '>6<', '>3<'])
      expect(svg).toContain(label);
  });

  it('exports the funnel table as CSV: context rows first, then exactly the cells the screen shows', async () => {
    const { page } = app;
    const csvPath = join(dir, 'funnel-table.csv');
    await app.dialogs.next('saveFile', csvPath);
    await page.getByTestId('funnel-table-export').click();
    await page.getByTestId('funnel-table-export-csv').click();
    await expect.poll(() => page.getByTestId('funnel-table-export-saved').innerText()).toContain(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 7)).toEqual([
      '\uFEFF# Title: Funnel: count and conversion per stage',
      '# n: 12 items at Lead',
      '# Intervals: 95% Wilson intervals of step and cumulative conversion',
      '# Filters: none',
      '# Period: all dates (entry into the first stage)',
      '# Measure: Cohort: items that entered the first stage in the period\u201A followed to today; first stage Lead',
      `# ${NO_DECISION}`,
    ]);
    expect(lines[7]).toMatch(/^# Made: \d{4}-\d\d-\d\d \d\d:\d\d UTC with Winnow$/);

    const rows = Papa.parse<string[]>(csv, { comments: '#', skipEmptyLines: true }).data;
    // The screen's table, cell by cell.
    const shown = await page
      .getByTestId('funnel-table')
      .first()
      .evaluate((t: HTMLTableElement) =>
        Array.from(t.rows).map((r) => Array.from(r.cells).map((c) => c.innerText.replace(/\s+/g, ' ').trim())),
      );
    expect(rows).toEqual(shown);
    // And the hand-computed counts: stage, count, still open, out.
    expect(rows.slice(1, 6).map((r) => r.slice(0, 4))).toEqual([
      ['Lead', '12', '1', '1'],
      ['MQL', '10', '0', '1'],
      ['SQL', '9', '2', '1'],
      ['Opportunity', '6', '2', '0'],
      ['Won', '3', '0', '0'],
    ]);
    expect(rows[6]!.slice(0, 2)).toEqual(['Lost', '1']);
    expect(rows[7]!.slice(0, 2)).toEqual(['No decision', '0']);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'exports-funnel.png'), fullPage: true });
  });
});
