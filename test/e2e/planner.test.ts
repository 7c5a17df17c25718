// Issue 11's end-to-end test: a user imports a HubSpot contacts export, opens the funnel, drills
// into a step, opens the needed-MQL planner, edits the target and sees the needed MQLs and the
// odds change to the expected values, then saves the plan by name and sees it listed.
// From test/fixtures/funnel/hubspot-contacts.csv, by hand: data until 2025-03-01 (101's customer
// date), so the default target period is 2025-Q2 and the history window 2024 (no MQL there: the
// rate and the deal size must be entered). MQL → won: 101 only, 2025-01-06 → 2025-03-01 = 54 days
// (median 54). Run-rate: 5 MQLs in 2024-12-01..2025-02-28 → 5 / 3 × 3 months = 5.
// With a deal size of 10,000 and a rate of 10%, both fixed, P(hit | M) = P(Binomial(M, 0.1) ≥ k):
//   target 50,000: k = 5, needed 50; exact smallest M at 50/80/90% = 47, 66, 78 (P(65) = 0.791,
//     P(77) = 0.894: close calls), the seeded 10,000 draws give 47, 67, 79; P(Bin(50, 0.1) ≥ 5) = 56.9%, drawn 56.8%.
//   target 100,000: k = 10, needed 100; exact 97, 124, 140 and drawn the same; P(Bin(100, 0.1) ≥ 10) = 54.9%, drawn 54.8%.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchWinnow, SCREENSHOT_DIR } from './harness/launch.ts';
import type { Winnow } from './harness/launch.ts';
import { importHubspotLeads } from './harness/import-hubspot-leads.ts';

describe('needed-MQL planner from a HubSpot contacts export', () => {
  let app: Winnow;
  const shot = (name: string) =>
    app.page.screenshot({ path: join(SCREENSHOT_DIR, `planner-${name}.png`), fullPage: true });

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnow-e2e-planner-'));
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    app = await launchWinnow({ dbPath: join(dir, 'empty.winnow') });
  });
  afterAll(async () => {
    await app?.close();
    await closeBrowser();
  });

  it('plans the MQLs for a target, recomputes on an edit and saves the plan by name', async () => {
    const { page } = app;
    await importHubspotLeads(app);
    await page.getByTestId('count-mql').first().click();
    await expect.poll(() => page.getByTestId('drill-row').count()).toBe(5);

    await page.getByTestId('funnel-tab').getByText('Needed-MQL planner').click();
    await page.getByTestId('plan-target').waitFor();
    await expect
      .poll(() => page.getByTestId('history-rate').innerText())
      .toContain('No won MQL in the mature cohorts of 2024-01-01 to 2024-12-31');
    expect(await page.getByTestId('history-deal-size').innerText()).toContain('No won new-business deal');
    await page.getByTestId('plan-target').fill('50000');
    await expect
      .poll(() => page.getByTestId('plan-missing').innerText())
      .toContain('an average deal size and an MQL-to-won rate');

    await page.getByTestId('plan-dealSize').fill('10000');
    await page.getByTestId('plan-rate').fill('10');
    const figures = async () => ({
      needed: await page.getByTestId('plan-needed').innerText(),
      hit: await page.getByTestId('plan-hit').innerText(),
      odds: [
        await page.getByTestId('plan-odds-50').innerText(),
        await page.getByTestId('plan-odds-80').innerText(),
        await page.getByTestId('plan-odds-90').innerText(),
      ],
    });
    await expect.poll(figures).toEqual({ needed: '50', hit: '56.8%', odds: ['47', '67', '79'] });
    const formulas = await page.getByTestId('plan-formulas').innerText();
    expect(formulas).toContain('(50,000 / 10,000) / 10.0% = 50, rounded up');
    expect(formulas).toContain('MQLs 2024-12-01 to 2025-02-28 / 3 × 3 months in 2025-Q2 = 5 / 3 × 3 = 5');
    expect(formulas).toContain('needed − run-rate = 50 − 5 = 45 MQLs short');
    expect(formulas).toContain('5 × 10.0% × 10,000 = 5,000');
    expect(formulas).toContain(
      '2025-Q2 (2025-04-01 to 2025-06-30) − median MQL-to-won 54 days = 2025-02-06 to 2025-05-07',
    );
    expect(await page.getByTestId('plan-gap').innerText()).toBe('45 MQLs short');
    expect(await page.getByTestId('plan-arrive').innerText()).toContain('2025-02-06 to 2025-05-07');
    await shot('0-plan');

    // What-if: double the target.
    await page.getByTestId('plan-target').fill('100000');
    await expect.poll(figures).toEqual({ needed: '100', hit: '54.8%', odds: ['97', '124', '140'] });
    expect(await page.getByTestId('plan-gap').innerText()).toBe('95 MQLs short');
    await page.getByTestId('plan-market').fill('80');
    await expect
      .poll(() => page.getByTestId('plan-market-warning').innerText())
      .toContain('(100) than the market holds (80');

    await page.getByTestId('plan-name').fill('Q2 new logos');
    await page.getByTestId('plan-save').click();
    await expect
      .poll(() => page.getByTestId('saved-plan').allInnerTexts())
      .toEqual([expect.stringContaining('Q2 new logos: 100,000')]);
    await shot('1-saved');
  });
});
