// The home dashboard shows the workspace's real figures: the same numbers `winnow stats` prints.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardSummary } from '#core/dashboard/dashboard-queries.ts';
import { openWorkspace } from '#core/db/open-workspace.ts';
import { loadDemo } from '#core/demo/load-demo.ts';
import { readSettings } from '#core/settings/settings-store.ts';
import type { DashboardSummary } from '#shared/domain/dashboard.ts';
import { closeBrowser, launchWinnow, requestsThatLeft, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';

const pct = (x: number | null) => `${((x ?? 0) * 100).toFixed(1)}%`;

describe('home dashboard on the demo workspace', () => {
  let app: Winnow;
  let expected: DashboardSummary;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-'));
    const dbPath = join(dir, 'demo.winnow');
    const ws = await openWorkspace(dbPath, { mode: 'create' });
    loadDemo(ws.sqlite, { deals: 3000, seed: 42 });
    expected = dashboardSummary(ws.sqlite, readSettings(ws.sqlite));
    ws.close();
    app = await launchWinnow({ dbPath });
  });

  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('shows deals, the win rate with n and interval, competitors and interviews from the database', async () => {
    const { page } = app;
    await page.getByTestId('dashboard').waitFor();
    await expect
      .poll(() => page.getByTestId('tile-deals').innerText())
      .toContain(expected.dealsTotal.toLocaleString('en-US'));
    const winTile = await page.getByTestId('tile-win-rate').innerText();
    expect(winTile).toContain(pct(expected.winRate.rate));
    expect(winTile).toContain(`n=${expected.winRate.n.toLocaleString('en-US')}`);
    expect(winTile).toContain('95% CI');
    expect(winTile).toContain(
      `${(expected.winRate.low! * 100).toFixed(0)}%–${(expected.winRate.high! * 100).toFixed(0)}%`,
    );
    expect(await page.getByTestId('tile-interviews').innerText()).toContain(String(expected.interviews.total));
    const rows = await page.getByTestId('competitor-table').locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(expected.topCompetitors.length);
    expect(rows[0]).toContain(expected.topCompetitors[0]!.name);
    expect(await page.getByTestId('tile-last-import').innerText()).toContain('Demo: Northwind Insight');
    expect(await page.getByTestId('competitor-table').getByRole('link').first().getAttribute('href')).toBe(
      `#/competitors?id=${expected.topCompetitors[0]!.id}`,
    );
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard.png'), fullPage: true });
  });

  it('made no request outside the app itself', () => {
    expect(app.requests.length).toBeGreaterThan(0);
    expect(requestsThatLeft(app)).toEqual([]);
  });
});
